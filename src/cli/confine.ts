// Where the CLI may read what a file points to: a review's answer-key link
// only to a .md file inside the directory the CLI runs in; a symlink (a run,
// a key, a judge report) only when it resolves inside that directory too.
// Paths the user typed are trusted; paths a file names are not.
import { lstatSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { isInside, lineOf, linkAllowed } from '../core/confine';
import { linkedKeyPath, parseRunName, resolveBeside } from '../core/naming';
import { readTextFile, UsageError, type TextFile } from './io';
import { t } from './locale';

/** The working directory, as typed and with symlinks resolved. */
export function cwdRoots(): string[] {
  const cwd = process.cwd();
  return [...new Set([cwd, realOf(cwd)])];
}

function realOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function insideAny(roots: string[], p: string): boolean {
  return roots.some((r) => isInside(r, p));
}

/** Why a linked key may not be read (undefined: it may). `target` is the link resolved beside the review. */
export function linkRefusal(
  reviewPath: string,
  reviewText: string,
  linked: string,
  target: string,
  roots = cwdRoots(),
  label = roots[0],
): string | undefined {
  const abs = resolve(target);
  const allowed = roots.some((r) => linkAllowed(r, abs).ok) && insideAny(roots, realOf(abs));
  const notMd = !/\.md$/i.test(abs);
  if (!notMd && allowed) return undefined;
  const shown = JSON.stringify(linked.length > 160 ? `${linked.slice(0, 160)}…` : linked);
  const why = notMd
    ? t('answer-key link {0} is not a .md file; not read', shown)
    : t('answer-key link {0} is outside {1}; not read', shown, label);
  return `${reviewPath}:${lineOf(reviewText, linked)}: ${why}`;
}

/** Refuse a symlink that leads out of the roots (a run, key or judge report the CLI found or was given). */
export function assertNoEscape(path: string, roots = cwdRoots(), label = roots[0]): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return; // missing: the reader says so
  }
  if (!link) return;
  const real = realOf(path);
  if (!insideAny(roots, real)) throw new UsageError(`${path}: ${t('symbolic link to {0}, outside {1}; not followed', real, label)}`);
}

/**
 * A reader for the dashboard: every file it reads must be a .md file whose
 * real path lies inside the roots. A refused key is reported at the line of
 * the link in the run that named it (runs are read before their keys).
 */
export function confinedReader(folder: string): (path: string) => TextFile {
  const roots = [...new Set([...cwdRoots(), resolve(folder), realOf(folder)])];
  const label = resolve(folder) === process.cwd() ? process.cwd() : t('{0} and {1}', folder, process.cwd());
  let lastRun: { path: string; text: string } | undefined;
  return (path) => {
    const real = realOf(path);
    if (!/\.md$/i.test(real) || !insideAny(roots, real)) {
      const linked = lastRun && linkedKeyPath(lastRun.text);
      if (lastRun && linked && resolve(resolveBeside(lastRun.path, linked)) === resolve(path)) {
        throw new UsageError(linkRefusal(lastRun.path, lastRun.text, linked, path, roots, label) ?? `${path}: ${t('not read')}`);
      }
      throw new UsageError(
        `${path}: ${real === resolve(path) ? t('outside {0}; not read', label) : t('symbolic link to {0}, outside {1}; not read', real, label)}`,
      );
    }
    const file = readTextFile(path);
    if (parseRunName(path)?.kind === 'run') lastRun = { path, text: file.text };
    return file;
  };
}
