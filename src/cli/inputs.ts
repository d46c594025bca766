// Loading and pairing the CLI's inputs: a review finds its key by an explicit
// `--key`, a link comment in the review, or the corpus naming conventions.
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import { parseJudgeReport, type JudgeReport } from '../core/judge';
import { findKeySync, type FindKeyOptions, type KeyFound } from '../core/findKey';
import type { AnswerKey, Review } from '../core/model';
import { readTextFile, UsageError } from './io';
import { nodeFiles } from './nodeFiles';

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

/** The key for a review: explicit, paired, linked, by naming convention or pattern (core/findKey); exit 2 when none. */
export function findKeyFor(reviewPath: string, reviewText: string, explicit?: string, options: FindKeyOptions = {}): KeyFound {
  const found = findKeySync(reviewPath, reviewText, nodeFiles, { ...options, explicit });
  if (found.ok) return found;
  throw new UsageError(found.source ? found.message : `${found.message}; pass --key KEY`);
}

export function findKeyPath(reviewPath: string, reviewText: string, explicit?: string, options: FindKeyOptions = {}): string {
  return findKeyFor(reviewPath, reviewText, explicit, options).path;
}
