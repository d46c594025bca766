// What makes a second Round Dashboard of the same folder fast: the parsed
// reviews, keys and judge reports and the graded runs, kept in memory per
// content (path + text), so an unchanged file is never parsed again and an
// edited one is (its text differs). Bounded: the oldest entries go first.
// Passed to core/dashboard/gather as its parse hooks, which must return what
// the core's own functions would; everything here is pure, so they do.
// (When the editor's shared grading cache offers parse-by-content, this can
// hand over to it.)
import { parseAnswerKey } from '../core/answerKey';
import { gradeReview, type GradeOptions } from '../core/grade';
import { parseJudgeReport } from '../core/judge';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import { parseReview } from '../core/review';
import type { GatherOptions } from '../core/dashboard';

const LIMIT = 600;

class Bounded<V> {
  private readonly map = new Map<string, V>();
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      // most recently used last
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.set(k, v);
    if (this.map.size > LIMIT) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
}

export class DashboardMemo {
  private readonly reviews = new Bounded<Review>();
  private readonly keys = new Bounded<AnswerKey>();
  private readonly judges = new Bounded<ReturnType<typeof parseJudgeReport>>();
  /** per parsed review and key (identity), per grading options */
  private graded = new WeakMap<Review, WeakMap<AnswerKey, Map<string, GradedReview>>>();
  hits = 0;
  misses = 0;

  private memo<V>(store: Bounded<V>, id: string, make: () => V): V {
    const hit = store.get(id);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const v = make();
    store.set(id, v);
    return v;
  }

  readonly parse: NonNullable<GatherOptions['parse']> = {
    review: (text, path) => this.memo(this.reviews, `${path ?? ''}\u0000${text}`, () => parseReview(text, path)),
    key: (text, path, scenario) =>
      this.memo(this.keys, `${path ?? ''}#${scenario ?? ''}\u0000${text}`, () => parseAnswerKey(text, path, scenario)),
    judge: (text, path, ids) =>
      this.memo(this.judges, `${path ?? ''}\u0000${(ids ?? []).join(',')}\u0000${text}`, () => parseJudgeReport(text, path, ids)),
    grade: (key: AnswerKey, review: Review, opts: GradeOptions = {}) => {
      let byKey = this.graded.get(review);
      if (!byKey) this.graded.set(review, (byKey = new WeakMap()));
      let byOpts = byKey.get(key);
      if (!byOpts) byKey.set(key, (byOpts = new Map()));
      // the options are small (the judge's verdicts for one run, the rubric, thresholds): their JSON is the id
      const id = JSON.stringify([
        opts.autoOnly ?? false,
        opts.keyPath ?? null,
        opts.rubric ?? null,
        opts.match ?? null,
        opts.judge ?? null,
      ]);
      const hit = byOpts.get(id);
      if (hit) {
        this.hits++;
        return hit;
      }
      this.misses++;
      const g = gradeReview(key, review, opts);
      byOpts.set(id, g);
      return g;
    },
  };

  clear(): void {
    this.reviews.clear();
    this.keys.clear();
    this.judges.clear();
    this.graded = new WeakMap();
  }
}
