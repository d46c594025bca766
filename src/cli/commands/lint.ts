// `review-grader lint KEY...`: answer-key diagnostics; exit 1 if any.
import { lintAnswerKey } from '../../core/lint';
import { needFiles, parse } from '../args';
import { readTextFile, warn } from '../io';
import { formatDiagnostic } from '../format/diagnostics';

export function runLint(args: string[]): number {
  const { positionals } = parse('lint', args, {});
  needFiles('lint', positionals, 'answer key');
  let found = 0;
  for (const path of positionals) {
    const file = readTextFile(path);
    file.warnings.forEach(warn);
    const diagnostics = lintAnswerKey(file.text, path);
    for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(path, d)}\n`);
    found += diagnostics.length;
  }
  process.stderr.write(`${found === 0 ? 'no problems' : `${found} problem${found === 1 ? '' : 's'}`} in ${positionals.length} key${positionals.length === 1 ? '' : 's'}\n`);
  return found === 0 ? 0 : 1;
}
