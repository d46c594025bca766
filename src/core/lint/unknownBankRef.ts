// unknown-bank-ref: a scenario item drawing on a problem-bank entry
// ('**AK-T01-01 (PB-02): …**') that the bank does not hold; its hover would
// show nothing and the scenario's coverage of the bank is wrong.
import type { Diagnostic } from '../model';
import { atLine, type LintRule } from './rule';

export const unknownBankRef: LintRule = {
  code: 'unknown-bank-ref',
  description: "A scenario item's bank reference names an entry of the file's problem bank",
  check: ({ key, t }) => {
    const out: Diagnostic[] = [];
    const bank = new Set((key.bank ?? []).map((b) => b.id));
    for (const p of key.problems) {
      if (!p.ref || bank.has(p.ref)) continue;
      const line = p.headingSpan.start.line;
      const have = bank.size
        ? t('the bank holds {0}', `${[...bank].slice(0, 6).join(', ')}${bank.size > 6 ? ', …' : ''}`)
        : t('the file has no problem bank');
      out.push({
        code: 'unknown-bank-ref',
        severity: 'warning',
        line,
        span: p.headingSpan,
        message: atLine(t, line, t('{0} refers to bank entry {1}, which does not exist ({2})', p.id, p.ref, have)),
      });
    }
    return out;
  },
};
