// `review-grader lint KEY... [--format text|json]`: answer-key diagnostics for
// every shape and every scenario of a file; exit 1 if any warning or error
// (an info note, such as which reading of an ambiguous shape was taken, is
// printed but does not fail the run). Messages follow --lang; the JSON is
// the same in every language (its messages are the English ones).
import { lintKeyFile, withoutLinePrefix } from '../../core/lint';
import { english } from '../../core/i18n';
import { formatOf, needFiles, parse } from '../args';
import { readTextFile, warn } from '../io';
import { formatDiagnostic } from '../format/diagnostics';
import { cliTranslator, t } from '../locale';

export function runLint(args: string[]): number {
  const { values, positionals } = parse('lint', args, { format: { type: 'string', default: 'text' } });
  const format = formatOf('lint', values.format, ['text', 'json']);
  needFiles('lint', positionals, 'answer key');
  const tr = format === 'json' ? english : cliTranslator();
  let issues = 0;
  let notes = 0;
  const keys: unknown[] = [];
  for (const path of positionals) {
    const file = readTextFile(path);
    file.warnings.forEach(warn);
    const { file: parsed, diagnostics } = lintKeyFile(file.text, path, tr);
    for (const d of diagnostics) {
      if (d.severity === 'info') notes++;
      else issues++;
      // controls: escaped by the stream guard (cli/terminal.ts)
      if (format === 'text') process.stdout.write(`${formatDiagnostic(path, d, withoutLinePrefix(d, tr))}\n`);
    }
    keys.push({
      path,
      sections: parsed.sections.map((s) => ({
        id: s.scenario?.id ?? null,
        title: s.scenario?.title ?? null,
        problems: s.problems.map((p) => p.id),
      })),
      diagnostics: diagnostics.map((d) => ({
        line: d.line,
        column: d.column ?? 1,
        severity: d.severity,
        rule: d.code,
        message: withoutLinePrefix(d),
      })),
    });
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify({ keys }, null, 2)}\n`);
  process.stderr.write(`${lintSummary(issues, notes, positionals.length)}\n`);
  return issues === 0 ? 0 : 1;
}

/** "2 issues (1 note) in 3 keys" / 「キー 3 件: 不備 2 件（注記 1 件）」 */
export function lintSummary(issues: number, notes: number, keys: number): string {
  const found = issues === 0 ? t('no issues') : issues === 1 ? t('{0} issue', issues) : t('{0} issues', issues);
  const files = keys === 1 ? t('{0} key', keys) : t('{0} keys', keys);
  if (!notes) return t('{0} in {1}', found, files);
  return t('{0} ({1}) in {2}', found, notes === 1 ? t('{0} note', notes) : t('{0} notes', notes), files);
}
