// `review-grader lint KEY... [--format text|json]`: answer-key diagnostics for
// every shape and every scenario of a file; exit 1 if any warning or error
// (an info note, such as which reading of an ambiguous shape was taken, is
// printed but does not fail the run).
import { lintKeyFile } from '../../core/lint';
import type { Diagnostic } from '../../core/model';
import { needFiles, parse } from '../args';
import { readTextFile, UsageError, warn } from '../io';
import { formatDiagnostic } from '../format/diagnostics';

/** The message without its leading 'line N: ' where N is the line already printed before it. */
function bare(d: Diagnostic): string {
  const prefix = `line ${d.line}: `;
  return d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function runLint(args: string[]): number {
  const { values, positionals } = parse('lint', args, { format: { type: 'string', default: 'text' } });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`lint: --format must be text or json, got '${format}'`);
  needFiles('lint', positionals, 'answer key');
  let issues = 0;
  let notes = 0;
  const keys: unknown[] = [];
  for (const path of positionals) {
    const file = readTextFile(path);
    file.warnings.forEach(warn);
    const { file: parsed, diagnostics } = lintKeyFile(file.text, path);
    for (const d of diagnostics) {
      if (d.severity === 'info') notes++;
      else issues++;
      if (format === 'text') process.stdout.write(`${formatDiagnostic(path, { ...d, message: bare(d) })}\n`); // controls: escaped by the stream guard (cli/terminal.ts)
    }
    keys.push({
      path,
      sections: parsed.sections.map((s) => ({
        id: s.scenario?.id ?? null,
        title: s.scenario?.title ?? null,
        problems: s.problems.map((p) => p.id),
      })),
      diagnostics: diagnostics.map((d) => ({ line: d.line, column: d.column ?? 1, severity: d.severity, rule: d.code, message: bare(d) })),
    });
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify({ keys }, null, 2)}\n`);
  const noteText = notes ? ` (${plural(notes, 'note')})` : '';
  process.stderr.write(`${issues === 0 ? 'no issues' : plural(issues, 'issue')}${noteText} in ${plural(positionals.length, 'key')}\n`);
  return issues === 0 ? 0 : 1;
}
