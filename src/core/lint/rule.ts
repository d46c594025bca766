// The shape of one lint rule (markdownlint style): a stable code, a one-line
// description, and a check over the parsed key plus its text.
import type { AnswerKey, Diagnostic } from '../model';
import type { LineIndex } from '../answerKey';

export interface LintContext {
  text: string;
  path?: string;
  key: AnswerKey;
  /** line table of `text`, for offsets of fixes */
  ix: LineIndex;
}

export interface LintRule {
  /** stable code, e.g. 'duplicate-id' */
  code: string;
  description: string;
  check(ctx: LintContext): Diagnostic[];
}
