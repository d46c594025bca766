// The Round Dashboard's gradings done by the grading workers: a dry run of
// core/dashboard's gatherRuns (the recorder's parsers: what the content cache
// has, else stand-ins) hands every run whose graded result is not cached yet
// to a worker as it meets it, with the texts (or models) it is built from; the
// results are filed in the cache under the ids dashboardParsers.ts names
// them by. The real gatherRuns, run by run just behind it, then finds every
// parse and grading there, so what the page shows is built by the same code as
// in-thread; a job that did not come back (workers gone, cancelled) is simply
// graded in-thread then.
import { gradedText } from '../core/cache';
import type { GradeOptions } from '../core/grade';
import type { JudgeReport } from '../core/judge';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import { parseRunName, scoringPathFor } from '../core/naming';
import type { GradeJobResult } from '../core/gradeJob';
import { deferred } from './backgroundWork';
import type { GradingCache } from './gradingCache';
import type { GradeWorkerPool } from './gradeWorkerPool';
import { judgeReportId } from './judgeCache';
import { contentHash } from './textStamp';
import type { GatherOptions } from '../core/dashboard';

type Parsers = NonNullable<GatherOptions['parse']>;

/** A parsed model's weight in the memory cache: a few times its text. */
export const modelSize = (text: string): number => text.length * 3 + 1024;

/** The ids the dashboard's parsers name their entries by (dashboardParsers.ts). */
export const dashboardIds = {
  review: (cache: GradingCache, text: string, path: string | undefined) => cache.id({ kind: 'review', path, text: contentHash(text) }),
  key: (cache: GradingCache, text: string, path: string | undefined, scenario?: string) =>
    cache.id({ kind: 'key', path, scenario: scenario?.toLowerCase(), text: contentHash(text) }),
  graded: (cache: GradingCache, keyId: string, reviewId: string, opts: GradeOptions) =>
    cache.id({ kind: 'graded', text: gradedText(['dashboard', keyId, reviewId, opts]) }),
};

/**
 * Which job brings a key back from the workers: the first job of a key not
 * cached asks for it, the ones beside it (maybe answered first, by another
 * worker) wait for that one instead of asking again or parsing it here.
 */
export class SentKeys {
  private readonly coming = new Map<string, Promise<AnswerKey | undefined>>();

  ticket(
    id: string,
    cached: boolean,
  ): { send: boolean; settle: (key: AnswerKey | undefined) => void; wait: () => Promise<AnswerKey | undefined> } {
    const coming = this.coming.get(id);
    if (cached || coming) return { send: false, settle: () => undefined, wait: () => coming ?? Promise.resolve(undefined) };
    const { promise, resolve } = deferred<AnswerKey | undefined>();
    this.coming.set(id, promise);
    return {
      send: true,
      settle: (key) => {
        if (this.coming.get(id) === promise) this.coming.delete(id);
        resolve(key);
      },
      wait: () => promise,
    };
  }
}

interface Source {
  id: string;
  text: string;
  path: string;
  scenario?: string;
}

/** A noted run's review or key: its model when the cache has it (sent to the worker instead of parsed again there). */
type Model<T> = { model?: T };

/** One run's grading the dry run found missing. */
export interface NotedRun {
  review: Source & Model<Review>;
  key: Source & Model<AnswerKey>;
  judge?: { text: string; path: string; run?: number };
  options: GradeOptions;
}

export class DashboardPrefill {
  private readonly keys = new SentKeys();

  constructor(
    private readonly cache: GradingCache,
    private readonly pool: GradeWorkerPool,
  ) {}

