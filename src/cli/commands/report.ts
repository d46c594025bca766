// `review-grader report RUN...`: a variant's scoring report as markdown.
import { renderScoringReport } from '../../core/report';
import { bonusCapOf, needFiles, parse } from '../args';
import { writeOutput } from '../write';
import { settingsFor } from '../project';
import { gradeFiles, judgePathFor } from './grade';
import { CACHE_OPTIONS, useCache } from '../cache';
import { cliLanguage, t } from '../locale';
import { JOBS_OPTION, jobsOf, prefetchGrades } from '../parallel/prefetch';

export async function runReport(args: string[]): Promise<number> {
  const { values, positionals } = parse('report', args, {
    key: { type: 'string' },
    judge: { type: 'string' },
    'auto-only': { type: 'boolean', default: false },
    'bonus-cap': { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    ...CACHE_OPTIONS,
    ...JOBS_OPTION,
  });
  needFiles('report', positionals, 'review run');
  useCache(values);
  const bonusCap = bonusCapOf('report', values['bonus-cap']);
  const opts = { key: values.key, judge: values.judge, autoOnly: values['auto-only'], bonusCap };
  await prefetchGrades(positionals, opts, jobsOf('report', values.jobs));
  const graded = gradeFiles(positionals, opts);
  // the first run's project file states the round thresholds (stability words), as it does the cap
  const rule = positionals[0] ? settingsFor(positionals[0]) : undefined;
  const markdown = renderScoringReport(graded, { bonusCap: graded[0]?.score.rubric.bonusCap ?? bonusCap, locale: cliLanguage(), rule });
  if (values.out) {
    // every file the report was made from: the runs, their keys and the judge's report
    const inputs = [
      ...positionals,
      ...graded.map((g) => g.keyPath ?? ''),
      ...positionals.map((f) => judgePathFor(f, values.judge) ?? ''),
    ].filter(Boolean);
    writeOutput('report', values.out, markdown, { inputs, force: values.force });
    process.stderr.write(`${t('wrote {0}', values.out)}\n`);
  } else process.stdout.write(markdown);
  return 0;
}
