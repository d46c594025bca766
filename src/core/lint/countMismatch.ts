// count-mismatch: the header's "Embedded Problems: N" disagrees with the
// problems actually written, a common slip when a key is edited.
import { statedCountRange } from '../answerKey/header';
import type { LintRule } from './rule';

export const countMismatch: LintRule = {
  code: 'count-mismatch',
  description: 'The stated problem count equals the number of problems',
  check: ({ key, ix, text }) => {
    const stated = key.statedCount;
    const found = key.problems.length;
    if (stated === undefined || stated === found) return [];
    const line = key.statedCountLine ?? 1;
    const l = ix.line(line);
    const range = statedCountRange(text, l.start, l.end);
    const ids = found > 1 ? ` (${key.problems[0]!.id}…${key.problems[found - 1]!.id})` : found ? ` (${key.problems[0]!.id})` : '';
    return [
      {
        code: 'count-mismatch',
        severity: 'warning',
        line,
        span: ix.span(l.start, l.end),
        message: `line ${line}: the header states ${stated} problems but ${found} problem heading${found === 1 ? ' was' : 's were'} found${ids}; expected the two to agree`,
        fix: range ? { title: `Change the stated count to ${found}`, edits: [{ ...range, newText: String(found) }] } : undefined,
      },
    ];
  },
};