  /**
   * Parsers for a dry run of gatherRuns (results thrown away): each run it
   * finds not graded in the cache goes to a worker at once; `onRun` hears of
   * every run graded, with the worker's grading of it (never rejects) if any.
   */
  recorder(cancelled: () => boolean, onRun: (path: string, graded: Promise<void> | undefined) => void): Parsers {
    const sources = new WeakMap<object, Source>();
    const stand = new WeakSet<object>();
    const judgeTexts = new Map<string, string>();
    const standIn = <T>(value: object): T => {
      stand.add(value);
      return value as T;
    };
    const parse: Parsers = {
      review: (text, path) => {
        const id = dashboardIds.review(this.cache, text, path);
        const review = this.cache.peek<Review>(id) ?? standIn<Review>({});
        sources.set(review, { id, text, path: path ?? '' });
        return review;
      },
      key: (text, path, scenario) => {
        const id = dashboardIds.key(this.cache, text, path, scenario);
        const key = this.cache.peek<AnswerKey>(id) ?? standIn<AnswerKey>({ problems: [] });
        sources.set(key, { id, text, path: path ?? '', scenario });
        return key;
      },
      judge: (text, path, ids) => {
        judgeTexts.set(path ?? '', text);
        return (
          this.cache.peek<JudgeReport>(judgeReportId(path, contentHash(text), ids)) ?? standIn<JudgeReport>({ runs: [], diagnostics: [] })
        );
      },
      grade: (key, review, opts = {}) => {
        const k = sources.get(key);
        const r = sources.get(review);
        const none = {} as GradedReview;
        if (!k || !r) return none;
        if (!stand.has(key) && !stand.has(review) && this.cache.peek(dashboardIds.graded(this.cache, k.id, r.id, opts))) {
          onRun(r.path, undefined);
          return none;
        }
        const scoring = scoringPathFor(r.path);
        const judgeText = scoring === undefined ? undefined : judgeTexts.get(scoring);
        const noted: NotedRun = {
          review: stand.has(review) ? r : { ...r, model: review },
          key: stand.has(key) ? k : { ...k, model: key },
          judge:
            scoring !== undefined && judgeText !== undefined
              ? { text: judgeText, path: scoring, run: parseRunName(r.path)?.run }
              : undefined,
          options: opts,
        };
        onRun(
          r.path,
          this.one(noted, cancelled).catch(() => undefined),
        );
        return none;
      },
    };
    return parse;
  }

  private async one(n: NotedRun, cancelled: () => boolean): Promise<void> {
    const hadKey = n.key.model ?? this.cache.peek<AnswerKey>(n.key.id);
    const hadReview = n.review.model ?? this.cache.peek<Review>(n.review.id);
    const ticket = this.keys.ticket(n.key.id, hadKey !== undefined);
    const { judge: _judge, ...options } = n.options;
    let result: GradeJobResult;
    let key: AnswerKey | undefined;
    try {
      result = await this.pool.run(
        {
          review: { text: n.review.text, path: n.review.path, model: hadReview },
          key: { id: n.key.id, text: n.key.text, path: n.key.path, scenario: n.key.scenario, model: hadKey, send: ticket.send },
          judge: n.judge,
          options,
        },
        cancelled,
      );
      key = result.key ? this.cache.offer(n.key.id, 'key', modelSize(n.key.text), result.key, true) : this.cache.peek<AnswerKey>(n.key.id);
    } finally {
      ticket.settle(key);
    }
    key ??= await ticket.wait();
    const review = result.review ? this.cache.offer(n.review.id, 'review', modelSize(n.review.text), result.review, true) : hadReview;
    if (n.judge && result.judge) {
      const id = judgeReportId(n.judge.path, contentHash(n.judge.text), result.ids);
      this.cache.offer(id, undefined, n.judge.text.length * 2, result.judge, false, 'judge');
    }
    if (!key || !review) return; // the job that was to bring the key failed: this run is graded in-thread
    // the options as gatherRuns passes them, its judge's verdicts in their place: the same id
    const opts = { ...n.options, judge: result.judgeRun };
    const graded: GradedReview = { ...result.graded, review, key };
    this.cache.offer(dashboardIds.graded(this.cache, n.key.id, n.review.id, opts), undefined, 4096, graded, false, 'graded');
  }
}
