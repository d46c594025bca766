// `--cache [--cache-location DIR]`: parsed reviews and keys kept on disk, one
// file per entry named by its hash (core/cache.ts), so a process reads only
// the entries it needs and concurrent runs never lose each other's writes.
// Anything unreadable, corrupt or foreign is ignored and rebuilt; a folder
// that cannot be used turns the cache off with one warning, never a failure.
// Entries are written to a temporary file and renamed into place (as
// write.ts does); nothing is followed through a symlink.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheId, entryText, readEntry, DEFAULT_CACHE_LOCATION, type CacheKind, type GradedEntry } from '../core/cache';
import { gradeReview, type GradeOptions } from '../core/grade';
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import { warn } from './io';
import { t } from './locale';
import { VERSION } from './usage';
import { takeGrade, takeKey, takeReview } from './parallel/store';
import { pruneCache } from './cachePrune';

const hash = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** The options every grading command takes. */
export const CACHE_OPTIONS = {
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
} as const;

let location: string | undefined;
let build = '';

/** Turn the cache on for this process (`--cache`; `--cache-location` implies it). */
export function useCache(values: { cache?: boolean; 'cache-location'?: string }): void {
  if (!values.cache && values['cache-location'] === undefined) return;
  const dir = values['cache-location'] || DEFAULT_CACHE_LOCATION;
  const refused = unusable(dir);
  if (refused) {
    warn(t('{0}: {1}; running without the cache', dir, refused));
    return;
  }
  location = dir;
  build = buildHash();
  // entries this run did not use, past their age or the size cap, go when the command ends
  process.once('exit', () => pruneCache(dir, used));
}

/** Entry file names read or written by this run: pruning never removes them. */
const used = new Set<string>();

/** Why `dir` cannot hold the cache, or undefined when it can (created if missing). */
function unusable(dir: string): string | undefined {
  try {
    const st = lstatSync(dir);
    if (st.isSymbolicLink()) return t('is a symlink (the cache is not written through one)');
    return st.isDirectory() ? undefined : t('is not a folder');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return t('cannot be checked ({0})', String((e as NodeJS.ErrnoException).code ?? e));
  }
  try {
    mkdirSync(dir, { recursive: true });
    return lstatSync(dir).isDirectory() ? undefined : t('is not a folder');
  } catch (e) {
    return t('cannot be created ({0})', String((e as NodeJS.ErrnoException).code ?? e));
  }
}

/** The running bundle's hash: a rebuilt CLI never reads entries an older build wrote. */
function buildHash(): string {
  try {
    return hash(readFileSync(process.argv[1] ?? ''));
  } catch {
    return 'unknown';
  }
}

/** The entry id each cached model was read or parsed under: a graded entry is keyed by them. */
const idOf = new WeakMap<object, string>();

function cached<T extends Review | AnswerKey>(
  kind: CacheKind,
  text: string,
  path: string | undefined,
  scenario: string | undefined,
  parse: () => T,
): T {
  if (location === undefined) return (parseAhead(kind, text, path, scenario) as T | undefined) ?? parse();
  const id = cacheId({ kind, version: VERSION, build, path, scenario, text: hash(text) }, hash);
  const file = join(location, `${id}.json`);
  used.add(`${id}.json`);
  // a model computed ahead (parallel/store.ts) was planned because its entry was missing
  const ahead = parseAhead(kind, text, path, scenario) as T | undefined;
  const hit = ahead ? undefined : (readHit(file, id, kind) as T | undefined);
  const value = ahead ?? hit ?? parse();
  if (!hit) store(file, entryText(id, kind, value));
  idOf.set(value, id);
  return value;
}

/** gradeReview, through the cache when it is on and both models came from it. */
export function gradeReviewCached(key: AnswerKey, review: Review, opts: GradeOptions = {}): GradedReview {
  const keyId = idOf.get(key);
  const reviewId = idOf.get(review);
  const compute = () => takeGrade(key, review, opts) ?? gradeReview(key, review, opts);
  if (location === undefined || !keyId || !reviewId) return compute();
  // every grading option is plain data (judge verdicts, rubric, thresholds, flags, key path)
  const text = hash(JSON.stringify([keyId, reviewId, opts]));
  const id = cacheId({ kind: 'graded', version: VERSION, build, text }, hash);
  const file = join(location, `${id}.json`);
  used.add(`${id}.json`);
  const hit = readHit(file, id, 'graded') as GradedEntry | undefined;
  // the models are put back as the very objects the caller holds
  if (hit) return { ...hit, review, key };
  const graded = compute();
  const { review: _review, key: _key, ...rest } = graded;
  store(file, entryText(id, 'graded', rest));
  return graded;
}

function readHit(file: string, id: string, kind: CacheKind): Review | AnswerKey | GradedEntry | undefined {
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return undefined; // a symlink or anything else there is not read
    const text = readFileSync(file, 'utf8');
    touch(file, st.mtimeMs);
    return kind === 'review' ? readEntry(text, id, 'review') : kind === 'key' ? readEntry(text, id, 'key') : readEntry(text, id, 'graded');
  } catch {
    return undefined; // missing or unreadable: parsed again
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** An entry read is marked as used (its mtime), at most once a day, so pruning by age spares it. */
function touch(file: string, mtimeMs: number): void {
  const now = Date.now();
  if (now - mtimeMs < DAY_MS) return;
  try {
    utimesSync(file, now / 1000, now / 1000);
  } catch {
    /* a read-only cache still serves hits */
  }
}

let writeWarned = false;

function store(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx'); // exclusive: never opens (or follows) something already there
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file); // replaces the entry (a symlink there is replaced, its target untouched)
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      /* never created */
    }
    if (!writeWarned)
      warn(
        t('{0}: cannot write the cache ({1}); results are not affected', location ?? '', String((e as NodeJS.ErrnoException).code ?? e)),
      );
    writeWarned = true;
  }
}

function parseAhead(kind: CacheKind, text: string, path: string | undefined, scenario: string | undefined): Review | AnswerKey | undefined {
  return kind === 'review' ? takeReview(text, path) : kind === 'key' ? takeKey(text, path, scenario) : undefined;
}

/** Is this review's parse already in the cache (so computing it ahead would be wasted)? False with the cache off. */
export function hasReviewEntry(path: string, text: string): boolean {
  if (location === undefined) return false;
  const id = cacheId({ kind: 'review', version: VERSION, build, path, scenario: undefined, text: hash(text) }, hash);
  return existsSync(join(location, `${id}.json`));
}

/** parseReview, through the cache when it is on. */
export function parseReviewCached(text: string, path?: string): Review {
  return cached('review', text, path, undefined, () => parseReview(text, path));
}

/** parseAnswerKey, through the cache when it is on. */
export function parseAnswerKeyCached(text: string, path?: string, scenario?: string): AnswerKey {
  return cached('key', text, path, scenario, () => parseAnswerKey(text, path, scenario));
}
