// id-order: problems should run P01, P02, … in document order without gaps;
// judges and tags refer to problems by these ids. The fix renumbers the
// heading (only the id, nothing else in the line).
import { canonicalId } from '../answerKey/vocabulary';
import type { Diagnostic } from '../model';
import { atLine, type LintRule } from './rule';

export const idOrder: LintRule = {
  code: 'id-order',
  description: 'Problem ids run P01, P02, … in order without gaps',
  check: ({ key, text, t }) => {
    const out: Diagnostic[] = [];
    // ids of other shapes ('S1', 'T01-C2') are kept as written; a duplicate is duplicate-id's to report
    if (key.shape) return out;
    const seen = new Set<string>();
    key.problems.forEach((p, i) => {
      const expected = canonicalId('P', i + 1);
      const repeated = seen.has(p.id);
      seen.add(p.id);
      if (p.number === i + 1 || repeated) return;
      const line = p.headingSpan.start.line;
      const lineText = text.slice(p.headingSpan.start.offset, p.headingSpan.end.offset);
      const m = /P-?\d{1,5}/i.exec(lineText);
      const start = p.headingSpan.start.offset + (m?.index ?? 0);
      const why =
        p.number < i + 1
          ? t('out of order or repeated')
          : i === 0
            ? t('not the first id')
            : t('after {0}, leaving a gap', key.problems[i - 1]!.id);
      out.push({
        code: 'id-order',
        severity: 'warning',
        line,
        span: p.headingSpan,
        message: atLine(
          t,
          line,
          t('problem id {0} is {1}; expected {2} here (problems are numbered P01, P02, … in order)', p.id, why, expected),
        ),
        fix: m
          ? { title: t('Renumber {0} to {1}', m[0], expected), edits: [{ start, end: start + m[0].length, newText: expected }] }
          : undefined,
      });
    });
    return out;
  },
};
