// "No text from a file reaches a terminal as raw control characters": a
// review title like `\x1b]0;owned\x07` would retitle the terminal, `\x1b[2J`
// erase it. Every string the CLI writes to stdout/stderr passes through
// escapeControls at the stream itself, so no output path (grade text,
// diagnostics, lint, warnings, JSON) can forget it. JSON stays valid: the
// escape is `\u001b`, which JSON.stringify already uses for C0 controls.
import { escapeControls } from '../core/escape';

type Write = NodeJS.WriteStream['write'];

export function guardStream(stream: NodeJS.WriteStream): void {
  const raw = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => raw(typeof chunk === 'string' ? escapeControls(chunk) : chunk, ...rest)) as Write;
}
