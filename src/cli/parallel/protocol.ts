// What the main thread and a grading worker send each other.
import type { GradeJob, JobResult } from './jobs';

export interface WorkerInput {
  jobs: GradeJob[];
  /** one Int32: the index of the next job not yet taken, shared by every thread */
  next: SharedArrayBuffer;
}

/** A job's result (absent when it threw), or the end of this worker's work. */
export type WorkerReply = { index: number; result?: JobResult; done?: undefined } | { done: true; index?: undefined };
