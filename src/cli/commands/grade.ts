// `review-grader grade`: verdicts for each review, as a table or JSON.
import { gradeReview } from '../../core/grade';
import { judgeRunOf } from '../../core/judge';
import type { GradedReview } from '../../core/model';
import { DEFAULT_RUBRIC } from '../../core/score';
import { parseRunName } from '../../core/naming';
import { bonusCapOf, needFiles, parse } from '../args';
import { say, UsageError, warn } from '../io';
import { findKeyPath, loadJudge, loadKey, loadReview } from '../inputs';
import { renderGradeText } from '../format/gradeText';
import { gradeJson } from '../format/gradeJson';
import { formatDiagnostic } from '../format/diagnostics';

export function gradeFiles(
  files: string[],
  opts: { key?: string; judge?: string; autoOnly?: boolean; bonusCap?: number },
): GradedReview[] {
  const rubric = { ...DEFAULT_RUBRIC, bonusCap: opts.bonusCap ?? DEFAULT_RUBRIC.bonusCap };
  const keysWarned = new Set<string>();
  return files.map((file) => {
    if (parseRunName(file)?.kind === 'scoring') throw new UsageError(`${file}: is a judge's scoring report, not a review run; pass it with --judge`);
    const review = loadReview(file);
    const keyPath = findKeyPath(file, review.text, opts.key);
    const key = loadKey(keyPath);
    // Grading against a file with no P-items (a review passed as --key, say) is a usage slip, not a score of 0.
    if (key.value.problems.length === 0) throw new UsageError(`${keyPath}: no problems found (expected '### P01: Title' items); is it an answer key?`);
    review.warnings.concat(keysWarned.has(keyPath) ? [] : key.warnings).forEach(warn);
    // Parse messages name their own file: the key's once, each review's with it.
    if (!keysWarned.has(keyPath)) key.value.diagnostics.filter((d) => d.severity !== 'info').forEach((d) => say(formatDiagnostic(keyPath, d)));
    keysWarned.add(keyPath);
    review.value.diagnostics.filter((d) => d.severity !== 'info').forEach((d) => say(formatDiagnostic(file, d)));
    let judgeRun;
    if (opts.judge) {
      const judge = loadJudge(opts.judge, key.value.problems.map((p) => p.id));
      const run = review.value.run;
      judgeRun = judgeRunOf(judge.value, run);
      if (!judgeRun) warn(`${opts.judge}: no verdicts for run ${run ?? '?'} of ${file}; judge ignored for it`);
    }
    const graded = gradeReview(key.value, review.value, { autoOnly: opts.autoOnly, judge: judgeRun, rubric, keyPath });
    // what grading itself found (tags naming ids the key lacks), at the review's lines
    graded.gradingDiagnostics.forEach((d) => say(formatDiagnostic(file, d)));
    return graded;
  });
}

export function runGrade(args: string[]): number {
  const { values, positionals } = parse('grade', args, {
    key: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'auto-only': { type: 'boolean', default: false },
    judge: { type: 'string' },
    'bonus-cap': { type: 'string' },
  });
  needFiles('grade', positionals, 'review file');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`grade: --format must be text or json, got '${format}'`);
  const graded = gradeFiles(positionals, {
    key: values.key, judge: values.judge, autoOnly: values['auto-only'], bonusCap: bonusCapOf('grade', values['bonus-cap']),
  });
  process.stdout.write(format === 'json' ? `${JSON.stringify(gradeJson(graded), null, 2)}\n` : renderGradeText(graded));
  return 0;
}
