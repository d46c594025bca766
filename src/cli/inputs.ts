// Loading and pairing the CLI's inputs: a review finds its key by an explicit
// `--key`, a link comment in the review, or the corpus naming conventions.
// A link is followed only inside the working directory (see confine.ts).
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import { parseJudgeReport, type JudgeReport } from '../core/judge';
import { keyCandidates, keyLookup, keyNotFound } from '../core/naming';
import type { AnswerKey, Review } from '../core/model';
import { fileExists, readTextFile, UsageError, warn } from './io';
import { assertNoEscape, linkRefusal } from './confine';

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
  assertNoEscape(path);
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
  let refused: string | undefined;
  if (lookup.linked) {
    refused = linkRefusal(reviewPath, reviewText, lookup.linked, lookup.paths[0]);
    if (!refused) {
      if (fileExists(lookup.paths[0])) return lookup.paths[0];
      throw new UsageError(keyNotFound(reviewPath, lookup));
    }
  }
  const candidates = refused ? keyCandidates(reviewPath) : lookup.paths;
  const found = candidates.find(fileExists);
  if (found) {
    assertNoEscape(found);
    // an untrusted link is reported and not read; the naming conventions still apply
    if (refused) warn(`${refused}; using ${found} by the naming convention`);
    return found;
  }
  if (refused) throw new UsageError(`${refused}; pass --key KEY`);
  throw new UsageError(`${keyNotFound(reviewPath, lookup)}; pass --key KEY`);
}
