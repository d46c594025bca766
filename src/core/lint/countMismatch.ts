// count-mismatch: the header's "Embedded Problems: N" disagrees with the
// problems actually written, a common slip when a key is edited.
import { statedCountRange } from '../answerKey/header';
import { atLine, type LintRule } from './rule';

export const countMismatch: LintRule = {
  code: 'count-mismatch',
  description: 'The stated problem count equals the number of problems',
  check: ({ key, ix, text, t }) => {
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
        message: atLine(
          t,
          line,
          found === 1
            ? t('the header states {0} problems but {1} problem heading was found{2}; expected the two to agree', stated, found, ids)
            : t('the header states {0} problems but {1} problem headings were found{2}; expected the two to agree', stated, found, ids),
        ),
        fix: range ? { title: t('Change the stated count to {0}', found), edits: [{ ...range, newText: String(found) }] } : undefined,
      },
    ];
  },
};
