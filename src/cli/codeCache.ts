// Start a bundle (dist/cli-main.js) with the V8 code cache the build wrote
// beside it (scripts/build.mjs), so a run neither parses its ~1 MB of
// JavaScript again nor compiles the functions every grading run uses: that
// start-up is paid once per process, i.e. once per key in a
// one-process-per-key run. As Node 22's module.enableCompileCache, but made
// once at build time and only read at run time (a run never writes files it
// was not asked for). The cache is used only when it was made from these very
// bytes (their SHA-256 heads it: V8 itself checks little more than the
// length) and this V8, with these flags, accepts it; otherwise the bundle is
// compiled as usual, just slower.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

/** Set by the build's training run to a bundle's path: that bundle's cache is written when its thread ends. */
export const WRITE_CODE_CACHE_ENV = 'REVIEW_GRADER_WRITE_CODE_CACHE';

const MAGIC = 'review-grader code cache 1\n';
const header = (bundle: Buffer) => Buffer.from(`${MAGIC}${createHash('sha256').update(bundle).digest('hex')}\n`, 'latin1');

/** The V8 data in `cache` if it was made from exactly `bundle`, else undefined. */
export function cachedDataFor(bundle: Buffer, cache: Buffer | undefined): Buffer | undefined {
  if (!cache) return undefined;
  const head = header(bundle);
  return cache.length > head.length && cache.subarray(0, head.length).equals(head) ? cache.subarray(head.length) : undefined;
}

/** The cache file's bytes for `bundle` and V8's `data`. */
export function cacheFileBytes(bundle: Buffer, data: Buffer): Buffer {
  return Buffer.concat([header(bundle), data]);
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** How a bundle was compiled: from its cache, or anew (no cache for these bytes, or V8 refused it). */
export type CacheUse = 'used' | 'none' | 'rejected';

/** Run the CommonJS bundle at `path` as this process's program, through `${path}.cache` when it fits. */
export function runBundle(path: string): CacheUse {
  const bytes = readFileSync(path);
  const cacheFile = `${path}.cache`;
  const cachedData = cachedDataFor(bytes, readOrUndefined(cacheFile));
  const script = new Script(Module.wrap(bytes.toString('utf8')), { filename: path, cachedData });
  const train = process.env[WRITE_CODE_CACHE_ENV];
  if (train && resolve(train) === resolve(path)) {
    // after the run, so the functions it compiled are in the cache too
    process.once('exit', () => {
      const temp = `${cacheFile}.${process.pid}.${threadId}.tmp`;
      writeFileSync(temp, cacheFileBytes(bytes, script.createCachedData()));
      renameSync(temp, cacheFile);
    });
  }
  const mod = new Module(path);
  mod.filename = path;
  const require = createRequire(path);
  // the bundle is the program: cli/cache.ts hashes process.argv[1] as the build its entries belong to
  process.argv[1] = path;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, require, mod, path, dirname(path));
  return !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
}
