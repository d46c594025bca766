// Reading inputs for the CLI: every way a path can be bad ends in a
// UsageError that names the file, never a stack trace. Nothing is written.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { t } from './locale';

/** Bad usage or unreadable input: exit 2 with a one-line message. */
export class UsageError extends Error {}

/** Larger inputs are refused rather than risk a hang (a 20 MB review is fine). */
export const MAX_BYTES = 64 * 1024 * 1024;

export interface TextFile {
  path: string;
  text: string;
  /** non-fatal notes about the decoding (invalid UTF-8 replaced, …) */
  warnings: string[];
}

export function readTextFile(path: string): TextFile {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path}: ${t('is a directory, expected a markdown file')}`);
    if (!st.isFile()) throw new UsageError(`${path}: ${t('not a regular file')}`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: ${describeFsError(e)}`);
  }
  if (size > MAX_BYTES)
    throw new UsageError(`${path}: ${t('file is {0} MB, larger than the {1} MB limit', (size / 1048576).toFixed(0), MAX_BYTES / 1048576)}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`${path}: ${describeFsError(e)}`);
  }
  return decode(path, bytes);
}

/** UTF-8 decoding with a clear word about binary files and bad bytes. */
export function decode(path: string, bytes: Uint8Array): TextFile {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new UsageError(`${path}: ${t('looks like a binary file (NUL bytes), expected UTF-8 markdown')}`);
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD') + 1).split('\n').length;
    warnings.push(`${path}:${line}: ${t('invalid UTF-8 bytes replaced with U+FFFD')}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, text, warnings };
}

/**
 * Is `out` the same file as one of `inputs`? Compared by device and inode, so
 * `./x.md`, an absolute path, a symlink or a hard link to an input all count.
 */
export function isSameFileAsAny(out: string, inputs: Iterable<string>): boolean {
  let o: { dev: number; ino: number };
  try {
    o = statSync(out);
  } catch {
    return false; // nothing there yet: writing cannot clobber an input
  }
  for (const p of inputs) {
    try {
      const s = statSync(p);
      if (s.dev === o.dev && s.ino === o.ino) return true;
    } catch {
      // an input that vanished is not the output
    }
  }
  return false;
}

export function fileExists(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return t('no such file');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied');
    case 'EISDIR':
      return t('is a directory, expected a markdown file');
    case 'ENAMETOOLONG':
      return t('file name too long');
    default:
      return t('cannot read ({0})', code ?? String(e));
  }
}

/** A non-fatal note on stderr: `review-grader: warning: …`. */
export function warn(message: string): void {
  process.stderr.write(`review-grader: ${t('warning: {0}', message)}\n`);
}

/** A diagnostic line that already names file, line and severity. */
export function say(line: string): void {
  process.stderr.write(`review-grader: ${line}\n`);
}
