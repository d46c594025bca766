// Answer-key linter: parse diagnostics plus one module per rule. The same
// engine serves the CLI and the editor; each rule's fix becomes a quick fix.
import { parseKeyFile, type KeyFile } from '../answerKey';
import { LineIndex } from '../answerKey/lines';
import type { AnswerKey, Diagnostic } from '../model';
import { english, messageIn, type Translate } from '../i18n';
import { bonusWithoutCondition } from './bonusWithoutCondition';
import { countMismatch } from './countMismatch';
import { duplicateId } from './duplicateId';
import { idOrder } from './idOrder';
import { itemWithoutCriteria } from './itemWithoutCriteria';
import { missingCriterion } from './missingCriterion';
import { atLine, type LintRule } from './rule';
import { unknownBankRef } from './unknownBankRef';
import { unknownSeverity } from './unknownSeverity';
import { weightSum } from './weightSum';

export type { LintContext, LintRule } from './rule';
export { atLine } from './rule';

export const RULES: readonly LintRule[] = [
  duplicateId,
  missingCriterion,
  countMismatch,
  unknownSeverity,
  bonusWithoutCondition,
  idOrder,
  itemWithoutCriteria,
  unknownBankRef,
  weightSum,
];

// parse messages that a rule repeats with a fix
const SUPERSEDED = new Set(['no-criteria']);

/**
 * Lint an answer key file. Pass `key` when it is already parsed from this very
 * text; a key that is one scenario of several is re-read so every scenario is
 * linted. `t` translates the rules' messages and fix titles (the editor passes
 * vscode.l10n.t, the CLI its --lang; English by default). Never throws.
 */
export function lintAnswerKey(text: string, path?: string, key?: AnswerKey, t: Translate = english): Diagnostic[] {
  const src = typeof text === 'string' ? text : '';
  const file: KeyFile =
    key && !(key.scenarios && key.scenarios.length > 1) ? { path, sections: [key], diagnostics: [] } : parseKeyFile(src, path);
  return lintFile(src, path, file, t);
}

/** Lint every section of a file, with the parsed file (the CLI's JSON lists the sections). */
export function lintKeyFile(text: string, path?: string, t: Translate = english): { file: KeyFile; diagnostics: Diagnostic[] } {
  const src = typeof text === 'string' ? text : '';
  const file = parseKeyFile(src, path);
  return { file, diagnostics: lintFile(src, path, file, t) };
}

/**
 * A message in `t`'s language without its leading 'line N: ' (「N 行目: 」) for
 * the line it names, for a caller that prints the line itself: the English
 * prefix, or the translated one (rules write it with `t`, a parser's message
 * gets it when said again in `t`'s language).
 */
export function withoutLinePrefix(d: Diagnostic, t: Translate = english): string {
  const text = messageIn(d, t);
  for (const prefix of [`line ${d.line}: `, atLine(t, d.line, '')]) if (prefix && text.startsWith(prefix)) return text.slice(prefix.length);
  return text;
}

/** A parser's diagnostic in the lint's language, as the rules' are (`t`'s text, no record left to say again). */
function inLanguage(d: Diagnostic, t: Translate): Diagnostic {
  if (d.said === undefined) return d;
  const { said: _said, ...rest } = d;
  return { ...rest, message: messageIn(d, t) };
}

function lintFile(src: string, path: string | undefined, file: KeyFile, t: Translate): Diagnostic[] {
  const out: Diagnostic[] = [];
  // file-level messages are copied into every section: report each once
  const seen = new Set<string>();
  const add = (d: Diagnostic) => {
    const k = `${d.line}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(d);
  };
  let ix: LineIndex | undefined;
  try {
    ix = new LineIndex(src);
  } catch {
    ix = undefined;
  }
  for (const section of file.sections) {
    for (const d of section.diagnostics) if (!SUPERSEDED.has(d.code)) add(inLanguage(d, t));
    if (!ix) continue;
    for (const rule of RULES) {
      try {
        rule.check({ text: src, path, key: section, ix, t }).forEach(add);
      } catch (e) {
        add({
          code: rule.code,
          severity: 'error',
          line: 1,
          message: t('rule {0} failed: {1}', rule.code, e instanceof Error ? e.message : String(e)),
        });
      }
    }
  }
  // a message without a column sorts first on its line, and is then shown at column 1
  return out
    .map((d) => (d.column === undefined && d.span ? { ...d, column: d.span.start.column } : d))
    .sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
    .map((d) => (d.column === undefined ? { ...d, column: 1 } : d));
}

export { applyEdits } from '../text';
