// The parsers a Round Dashboard grades with (core/dashboard gatherRuns'
// `parse`), through the same content cache as the editor's features: a run or
// key parsed for a lens or by Grade Folder is not parsed again for the
// dashboard, nor the reverse. Its graded results are kept in memory, named by
// the ids of the models graded and every grading option (dashboardIds).
import { parseAnswerKey } from '../core/answerKey';
import type { GatherOptions } from '../core/dashboard';
import { gradeReview } from '../core/grade';
import { parseReview } from '../core/review';
import type { GradingCache } from './gradingCache';
import type { GradeWorkerPool } from './gradeWorkerPool';
import { dashboardIds, DashboardPrefill, modelSize } from './gradeWorkerPrefill';
import { parsedJudgeReport } from './judgeCache';

/**
 * What core/dashboard's gatherRuns takes as `parse`; `workers`: grading workers to grade the runs ahead of it;
 * `preload`: bring a review's or key's parsed model from the workspace storage into memory (a new session's
 * dashboard then parses only what no earlier session did), for the read of its text to await before it is parsed.
 */
export type DashboardParsers = NonNullable<GatherOptions['parse']> & {
  workers?: DashboardPrefill;
  preload?: (path: string, text: string, kind: 'review' | 'key') => Promise<void>;
};

/** `pool`: the grading workers now (none: all in-thread); they start with the first job, after the page has painted. */
export function dashboardParsers(cache: GradingCache, pool: GradeWorkerPool | undefined): DashboardParsers {
  const idOf = new WeakMap<object, string>();
  const size = modelSize;
  return {
    workers: pool && new DashboardPrefill(cache, pool),
    // under the ids the parsers below name them by (a key of one scenario is not preloaded: rare, parsed as before)
    preload: cache.persists
      ? (path, text, kind) =>
          cache.phase(
            'storage',
            cache.load(kind === 'review' ? dashboardIds.review(cache, text, path) : dashboardIds.key(cache, text, path), kind, size(text)),
          )
      : undefined,
    review: (text, path) => {
      const id = dashboardIds.review(cache, text, path);
      const review = cache.make(id, 'review', size(text), () => parseReview(text, path), true);
      idOf.set(review, id);
      return review;
    },
    key: (text, path, scenario) => {
      const id = dashboardIds.key(cache, text, path, scenario);
      const parse = scenario ? () => parseAnswerKey(text, path, scenario) : () => parseAnswerKey(text, path);
      const key = cache.make(id, 'key', size(text), parse, true);
      idOf.set(key, id);
      return key;
    },
    // as the lenses name it (judgeCache.ts): a lens and the dashboard share one parse
    judge: (text, path, ids) => parsedJudgeReport(cache, text, path, ids),
    grade: (key, review, opts = {}) => {
      const keyId = idOf.get(key);
      const reviewId = idOf.get(review);
      if (!keyId || !reviewId) return gradeReview(key, review, opts);
      const id = dashboardIds.graded(cache, keyId, reviewId, opts);
      return cache.make(id, undefined, 4096, () => gradeReview(key, review, opts), false, 'graded');
    },
  };
}
