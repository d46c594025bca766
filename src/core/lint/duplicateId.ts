// duplicate-id: two problems (or two bonus rows) share an id, so verdicts
// and tags naming that id are ambiguous.
import type { Diagnostic, Span } from '../model';
import type { LintRule } from './rule';

function duplicates(items: { id: string; span: Span }[], what: string): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const it of items) {
    const line = it.span.start.line;
    const first = seen.get(it.id);
    if (first === undefined) {
      seen.set(it.id, line);
      continue;
    }
    out.push({
      code: 'duplicate-id',
      severity: 'error',
      line,
      span: it.span,
      message: `line ${line}: ${what} id ${it.id} is already used on line ${first}; each ${what} needs its own id`,
    });
  }
  return out;
}

export const duplicateId: LintRule = {
  code: 'duplicate-id',
  description: 'Problem and bonus ids are unique',
  check: ({ key }) => [
    ...duplicates(key.problems.map((p) => ({ id: p.id, span: p.headingSpan })), 'problem'),
    ...duplicates(key.bonus, 'bonus'),
  ],
};
