// The parse cache's pure half: what an entry is named by and whether a file
// read back is one of ours. What is cached is the parsed model (Review,
// AnswerKey) of one file's text: parsing (remark-parse) is nearly all the
// time, and parseReview / parseAnswerKey depend on nothing but the text, the
// path and the scenario, so settings, flags and judge reports never need to
// be in a parse entry's key. Grading (the matcher) is most of what remains,
// so the graded review is cached too, keyed by the ids of its review and key
// entries plus every grading option (judge verdicts, rubric, thresholds, flags).
import type { AnswerKey, GradedReview, Review } from './model';
import { sha256 } from './output/sha256';

/** Bumped when an entry's layout or a model's shape changes: older entries are then never read. */
export const CACHE_SCHEMA = 1;

/** The default cache folder, in the current directory (as .eslintcache). */
export const DEFAULT_CACHE_LOCATION = '.review-grader-cache';

export type CacheKind = 'review' | 'key' | 'graded';

/** Everything an entry depends on. `build` is a hash of the running bundle, so a new build never reads old entries. */
export interface CacheIdentity {
  kind: CacheKind;
  version: string;
  build: string;
  path?: string;
  scenario?: string;
  /** hash of the file's text */
  text: string;
}

/** The entry's id: a hex hash of its whole identity (also its file name, so it never names a path). */
export function cacheId(who: CacheIdentity, hash: (s: string) => string = sha256): string {
  return hash(JSON.stringify([CACHE_SCHEMA, who.kind, who.version, who.build, who.path ?? null, who.scenario ?? null, who.text]));
}

interface Entry {
  schema: number;
  id: string;
  kind: CacheKind;
  value: unknown;
}

/** A graded review as stored: without the review and key models, which have entries of their own. */
export type GradedEntry = Omit<GradedReview, 'review' | 'key'>;

/** The text an entry is written as. */
export function entryText(id: string, kind: CacheKind, value: Review | AnswerKey | GradedEntry): string {
  const entry: Entry = { schema: CACHE_SCHEMA, id, kind, value };
  return JSON.stringify(entry);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const arrays = (x: Record<string, unknown>, names: string[]) => names.every((n) => Array.isArray(x[n]));

/** The model an entry holds, or undefined for anything else (garbage, another schema, another id, a foreign file). */
export function readEntry(text: string, id: string, kind: 'review'): Review | undefined;
export function readEntry(text: string, id: string, kind: 'key'): AnswerKey | undefined;
export function readEntry(text: string, id: string, kind: 'graded'): GradedEntry | undefined;
export function readEntry(text: string, id: string, kind: CacheKind): Review | AnswerKey | GradedEntry | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(entry) || entry.schema !== CACHE_SCHEMA || entry.id !== id || entry.kind !== kind) return undefined;
  const v = entry.value;
  if (!isObject(v)) return undefined;
  if (kind === 'graded')
    return isObject(v.score) && arrays(v, ['problems', 'bonus', 'penalties', 'unmatched', 'diagnostics', 'gradingDiagnostics'])
      ? (v as unknown as GradedEntry)
      : undefined;
  if (typeof v.language !== 'string') return undefined;
  const ok = kind === 'review' ? arrays(v, ['findings', 'tags', 'diagnostics']) : arrays(v, ['problems', 'bonus', 'diagnostics']);
  return ok ? (v as unknown as Review | AnswerKey) : undefined;
}

// ------------------------------------------------- the editor's cache (added)
// The extension keeps the same entries (entryText / readEntry, one file each,
// named by cacheId) in memory, bounded by size, and persists them in its
// workspace storage with an index of what is there and when each was last
// used, so the folder stays bounded too. Pure: the extension does the I/O.

/** Bumped when the index's layout changes: an older index is then ignored and the folder rebuilt. */
export const CACHE_INDEX_SCHEMA = 1;

/** One entry the persisted index knows: its id (file `<id>.json`), kind, size in UTF-16 units and last use (ms). */
export interface IndexedEntry {
  id: string;
  kind: CacheKind;
  size: number;
  used: number;
}

