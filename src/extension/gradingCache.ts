// The editor's cache per content hash, shared by every feature through the
// GradingService: parsed reviews, keys and judge reports and graded results,
// each named by what it was built from (the text's hash, its path, the tool
// version, and for a graded result every grading input: core/cache.ts), not
// by URI or document version. So two features, or two URIs with the same text,
// never parse twice, and a file closed and reopened is not parsed again. Held
// in memory up to a size (least recently used first), and, when the host gives
// the extension a workspace storage folder, persisted there (persistedCache.ts)
// so a reload or a reopened workspace starts warm. Results of the grading
// workers are filed here too (offer), so every feature and the disk see them.
// Also counts what it did and the longest synchronous stretch it measured, for
// the perf test and bench.
import * as vscode from 'vscode';
import { cacheId, SizedLru, type CacheIdentity, type CacheKind, type GradedEntry } from '../core/cache';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import { PersistedCache, type PersistOptions } from './persistedCache';

export interface GradingCacheOptions extends PersistOptions {
  /** the extension's version (an entry of another version is never read) */
  version?: string;
  /** the workspace storage folder; undefined: memory only */
  storage?: vscode.Uri;
  /** the build's identity for persisted entries (default: the version) */
  build?: () => Promise<string>;
  /** memory budget, in estimated characters */
  capacity?: number;
}

export interface CacheStats {
  entries: number;
  size: number;
  hits: number;
  misses: number;
  /** entries read back from the workspace storage, and unusable ones found there */
  persistedHits: number;
  persistedRejected: number;
  persistedEntries?: number;
  persistedSize?: number;
  persistError?: string;
  persistedMissed?: Partial<Record<CacheKind, number>>;
  /** parses and gradings actually done */
  built: number;
  builtBy: Record<string, number>;
  /** the longest single parse or grading of each kind, ms */
  longestBy: Record<string, number>;
  /** the longest single parse or grading, ms (one synchronous stretch) */
  longestSliceMs: number;
  /** ms spent, summed, waiting in each step of a grading (they overlap when gradings run side by side) and in parsing */
  phases: Record<string, number>;
  /** entries a grading worker made (gradeWorkerPool.ts), by kind: parses and gradings not done on this thread */
  fromWorkers: Record<string, number>;
}

const DEFAULT_CAPACITY = 96 * 1024 * 1024;

export class GradingCache implements vscode.Disposable {
  private readonly memory: SizedLru<unknown>;
  private readonly persisted?: PersistedCache;
  private readonly version: string;
  private hits = 0;
  private misses = 0;
  private built = 0;
  private readonly longestBy: Record<string, number> = {};
  private readonly reading = new Map<string, Promise<unknown>>();
  private readonly builtBy: Record<string, number> = {};
  private longest = 0;
  private readonly phases: Record<string, number> = {};
  private readonly fromWorkers: Record<string, number> = {};

  constructor(opts: GradingCacheOptions = {}) {
    this.version = opts.version ?? 'dev';
    this.memory = new SizedLru(opts.capacity ?? DEFAULT_CAPACITY);
    const build = opts.build ?? (() => Promise.resolve(''));
    if (opts.storage) this.persisted = new PersistedCache(opts.storage, async () => `${this.version}+${await build()}`, opts);
  }

  /** Is anything written to disk? */
  get persists(): boolean {
    return this.persisted !== undefined;
  }

  /** The id of an entry (the build is checked by the persisted index, so it is not part of it). */
  id(who: Omit<CacheIdentity, 'version' | 'build'>): string {
    return cacheId({ ...who, version: this.version, build: '' });
  }

  /** What memory holds under `id`. */
  get<T>(id: string): T | undefined {
    const hit = this.memory.get(id) as T | undefined;
    if (hit === undefined) this.misses++;
    else this.hits++;
    return hit;
  }

  /** What memory holds under `id`, not counted as a hit or miss (a dry run looking ahead). */
  peek<T>(id: string): T | undefined {
    return this.memory.get(id) as T | undefined;
  }

  /** The value under `id`, else made now (timed) and kept, in memory and (unless `persist` is false) on disk. */
  make<T extends Review | AnswerKey>(id: string, kind: 'review' | 'key', size: number, make: () => T, persist: boolean): T;
  make<T>(id: string, kind: undefined, size: number, make: () => T, persist: false, label?: 'judge' | 'graded'): T;
  make<T>(id: string, kind: 'review' | 'key' | undefined, size: number, make: () => T, persist: boolean, label?: string): T {
    const hit = this.get<T>(id);
    if (hit !== undefined) return hit;
    const value = this.timed(make, kind ?? label ?? 'judge'); // the stats' builtBy names what was built
    this.memory.set(id, value, size);
    if (persist && kind) this.persisted?.put(id, kind, value as Review | AnswerKey);
    return value;
  }

