// The review parser for benchmarks and matcher tests: the real one.
import type { Review } from '../src/core/model';
import { parseReview } from '../src/core/review';

export async function loadReviewParser(): Promise<(text: string, path?: string) => Review> {
  return parseReview;
}