const KINDS: readonly string[] = ['review', 'key', 'graded'];

/** The index as written: the schema, the tool identity (version and build) it belongs to, its entries. */
export function indexText(tool: string, entries: Iterable<IndexedEntry>): string {
  const rows: [string, CacheKind, number, number][] = [];
  for (const e of entries) rows.push([e.id, e.kind, e.size, e.used]);
  return JSON.stringify({ schema: CACHE_INDEX_SCHEMA, tool, entries: rows });
}

/** The entries an index lists, or undefined when it is not one of ours for this tool (garbage, truncated, another schema or build). */
export function readIndex(text: string, tool: string): IndexedEntry[] | undefined {
  let index: unknown;
  try {
    index = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(index) || index.schema !== CACHE_INDEX_SCHEMA || index.tool !== tool || !Array.isArray(index.entries)) return undefined;
  const out: IndexedEntry[] = [];
  for (const row of index.entries as unknown[]) {
    if (!Array.isArray(row) || row.length !== 4) return undefined;
    const [id, kind, size, used] = row as unknown[];
    // an id is a file name: hex only, so a tampered index never names a path
    if (typeof id !== 'string' || !/^[0-9a-f]{16,128}$/.test(id) || typeof kind !== 'string' || !KINDS.includes(kind)) return undefined;
    if (typeof size !== 'number' || !(size >= 0) || typeof used !== 'number' || !Number.isFinite(used)) return undefined;
    out.push({ id, kind: kind as CacheKind, size, used });
  }
  return out;
}

/** The ids to delete so that the entries fit in `budget` (least recently used first); entries larger than the budget always go. */
export function overBudget(entries: Iterable<IndexedEntry>, budget: number): string[] {
  const byUse: IndexedEntry[] = [];
  let total = 0;
  for (const e of entries) {
    byUse.push(e);
    total += e.size;
  }
  byUse.sort((a, b) => a.used - b.used || (a.id < b.id ? -1 : 1));
  const out: string[] = [];
  for (const e of byUse) {
    if (total <= budget && e.size <= budget) continue;
    out.push(e.id);
    total -= e.size;
  }
  return out;
}

/**
 * The text hash a graded entry is identified by: every input of the grading
 * in one list (the review's and key's entry ids, the judge report's hash,
 * path and run, the rubric, the thresholds, the paths shown, the language),
 * so a change to any of them names another entry.
 */
export function gradedText(inputs: readonly unknown[], hash: (s: string) => string = sha256): string {
  return hash(JSON.stringify(inputs));
}

/**
 * A map that forgets its least recently used entries once the sizes they
 * declare add up to more than `capacity`. Reading an entry makes it the most
 * recent. An entry larger than the whole capacity is not kept.
 */
export class SizedLru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private total = 0;

  constructor(readonly capacity: number) {}

  /** Number of entries. */
  get count(): number {
    return this.map.size;
  }

  /** Sum of the entries' declared sizes. */
  get size(): number {
    return this.total;
  }

  get(id: string): V | undefined {
    const hit = this.map.get(id);
    if (!hit) return undefined;
    this.map.delete(id); // re-inserted: a Map iterates in insertion order, so the oldest comes first
    this.map.set(id, hit);
    return hit.value;
  }

  has(id: string): boolean {
    return this.map.has(id);
  }

  /** Keep `value` under `id`; false when it is larger than the capacity (then nothing is kept). */
  set(id: string, value: V, size: number): boolean {
    this.delete(id);
    if (!(size <= this.capacity)) return false;
    this.map.set(id, { value, size });
    this.total += size;
    for (const [old, entry] of this.map) {
      if (this.total <= this.capacity) break;
      this.map.delete(old);
      this.total -= entry.size;
    }
    return true;
  }

  delete(id: string): boolean {
    const hit = this.map.get(id);
    if (!hit) return false;
    this.map.delete(id);
    this.total -= hit.size;
    return true;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  /** Ids, least recently used first. */
  keys(): string[] {
    return [...this.map.keys()];
  }
}
