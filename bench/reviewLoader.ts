// The review parser for benchmarks: the real one when src/core/review.ts exists,
// else the crude heading splitter (early experiments only).
import type { Review } from '../src/core/model';
import { crudeReview } from './crudeReview';

export async function loadReviewParser(): Promise<(text: string, path?: string) => Review> {
  try {
    const modulePath = '../src/core/review';
    const mod = (await import(modulePath)) as { parseReview?: (text: string, path?: string) => Review };
    if (mod.parseReview) return mod.parseReview;
  } catch {
    // not written yet
  }
  return crudeReview;
}
