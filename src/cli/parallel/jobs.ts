// One unit of parallel work: a review's text parsed and graded against its
// key, exactly as commands/grade.ts's gradeFiles would (same calls, same
// options object in the same order), so the result can stand in for it.
// Pure: core calls only, no file access, no output; runs on the main thread
// and in workers alike. A job that throws simply has no result, and the
// sequential run computes that file in place, with today's message.
import { parseReview } from '../../core/review';
import { gradeReview, type GradeOptions } from '../../core/grade';
import { judgeRunOf, parseJudgeReport } from '../../core/judge';
import type { AnswerKey, GradedReview, Review } from '../../core/model';

/** A key read by the plan: `ref` is the path with `#scenario` when one scenario of a file is meant. */
export interface KeyInput {
  ref: string;
  path: string;
  scenario?: string;
  text: string;
}

export interface GradeJob {
  path: string;
  text: string;
  /** index into the plan's keys */
  key: number;
  judge?: { path: string; text: string };
  opts: { autoOnly?: boolean; rubric: GradeOptions['rubric']; match: GradeOptions['match']; keyPath: string };
}

export interface JobResult {
  review: Review;
  /** absent when grading would stop the command (a key with no problems) or threw */
  graded?: GradedReview;
  /** the options the grade was made under, as gradeFiles passes them */
  opts?: GradeOptions;
}

/** The options object gradeFiles builds, property for property (the store compares them as JSON). */
export function gradeOptions(job: GradeJob, key: AnswerKey, review: Review): GradeOptions {
  const judgeRun = job.judge
    ? judgeRunOf(
        parseJudgeReport(
          job.judge.text,
          job.judge.path,
          key.problems.map((p) => p.id),
        ),
        review.run,
      )
    : undefined;
  return { autoOnly: job.opts.autoOnly, judge: judgeRun, rubric: job.opts.rubric, match: job.opts.match, keyPath: job.opts.keyPath };
}

export function computeJob(job: GradeJob, key: AnswerKey | undefined): JobResult {
  const review = parseReview(job.text, job.path);
  if (!key || key.problems.length === 0) return { review };
  try {
    const opts = gradeOptions(job, key, review);
    return { review, graded: gradeReview(key, review, opts), opts };
  } catch {
    return { review }; // graded again in place, where the error gets its file name
  }
}
