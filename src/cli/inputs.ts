// Loading and pairing the CLI's inputs: a review finds its key by an explicit
// `--key`, a link comment in the review, or the corpus naming conventions.
// A link is followed only inside the working directory (see confine.ts).
import { parseJudgeReport, type JudgeReport } from '../core/judge';
import { findKeySync, type FindKeyOptions, type KeyFound } from '../core/findKey';
import { linkedKeyPath, splitFragment } from '../core/naming';
import type { AnswerKey, Review } from '../core/model';
import { readTextFile, UsageError, warn } from './io';
import { nodeFiles } from './nodeFiles';
import { assertNoEscape, linkRefusal } from './confine';
import { parseAnswerKeyCached, parseReviewCached } from './cache';
import { t } from './locale';
import { messageIn } from '../core/i18n';

export interface Loaded<T> {
  path: string;
  text: string;
  value: T;
  warnings: string[];
}

const keyCache = new Map<string, Loaded<AnswerKey>>();

/** A key file, or one scenario of it (`rubric.md#T01`, or `scenario` given apart). */
export function loadKey(ref: string, scenario?: string): Loaded<AnswerKey> {
  const split = splitFragment(ref);
  const { path } = split;
  const wanted = scenario ?? split.fragment;
  const id = wanted ? `${path}#${wanted}` : path;
  const hit = keyCache.get(id);
  if (hit) return hit;
  const f = readTextFile(path);
  const loaded = { path, text: f.text, value: parseAnswerKeyCached(f.text, path, wanted), warnings: f.warnings };
  keyCache.set(id, loaded);
  return loaded;
}

export function loadReview(path: string): Loaded<Review> {
  assertNoEscape(path);
  const f = readTextFile(path);
  return { path, text: f.text, value: parseReviewCached(f.text, path), warnings: f.warnings };
}

export function loadJudge(path: string, problemIds?: string[]): Loaded<JudgeReport> {
  const f = readTextFile(path);
  return { path, text: f.text, value: parseJudgeReport(f.text, path, problemIds), warnings: f.warnings };
}

/**
 * The key for a review: explicit, paired, linked, by naming convention or
 * pattern (core/findKey); exit 2 when none. A link outside the working
 * directory is reported and not read; the naming conventions still apply.
 */
export function findKeyFor(reviewPath: string, reviewText: string, explicit?: string, options: FindKeyOptions = {}): KeyFound {
  let refused: string | undefined;
  const isAllowed = (path: string) => {
    refused = linkRefusal(reviewPath, reviewText, linkedKeyPath(reviewText) ?? path, path);
    return !refused;
  };
  const found = findKeySync(reviewPath, reviewText, nodeFiles, { ...options, explicit, isAllowed });
  if (refused) {
    // core/findKey fell back to the conventions; the CLI's own words say why the link was not read
    if (!found.ok) throw new UsageError(t('{0}; pass --key KEY', refused));
    warn(t('{0}; using {1} by the naming convention', refused, found.path));
  }
  if (!found.ok) {
    const message = messageIn(found, t); // the lookup's own words, in the CLI's language
    throw new UsageError(found.source ? message : t('{0}; pass --key KEY', message));
  }
  if (found.source !== 'explicit') assertNoEscape(found.path); // a key found by name is not followed out through a symlink
  return found;
}

/** The key's path, with `#T01` when the review pairs with one scenario of a multi-scenario file (loadKey reads it so). */
export function findKeyPath(reviewPath: string, reviewText: string, explicit?: string, options: FindKeyOptions = {}): string {
  const found = findKeyFor(reviewPath, reviewText, explicit, options);
  return found.scenario ? `${found.path}#${found.scenario}` : found.path;
}
