// unknown-severity: a severity outside the usual scale (English or Japanese)
// is usually a typo, and breaks grouping by severity.
import { isKnownSeverity, SEVERITY_WORDS } from '../answerKey/vocabulary';
import type { Diagnostic } from '../model';
import { atLine, type LintRule } from './rule';

export const unknownSeverity: LintRule = {
  code: 'unknown-severity',
  description: 'Severity values use a known level',
  check: ({ key, t }) => {
    const out: Diagnostic[] = [];
    for (const p of key.problems) {
      for (const f of p.fields) {
        if (f.name !== 'severity' || isKnownSeverity(f.value)) continue;
        const line = f.span.start.line;
        const levels = SEVERITY_WORDS.join(', ');
        const value = f.value.length > 40 ? f.value.slice(0, 40) + '…' : f.value;
        out.push({
          code: 'unknown-severity',
          severity: 'warning',
          line,
          span: f.span,
          message: atLine(
            t,
            line,
            f.value
              ? t("{0} severity '{1}' is not a known level (expected one of {2})", p.id, value, levels)
              : t('{0} severity is empty (expected one of {1})', p.id, levels),
          ),
        });
      }
    }
    return out;
  },
};
