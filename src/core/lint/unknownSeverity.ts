// unknown-severity: a severity outside the usual scale (English or Japanese)
// is usually a typo, and breaks grouping by severity.
import { isKnownSeverity, SEVERITY_WORDS } from '../answerKey/vocabulary';
import type { Diagnostic } from '../model';
import type { LintRule } from './rule';

export const unknownSeverity: LintRule = {
  code: 'unknown-severity',
  description: 'Severity values use a known level',
  check: ({ key }) => {
    const out: Diagnostic[] = [];
    for (const p of key.problems) {
      for (const f of p.fields) {
        if (f.name !== 'severity' || isKnownSeverity(f.value)) continue;
        const line = f.span.start.line;
        const what = f.value ? `'${f.value.length > 40 ? f.value.slice(0, 40) + '…' : f.value}' is not a known level` : 'is empty';
        out.push({
          code: 'unknown-severity',
          severity: 'warning',
          line,
          span: f.span,
          message: `line ${line}: ${p.id} severity ${what} (expected one of ${SEVERITY_WORDS.join(', ')})`,
        });
      }
    }
    return out;
  },
};
