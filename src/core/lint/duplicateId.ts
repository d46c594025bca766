// duplicate-id: two problems (or two bonus rows) share an id, so verdicts
// and tags naming that id are ambiguous. One diagnostic per duplicate: in a
// classic key its fix renumbers the heading to the id its place expects
// (id-order stays silent about a duplicate, so the line is not reported twice).
import { canonicalId } from '../answerKey/vocabulary';
import type { AnswerKey, Diagnostic, Span } from '../model';
import type { Translate } from '../i18n';
import { atLine, type LintRule } from './rule';

/** The renumbering fix for a duplicated classic problem id, when the id its place expects is free. */
function renumber(key: AnswerKey, text: string, index: number, t: Translate): Diagnostic['fix'] {
  if (key.shape) return undefined;
  const p = key.problems[index]!;
  const expected = canonicalId('P', index + 1);
  if (key.problems.some((q) => q.id === expected)) return undefined;
  const m = /P-?\d{1,3}/i.exec(text.slice(p.headingSpan.start.offset, p.headingSpan.end.offset));
  if (!m) return undefined;
  const start = p.headingSpan.start.offset + m.index;
  return { title: t('Renumber {0} to {1}', m[0], expected), edits: [{ start, end: start + m[0].length, newText: expected }] };
}

type What = 'problem' | 'item' | 'bonus';

function alreadyUsed(t: Translate, what: What, id: string, first: number): string {
  if (what === 'problem') return t('problem id {0} is already used on line {1}; each problem needs its own id', id, first);
  if (what === 'item') return t('item id {0} is already used on line {1}; each item needs its own id', id, first);
  return t('bonus id {0} is already used on line {1}; each bonus needs its own id', id, first);
}

function duplicates(items: { id: string; span: Span }[], what: What, t: Translate, fixOf?: (i: number) => Diagnostic['fix']): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  items.forEach((it, i) => {
    const line = it.span.start.line;
    const first = seen.get(it.id);
    if (first === undefined) {
      seen.set(it.id, line);
      return;
    }
    out.push({
      code: 'duplicate-id',
      severity: 'error',
      line,
      span: it.span,
      message: atLine(t, line, alreadyUsed(t, what, it.id, first)),
      fix: fixOf?.(i),
    });
  });
  return out;
}

export const duplicateId: LintRule = {
  code: 'duplicate-id',
  description: 'Problem and bonus ids are unique',
  check: ({ key, text, t }) => [
    ...duplicates(
      key.problems.map((p) => ({ id: p.id, span: p.headingSpan })),
      key.shape ? 'item' : 'problem',
      t,
      (i) => renumber(key, text, i, t),
    ),
    ...duplicates(key.bonus, 'bonus', t),
  ],
};
