// The shape of one lint rule (markdownlint style): a stable code, a one-line
// description, and a check over the parsed key plus its text.
import type { AnswerKey, Diagnostic } from '../model';
import type { LineIndex } from '../answerKey';
import type { Translate } from '../i18n';

export interface LintContext {
  text: string;
  path?: string;
  key: AnswerKey;
  /** line table of `text`, for offsets of fixes */
  ix: LineIndex;
  /** messages and fix titles in the UI language (English by default) */
  t: Translate;
}

/** 'line 12: …' (「12 行目: …」): every rule's message starts with its line, as the parser's do. */
export function atLine(t: Translate, line: number, message: string): string {
  return t('line {0}: {1}', line, message);
}

export interface LintRule {
  /** stable code, e.g. 'duplicate-id' */
  code: string;
  description: string;
  check(ctx: LintContext): Diagnostic[];
}
