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
