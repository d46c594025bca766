// `review-grader grade`: verdicts for each review, as a table or JSON.
import { judgeRunOf } from '../../core/judge';
import type { GradedReview } from '../../core/model';
import { parseRunName, scoringPathFor } from '../../core/naming';
import { bonusCapOf, formatOf, needFiles, parse } from '../args';
import { fileExists, say, UsageError, warn } from '../io';
import { assertNoEscape } from '../confine';
import { findKeyPath, loadJudge, loadKey, loadReview } from '../inputs';
import { renderGradeText } from '../format/gradeText';
import { gradeJson } from '../format/gradeJson';
import { formatDiagnostic } from '../format/diagnostics';
import { settingsFor } from '../project';
import { CACHE_OPTIONS, gradeReviewCached, useCache } from '../cache';
import { cliLanguage, t } from '../locale';
import { JOBS_OPTION, jobsOf, prefetchGrades } from '../parallel/prefetch';

/** `--judge auto`: the judge report beside each run, found by the naming convention. */
export const AUTO_JUDGE = 'auto';

/** The judge report a run is graded with: `--judge FILE` as given, `--judge auto` the one beside it (if any). */
export function judgePathFor(file: string, judge: string | undefined): string | undefined {
  if (judge !== AUTO_JUDGE) return judge;
  const beside = scoringPathFor(file);
  return beside && fileExists(beside) ? beside : undefined;
}

/** Judge reports sitting beside runs graded without one (the editor would use them). */
export function judgesBeside(files: string[]): string[] {
  const found = new Set<string>();
  for (const f of files) {
    const beside = scoringPathFor(f);
    if (beside && fileExists(beside)) found.add(beside);
  }
  return [...found];
}

export function gradeFiles(files: string[], opts: { key?: string; judge?: string; autoOnly?: boolean; bonusCap?: number }): GradedReview[] {
  const keysWarned = new Set<string>();
  return files.map((file) => {
    if (parseRunName(file)?.kind === 'scoring')
      throw new UsageError(`${file}: ${t("is a judge's scoring report, not a review run; pass it with --judge")}`);
    const review = loadReview(file);
    // the nearest .review-grader.json(c) (cli/project.ts); --bonus-cap wins over it
    const settings = settingsFor(file, { bonusCap: opts.bonusCap });
    const rubric = settings.rubric;
    const keyPath = findKeyPath(file, review.text, opts.key, { patterns: settings.keyPatterns });
    const key = loadKey(keyPath);
    // Grading against a file with no P-items (a review passed as --key, say) is a usage slip, not a score of 0.
    if (key.value.problems.length === 0)
      throw new UsageError(`${keyPath}: ${t("no problems found (expected '### P01: Title' items); is it an answer key?")}`);
    review.warnings.concat(keysWarned.has(keyPath) ? [] : key.warnings).forEach(warn);
    // Parse messages name their own file: the key's once, each review's with it.
    if (!keysWarned.has(keyPath))
      key.value.diagnostics.filter((d) => d.severity !== 'info').forEach((d) => say(formatDiagnostic(keyPath, d)));
    keysWarned.add(keyPath);
    review.value.diagnostics.filter((d) => d.severity !== 'info').forEach((d) => say(formatDiagnostic(file, d)));
    let judgeRun: ReturnType<typeof judgeRunOf>;
    const judgePath = judgePathFor(file, opts.judge);
    if (opts.judge === AUTO_JUDGE && !judgePath)
      warn(
        `${file}: ${t('no judge report beside it (looked for {0}); graded without a judge', scoringPathFor(file) ?? 'vNNN-variant-scoring.md')}`,
      );
    if (judgePath) {
      if (opts.judge === AUTO_JUDGE) assertNoEscape(judgePath);
      const judge = loadJudge(
        judgePath,
        key.value.problems.map((p) => p.id),
      );
      const run = review.value.run;
      judgeRun = judgeRunOf(judge.value, run);
      if (!judgeRun) warn(`${judgePath}: ${t('no verdicts for run {0} of {1}; judge ignored for it', run ?? '?', file)}`);
    }
    const graded = gradeFlat(file, () =>
      gradeReviewCached(key.value, review.value, { autoOnly: opts.autoOnly, judge: judgeRun, rubric, match: settings.match, keyPath }),
    );
    // what grading itself found (tags naming ids the key lacks), at the review's lines
    graded.gradingDiagnostics.forEach((d) => say(formatDiagnostic(file, d)));
    return graded;
  });
}

/** A stack overflow while grading is an input the core cannot handle yet: say which file, not "nests too deeply". */
function gradeFlat<T>(file: string, grade: () => T): T {
  try {
    return grade();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`${file}: ${t('too large to grade ({0}); try a smaller review', e.message)}`);
    throw e;
  }
}

export async function runGrade(args: string[]): Promise<number> {
  const { values, positionals } = parse('grade', args, {
    key: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'auto-only': { type: 'boolean', default: false },
    judge: { type: 'string' },
    'bonus-cap': { type: 'string' },
    ...CACHE_OPTIONS,
    ...JOBS_OPTION,
  });
  needFiles('grade', positionals, 'review file');
  useCache(values);
  const format = formatOf('grade', values.format, ['text', 'json']);
  const opts = { key: values.key, judge: values.judge, autoOnly: values['auto-only'], bonusCap: bonusCapOf('grade', values['bonus-cap']) };
  // both cores: parsed and graded ahead in worker threads; gradeFiles then reads the results in order
  await prefetchGrades(positionals, opts, jobsOf('grade', values.jobs));
  const graded = gradeFiles(positionals, opts);
  process.stdout.write(
    format === 'json'
      ? `${JSON.stringify(gradeJson(graded), null, 2)}
`
      : renderGradeText(graded, cliLanguage()),
  );
  // The editor reads the judge beside a run by default; the CLI only when asked. Say so, once.
  if (format === 'text' && values.judge === undefined) {
    const beside = judgesBeside(positionals);
    if (beside.length)
      process.stdout.write(
        `\n${
          beside.length > 1
            ? t(
                "note: judge report beside it: {0} (and {1} more); pass --judge to use it (--judge auto finds each run's)",
                beside[0]!,
                beside.length - 1,
              )
            : t("note: judge report beside it: {0}; pass --judge to use it (--judge auto finds each run's)", beside[0]!)
        }\n`,
      );
  }
  return 0;
}
