// Answer-key linter: parse diagnostics plus one module per rule. The same
// engine serves the CLI and the editor; each rule's fix becomes a quick fix.
import { LineIndex, parseAnswerKey } from '../answerKey';
import type { AnswerKey, Diagnostic } from '../model';
import { bonusWithoutCondition } from './bonusWithoutCondition';
import { countMismatch } from './countMismatch';
import { duplicateId } from './duplicateId';
import { idOrder } from './idOrder';
import { missingCriterion } from './missingCriterion';
import type { LintRule } from './rule';
import { unknownSeverity } from './unknownSeverity';

export type { LintContext, LintRule } from './rule';

export const RULES: readonly LintRule[] = [duplicateId, missingCriterion, countMismatch, unknownSeverity, bonusWithoutCondition, idOrder];

// parse messages that a rule repeats with a fix
const SUPERSEDED = new Set(['no-criteria']);

/** Lint an answer key. Pass `key` when it is already parsed from this very text. Never throws. */
export function lintAnswerKey(text: string, path?: string, key?: AnswerKey): Diagnostic[] {
  const src = typeof text === 'string' ? text : '';
  const parsed = key ?? parseAnswerKey(src, path);
  const out = parsed.diagnostics.filter((d) => !SUPERSEDED.has(d.code));
  let ix: LineIndex;
  try {
    ix = new LineIndex(src);
  } catch {
    return out;
  }
  for (const rule of RULES) {
    try {
      out.push(...rule.check({ text: src, path, key: parsed, ix }));
    } catch (e) {
      out.push({ code: rule.code, severity: 'error', line: 1, message: `rule ${rule.code} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out
    .map((d) => (d.column === undefined && d.span ? { ...d, column: d.span.start.column } : d))
    .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

export { applyEdits } from '../text';
