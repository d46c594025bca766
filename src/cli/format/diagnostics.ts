// Diagnostics as compilers print them: `file:line:col: severity [code] message`.
// The severity word and the code stay English in every language (problem
// matchers and scripts parse them); the message and "(fixable)" are translated.
import type { Diagnostic } from '../../core/model';
import { t } from '../locale';

export function formatDiagnostic(path: string, d: Diagnostic): string {
  const fix = d.fix ? ` ${t('(fixable)')}` : '';
  return `${path}:${d.line}:${d.column ?? 1}: ${d.severity} [${d.code}] ${d.message}${fix}`;
}
