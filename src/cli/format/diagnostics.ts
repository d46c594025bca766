// Diagnostics as compilers print them: `file:line:col: severity [code] message`.
// The severity word and the code stay English in every language (problem
// matchers and scripts parse them); the message and "(fixable)" are translated
// (a parser's message is said again in the CLI's language: core/i18n messageIn).
import type { Diagnostic } from '../../core/model';
import { messageIn } from '../../core/i18n';
import { cliTranslator, t } from '../locale';

/** `message`: the text to print instead of the diagnostic's own (e.g. without its 'line N: '), already in the CLI's language. */
export function formatDiagnostic(path: string, d: Diagnostic, message = messageIn(d, cliTranslator())): string {
  const fix = d.fix ? ` ${t('(fixable)')}` : '';
  return `${path}:${d.line}:${d.column ?? 1}: ${d.severity} [${d.code}] ${message}${fix}`;
}
