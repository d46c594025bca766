// Keeping the cache folder bounded. ESLint keeps one .eslintcache file and
// rewrites it each run with only that run's files; here each entry is a file
// of its own (so concurrent runs and one process per key never lose each
// other's work), and a run over one folder must not throw away the entries of
// another. So entries go by age and size instead: when a command with --cache
// ends, entries this run did not use are removed once unused for
// CACHE_MAX_AGE_DAYS (a hit refreshes an entry's mtime, at most daily), and
// the oldest of them first while all our entries exceed CACHE_MAX_BYTES.
// Only files that are provably ours are removed: a regular file named
// <64 hex>.json whose text begins {"schema":N,"id":"<that name>" — or a
// temporary file of ours (<entry>.json.<pid>.<random>.tmp) left by a crash,
// after a day. Anything else in the folder (a file of the user's, a symlink,
// a sub-folder) is never touched; nothing here fails the command.
import { closeSync, lstatSync, openSync, readdirSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export const CACHE_MAX_AGE_DAYS = 14;
export const CACHE_MAX_BYTES = 256 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const ENTRY_NAME = /^([0-9a-f]{64})\.json$/;
const TEMP_NAME = /^[0-9a-f]{64}\.json\.\d+\.[0-9a-z]+\.tmp$/;

export interface PruneLimits {
  maxAgeDays?: number;
  maxBytes?: number;
  now?: number;
}

/** Does the file begin as an entry of ours with this id? Reads only its first bytes. */
export function isOurEntry(file: string, id: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(128);
    const n = readSync(fd, head, 0, head.length, 0);
    return new RegExp(`^\\{"schema":\\d+,"id":"${id}"`).test(head.subarray(0, n).toString('latin1'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Remove stale entries of ours from `dir`, never one in `keep`; returns the names removed. */
export function pruneCache(dir: string, keep: ReadonlySet<string>, limits: PruneLimits = {}): string[] {
  const now = limits.now ?? Date.now();
  const maxAge = (limits.maxAgeDays ?? CACHE_MAX_AGE_DAYS) * DAY_MS;
  const maxBytes = limits.maxBytes ?? CACHE_MAX_BYTES;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const entries: { name: string; id: string; size: number; mtime: number }[] = [];
  let total = 0;
  const remove = (name: string) => {
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
      return true;
    } catch {
      return false; // gone already, or not ours to delete (permissions): left as it is
    }
  };
  for (const name of names) {
    const entry = ENTRY_NAME.exec(name);
    if (!entry && !TEMP_NAME.test(name)) continue;
    let st;
    try {
      st = lstatSync(join(dir, name));
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    if (!entry) {
      if (now - st.mtimeMs > DAY_MS) remove(name); // a crashed run's temporary file
      continue;
    }
    total += st.size;
    if (!keep.has(name)) entries.push({ name, id: entry[1], size: st.size, mtime: st.mtimeMs });
  }
  entries.sort((a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const stale = now - e.mtime > maxAge;
    if (!stale && total <= maxBytes) break; // oldest first: the rest are newer and fit
    if (isOurEntry(join(dir, e.name), e.id) && remove(e.name)) total -= e.size;
  }
  return removed;
}
