// `review-grader report RUN...`: a variant's scoring report as markdown.
import { writeFileSync } from 'node:fs';
import { renderScoringReport } from '../../core/report';
import { bonusCapOf, needFiles, parse } from '../args';
import { isSameFileAsAny, UsageError } from '../io';
import { gradeFiles } from './grade';

export function runReport(args: string[]): number {
  const { values, positionals } = parse('report', args, {
    key: { type: 'string' },
    judge: { type: 'string' },
    'auto-only': { type: 'boolean', default: false },
    'bonus-cap': { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  needFiles('report', positionals, 'review run');
  const bonusCap = bonusCapOf('report', values['bonus-cap']);
  const graded = gradeFiles(positionals, { key: values.key, judge: values.judge, autoOnly: values['auto-only'], bonusCap });
  const markdown = renderScoringReport(graded, { bonusCap });
  if (values.out) {
    // every file the report was made from: the runs, their keys and the judge's report
    const inputs = [...positionals, ...graded.map((g) => g.keyPath ?? ''), ...(values.judge ? [values.judge] : [])].filter(Boolean);
    if (isSameFileAsAny(values.out, inputs)) throw new UsageError(`report: refusing to overwrite input ${values.out}`);
    try {
      writeFileSync(values.out, markdown);
    } catch (e) {
      throw new UsageError(`report: cannot write ${values.out} (${(e as NodeJS.ErrnoException).code ?? e})`);
    }
    process.stderr.write(`wrote ${values.out}\n`);
  } else process.stdout.write(markdown);
  return 0;
}