  /**
   * Keep what a grading worker made under `id`, unless memory holds it
   * already (then that stays: features may hold it); returns the one kept.
   */
  offer<T>(id: string, kind: 'review' | 'key' | undefined, size: number, value: T, persist: boolean, label = kind ?? 'judge'): T {
    const had = this.memory.get(id) as T | undefined;
    if (had !== undefined) return had;
    this.fromWorkers[label] = (this.fromWorkers[label] ?? 0) + 1;
    this.memory.set(id, value, size);
    if (persist && kind) this.persisted?.put(id, kind, value as Review | AnswerKey);
    return value;
  }

  /** Time one synchronous stretch (a parse, a grading). */
  timed<T>(work: () => T, what = 'graded'): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      const ms = performance.now() - started;
      this.built++;
      this.builtBy[what] = (this.builtBy[what] ?? 0) + 1;
      this.longestBy[what] = Math.max(this.longestBy[what] ?? 0, Math.round(ms));
      this.longest = Math.max(this.longest, ms);
      this.phases.build = (this.phases.build ?? 0) + ms;
    }
  }

  /** Time an awaited step of a grading (for the stats: where a grading waits). */
  async phase<T>(name: string, step: Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await step;
    } finally {
      this.phases[name] = (this.phases[name] ?? 0) + performance.now() - started;
    }
  }

  /** Keep a graded result (its review and key have entries of their own on disk). */
  putGraded(id: string, value: GradedReview, size: number, persist: boolean): void {
    this.memory.set(id, value, size);
    if (!persist || !this.persisted) return;
    const { review: _review, key: _key, ...rest } = value;
    this.persisted.put(id, 'graded', rest);
  }

  /**
   * A graded result from memory, else rebuilt from the three persisted
   * entries (graded, review, key) when all are there; the review and key read
   * back are kept in memory too, so a missing graded entry still spares the parse.
   */
  async gradedFromStorage(gradedId: string, reviewId: string, keyId: string, sizes: { review: number; key: number; graded: number }) {
    const memo = this.get<GradedReview>(gradedId);
    if (memo || !this.persisted) return memo;
    const [graded, review, key] = await Promise.all([
      this.persisted.read(gradedId, 'graded') as Promise<GradedEntry | undefined>,
      this.fromStorage<Review>(reviewId, 'review', sizes.review),
      this.fromStorage<AnswerKey>(keyId, 'key', sizes.key),
    ]);
    if (!graded || !review || !key) return undefined;
    const value: GradedReview = { ...graded, review, key };
    this.memory.set(gradedId, value, sizes.graded);
    return value;
  }

  /** Bring an entry from the disk into memory, if it is there and not in memory already. */
  async load(id: string, kind: CacheKind, size: number): Promise<void> {
    if (this.persisted && !this.memory.has(id)) await this.fromStorage(id, kind, size);
  }

  private fromStorage<T>(id: string, kind: CacheKind, size: number): Promise<T | undefined> {
    const memo = this.memory.get(id) as T | undefined;
    if (memo !== undefined || !this.persisted) return Promise.resolve(memo);
    // one read per entry however many gradings ask for it at once
    let reading = this.reading.get(id);
    if (!reading) {
      reading = this.persisted
        .read(id, kind)
        .catch(() => undefined)
        .then((value) => {
          this.reading.delete(id);
          if (value !== undefined && !this.memory.has(id)) this.memory.set(id, value, size);
          return value;
        });
      this.reading.set(id, reading);
    }
    return reading as Promise<T | undefined>;
  }

  /** Write what is queued for the disk now. */
  flush(): Promise<void> {
    return this.persisted?.flush() ?? Promise.resolve();
  }

  /** Forget everything in memory (what is on disk stays): as after a reload. */
  clearMemory(): void {
    this.memory.clear();
  }

  async stats(): Promise<CacheStats> {
    const disk = this.persisted && (await this.persisted.size());
    return {
      entries: this.memory.count,
      size: this.memory.size,
      hits: this.hits,
      misses: this.misses,
      persistedHits: this.persisted?.hits ?? 0,
      persistedRejected: this.persisted?.rejected ?? 0,
      persistedEntries: disk?.entries,
      persistedSize: disk?.size,
      persistError: this.persisted?.lastError,
      persistedMissed: this.persisted?.missed,
      built: this.built,
      builtBy: { ...this.builtBy },
      longestBy: { ...this.longestBy },
      longestSliceMs: Math.round(this.longest * 10) / 10,
      phases: Object.fromEntries(Object.entries(this.phases).map(([k, v]) => [k, Math.round(v)])),
      fromWorkers: { ...this.fromWorkers },
    };
  }

  dispose(): void {
    this.persisted?.dispose();
  }
}
