// One unit of parallel work: a review's text parsed and graded against its
// key by the core's grading job (core/gradeJob.ts, the editor's workers' too),
// with what commands/grade.ts's gradeFiles would do: the judge's run as the
// review names it, and the options object gradeFiles passes, property for
// property and in its order (the store compares it as JSON), so the result
// can stand in for gradeFiles' own. Pure: core calls only, no file access, no
// output; runs on the main thread and in workers alike. A job that throws
// simply has no result, and the sequential run computes that file in place,
// with today's message.
import { parseReview } from '../../core/review';
import type { GradeOptions } from '../../core/grade';
import { gradeJobRunner } from '../../core/gradeJob';
import type { JudgeRun } from '../../core/judge';
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
  /** absent when grading would stop the command (a key with no problems) */
  graded?: GradedReview;
  /** the options the grade was made under, as gradeFiles passes them */
  opts?: GradeOptions;
}

/** The options object gradeFiles builds, property for property (the store compares them as JSON). */
function gradeFilesOptions(opts: GradeJob['opts'], judge: JudgeRun | undefined): GradeOptions {
  return { autoOnly: opts.autoOnly, judge, rubric: opts.rubric, match: opts.match, keyPath: opts.keyPath };
}

/** A thread's job runner; `key`: the plan's key of the job, parsed by the main thread (undefined: it failed to). */
export function jobRunner(): (job: GradeJob, key: AnswerKey | undefined) => JobResult {
  const run = gradeJobRunner();
  return (job, key) => {
    if (!key || key.problems.length === 0) return { review: parseReview(job.text, job.path) };
    const done = run({
      id: 0, // the CLI finds a result by its job's index
      review: { text: job.text, path: job.path },
      // the parsed key goes as the model (its text is not needed), named by its index; `send`: in the graded result
      key: { id: String(job.key), text: '', path: key.path ?? '', model: key, send: true },
      judge: job.judge && { ...job.judge, run: 'review' },
      options: job.opts, // gradeFiles' options but the judge's verdicts, which the job reads from `judge`
    });
    return { review: done.review!, graded: done.graded, opts: gradeFilesOptions(job.opts, done.judgeRun) };
  };
}
