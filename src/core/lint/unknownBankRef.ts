// unknown-bank-ref: a scenario item drawing on a problem-bank entry
// ('**AK-T01-01 (PB-02): …**') that the bank does not hold; its hover would
// show nothing and the scenario's coverage of the bank is wrong.
import type { Diagnostic } from '../model';
import type { LintRule } from './rule';

export const unknownBankRef: LintRule = {
  code: 'unknown-bank-ref',
  description: "A scenario item's bank reference names an entry of the file's problem bank",
  check: ({ key }) => {
    const out: Diagnostic[] = [];
    const bank = new Set((key.bank ?? []).map((b) => b.id));
    for (const p of key.problems) {
      if (!p.ref || bank.has(p.ref)) continue;
      const line = p.headingSpan.start.line;
      const have = bank.size
        ? `the bank holds ${[...bank].slice(0, 6).join(', ')}${bank.size > 6 ? ', …' : ''}`
        : 'the file has no problem bank';
      out.push({
        code: 'unknown-bank-ref',
        severity: 'warning',
        line,
        span: p.headingSpan,
        message: `line ${line}: ${p.id} refers to bank entry ${p.ref}, which does not exist (${have})`,
      });
    }
    return out;
  },
};
