// Loading and pairing the CLI's inputs: a review finds its key by an explicit
// `--key`, a link comment in the review, or the corpus naming conventions.
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import { parseJudgeReport, type JudgeReport } from '../core/judge';
import { keyLookup, keyNotFound } from '../core/naming';
import type { AnswerKey, Review } from '../core/model';
import { fileExists, readTextFile, UsageError } from './io';

export interface Loaded<T> {
  path: string;
  text: string;
  value: T;
  warnings: string[];
}

const keyCache = new Map<string, Loaded<AnswerKey>>();

export function loadKey(path: string): Loaded<AnswerKey> {
  const hit = keyCache.get(path);
  if (hit) return hit;
  const f = readTextFile(path);
  const loaded = { path, text: f.text, value: parseAnswerKey(f.text, path), warnings: f.warnings };
  keyCache.set(path, loaded);
  return loaded;
}

export function loadReview(path: string): Loaded<Review> {
  const f = readTextFile(path);
  return { path, text: f.text, value: parseReview(f.text, path), warnings: f.warnings };
}

export function loadJudge(path: string, problemIds?: string[]): Loaded<JudgeReport> {
  const f = readTextFile(path);
  return { path, text: f.text, value: parseJudgeReport(f.text, path, problemIds), warnings: f.warnings };
}

/** The key for a review: explicit, linked, or by naming convention; exit 2 when none. */
export function findKeyPath(reviewPath: string, reviewText: string, explicit?: string): string {
  if (explicit) return explicit;
  const lookup = keyLookup(reviewPath, reviewText);
  const found = lookup.paths.find(fileExists);
  if (found) return found;
  throw new UsageError(lookup.linked ? keyNotFound(reviewPath, lookup) : `${keyNotFound(reviewPath, lookup)}; pass --key KEY`);
}
