// Models and grades computed ahead of the sequential run (pool.ts), taken by
// the CLI's parse and grade calls (cli/cache.ts) instead of computing them
// again. parseReview / parseAnswerKey / gradeReview are pure functions of
// their inputs, so a value is handed out only when the inputs match exactly:
// the same path and the very same text (a model), or the same key, review and
// grading options (a grade). Anything else is computed in place, as without
// the store. Each value is taken once: a file named twice is parsed twice,
// as it always was, and never shares one object between two results.
import type { AnswerKey, GradedReview, Review } from '../../core/model';

const reviews = new Map<string, { text: string; value: Review }>();
const keys = new Map<string, { text: string; value: AnswerKey }>();
const grades = new Map<string, GradedReview>();
/** where a model handed out came from: a grade is found by its key's and review's origins */
const origin = new WeakMap<object, string>();
/** how many values were taken, for the pool's `trace` test hook */
export const taken = { reviews: 0, keys: 0, grades: 0 };

const reviewOrigin = (path: string | undefined) => `review\0${path ?? ''}`;
const keyOrigin = (path: string | undefined, scenario: string | undefined) => `key\0${path ?? ''}\0${scenario ?? ''}`;
const gradeId = (keyFrom: string, reviewFrom: string, opts: unknown) => JSON.stringify([keyFrom, reviewFrom, opts]);

export function putReview(path: string, text: string, value: Review): void {
  reviews.set(reviewOrigin(path), { text, value });
}

export function putKey(path: string, scenario: string | undefined, text: string, value: AnswerKey): void {
  keys.set(keyOrigin(path, scenario), { text, value });
}

/** A grade of the review at `reviewPath` against a key, under exactly these options (plain data). */
export function putGrade(keyPath: string, scenario: string | undefined, reviewPath: string, opts: unknown, graded: GradedReview): void {
  grades.set(gradeId(keyOrigin(keyPath, scenario), reviewOrigin(reviewPath), opts), graded);
}

/** The model kept under `id` if it was made from this very text; taken once, and its origin remembered for takeGrade. */
function takeModel<T extends object>(
  from: Map<string, { text: string; value: T }>,
  id: string,
  text: string,
  count: 'reviews' | 'keys',
): T | undefined {
  const hit = from.get(id);
  if (!hit || hit.text !== text) return undefined;
  from.delete(id);
  taken[count]++;
  origin.set(hit.value, id);
  return hit.value;
}

export function takeReview(text: string, path: string | undefined): Review | undefined {
  return takeModel(reviews, reviewOrigin(path), text, 'reviews');
}

export function takeKey(text: string, path: string | undefined, scenario: string | undefined): AnswerKey | undefined {
  return takeModel(keys, keyOrigin(path, scenario), text, 'keys');
}

/** The grade computed ahead for these very models and options, with the models put back as the caller's objects. */
export function takeGrade(key: AnswerKey, review: Review, opts: unknown): GradedReview | undefined {
  const keyFrom = origin.get(key);
  const reviewFrom = origin.get(review);
  if (!keyFrom || !reviewFrom) return undefined;
  const id = gradeId(keyFrom, reviewFrom, opts);
  const hit = grades.get(id);
  if (!hit) return undefined;
  grades.delete(id);
  taken.grades++;
  hit.key = key;
  hit.review = review;
  return hit;
}

/** Forget everything (tests; a command run twice in one process). */
export function clearStore(): void {
  reviews.clear();
  keys.clear();
  grades.clear();
}
