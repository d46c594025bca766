// `review-grader report RUN...`: a variant's scoring report as markdown.
import { renderScoringReport } from '../../core/report';
import { bonusCapOf, needFiles, parse } from '../args';
import { writeOutput } from '../write';
import { gradeFiles, judgePathFor } from './grade';
import { CACHE_OPTIONS, useCache } from '../cache';
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
  const markdown = renderScoringReport(graded, { bonusCap: graded[0]?.score.rubric.bonusCap ?? bonusCap });
  if (values.out) {
    // every file the report was made from: the runs, their keys and the judge's report
    const inputs = [
      ...positionals,
      ...graded.map((g) => g.keyPath ?? ''),
      ...positionals.map((f) => judgePathFor(f, values.judge) ?? ''),
    ].filter(Boolean);
    writeOutput('report', values.out, markdown, { inputs, force: values.force });
    process.stderr.write(`wrote ${values.out}\n`);
  } else process.stdout.write(markdown);
  return 0;
}
