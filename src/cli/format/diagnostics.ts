// Diagnostics as compilers print them: `file:line:col: severity [code] message`.
import type { Diagnostic } from '../../core/model';

export function formatDiagnostic(path: string, d: Diagnostic): string {
  const fix = d.fix ? ' (fixable)' : '';
  return `${path}:${d.line}:${d.column ?? 1}: ${d.severity} [${d.code}] ${d.message}${fix}`;
}
