// Writing an output (`report -o`, `dashboard -o`) without losing a byte:
// never an input, never a file review-grader did not write or that was edited
// since (unless --force), never through a symlink; the new content goes to a
// temporary file in the same folder and is renamed into place, so a failed
// write (disk full) leaves the old file whole. The decision is core's.
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mayReplace, sealOutput } from '../core/output';
import { splitFragment } from '../core/naming';
import { isSameFileAsAny, UsageError } from './io';
import { t } from './locale';
import type { Refusal } from '../core/output';

export interface WriteOptions {
  /** replace a file that is not ours or was edited, or a symlink (the link, never its target) */
  force?: boolean;
  /** files the output was made from: never replaced, even with --force */
  inputs: Iterable<string>;
  /** false for formats with no room for the marker (JSON): then any existing file needs --force */
  seal?: boolean;
}

/** Seal and write `content` to `path`; returns the bytes written. Refusals and failures are UsageErrors naming the file. */
export function writeOutput(command: string, path: string, content: string, opts: WriteOptions): number {
  const kind = kindAt(path);
  if (kind === 'directory') throw new UsageError(`${command}: ${t('{0} is a folder; give a file name for -o', path)}`);
  // A symlink to an input is still an input: it is checked first, through the link.
  // an input named with its scenario ('rubric.md#T01') is the file 'rubric.md'
  if (
    kind !== 'none' &&
    isSameFileAsAny(
      path,
      [...opts.inputs].map((i) => splitFragment(i).path),
    )
  )
    throw new UsageError(`${command}: ${t('refusing to overwrite input {0}', path)}`);
  const seal = opts.seal !== false;
  // Unsealed output cannot prove it is ours later: whatever sits there counts as someone else's.
  const existing = kind !== 'file' ? undefined : seal ? readExisting(command, path) : '';
  const decision = mayReplace(existing, { force: opts.force, kind: kind === 'none' ? undefined : kind });
  if (!decision.ok) throw new UsageError(`${command}: ${refusal(path, decision.state)}`);
  const bytes = Buffer.from(seal ? sealOutput(content) : content, 'utf8');
  writeAtomically(command, path, bytes, kind === 'file' ? statSync(path).mode & 0o777 : undefined);
  return bytes.length;
}

/** core/output's refusalMessage, in the CLI's language: the file and the way out. */
function refusal(path: string, state: Refusal): string {
  switch (state) {
    case 'not-a-file':
      return t('refusing to write {0}: it is not a regular file', path);
    case 'symlink':
      return t(
        'refusing to write {0}: it is a symbolic link (not followed); pass --force to replace the link itself, never its target',
        path,
      );
    case 'edited':
      return t('refusing to replace {0}: edited since review-grader wrote it; pass --force to replace it', path);
    case 'foreign':
      return t('refusing to replace {0}: not written by review-grader; pass --force to replace it', path);
  }
}

type Kind = 'none' | 'file' | 'symlink' | 'directory' | 'other';

function kindAt(path: string): Kind {
  try {
    const st = lstatSync(path); // lstat: a link (dangling or not) is seen as a link, not followed
    if (st.isSymbolicLink()) return 'symlink';
    if (st.isDirectory()) return 'directory';
    return st.isFile() ? 'file' : 'other';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw new UsageError(t('cannot check {0} ({1})', path, String((e as NodeJS.ErrnoException).code ?? e)));
  }
}

function readExisting(command: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(
      `${command}: ${t('cannot read {0} to check it before replacing it ({1})', path, String((e as NodeJS.ErrnoException).code ?? e))}`,
    );
  }
}

function writeAtomically(command: string, path: string, bytes: Buffer, mode: number | undefined): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx'); // exclusive: never opens (or follows) something already there
    if (mode !== undefined) fchmodSync(fd, mode); // the replaced file keeps its permissions
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path); // replaces the directory entry: a symlink there is replaced, its target untouched
  } catch (e) {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    try {
      unlinkSync(temp);
    } catch {
      /* never created */
    }
    const code = String((e as NodeJS.ErrnoException).code ?? e);
    throw new UsageError(
      `${command}: ${
        kindAt(path) === 'none'
          ? t('cannot write {0} ({1}); nothing written', path, code)
          : t('cannot write {0} ({1}); the existing file is unchanged', path, code)
      }`,
    );
  }
}
