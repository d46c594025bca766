// Both cores: the planned jobs (plan.ts) are shared by the main thread and
// worker threads through one atomic counter, so no thread waits for another
// to hand it work. Results go into the store (store.ts), which the ordinary
// sequential run then reads: output order, messages and errors stay those of
// a single-threaded run. A worker that fails to start or dies costs only
// speed: one warning, and its unfinished files are computed in place.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { parseAnswerKey } from '../../core/answerKey';
import { english } from '../../core/i18n';
import type { AnswerKey } from '../../core/model';
import { warn } from '../io';
import { jobRunner, type GradeJob, type JobResult, type KeyInput } from './jobs';
import type { WorkerInput, WorkerReply } from './protocol';
import { putGrade, putKey, putReview } from './store';

const t = english;

/**
 * Test hooks (REVIEW_GRADER_TEST_POOL, words): `idle-main` leaves every job to
 * the workers, `crash` makes each worker die at start, `trace` prints how many
 * results the run took from the store. Never set in normal use.
 */
export const testHooks = (process.env.REVIEW_GRADER_TEST_POOL ?? '').split(/[\s,]+/);

export interface Plan {
  keys: KeyInput[];
  jobs: GradeJob[];
}

/** tsx's require hook, for a worker run from source (a name, not a literal: the bundle never needs it) */
const TSX_API = ['tsx', 'cjs', 'api'].join('/');

/** The worker script: the bundle's sibling dist/cli-worker.js, or worker.ts through tsx when run from source. */
function startWorker(workerData: WorkerInput): Worker {
  if (__filename.endsWith('.ts')) {
    const tsx = require.resolve(TSX_API);
    const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(join(__dirname, 'cli-worker.js'), { workerData });
}

function record(plan: Plan, job: GradeJob, result: JobResult): void {
  putReview(job.path, job.text, result.review);
  const key = plan.keys[job.key];
  if (result.graded && key) putGrade(key.path, key.scenario, job.path, result.opts, result.graded);
}

/** Until the worker has said `done`, or stopped; a failure is reported once and is not an error of the run. */
function finished(worker: Worker, plan: Plan, reported: { warned: boolean }): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const stopped = (why: string) => {
      if (!done && !reported.warned) warn(t('a worker thread stopped ({0}); its files are graded on the main thread', why));
      if (!done) reported.warned = true;
      done = true;
      resolve();
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.done) {
        done = true;
        resolve();
      } else if (reply.result) record(plan, plan.jobs[reply.index], reply.result);
    });
    worker.on('error', (e) => stopped(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => stopped(t('exit code {0}', code)));
  });
}

/** Run every job on `threads` threads (this one included); results land in the store. */
export async function runPool(plan: Plan, threads: number): Promise<void> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const input: WorkerInput = { jobs: plan.jobs, next };
  const reported = { warned: false };
  const workers: Worker[] = [];
  const waits: Promise<void>[] = [];
  for (let i = 1; i < threads; i++) {
    try {
      const w = startWorker(input);
      workers.push(w);
      waits.push(finished(w, plan, reported));
    } catch (e) {
      if (!reported.warned) warn(t('a worker thread stopped ({0}); its files are graded on the main thread', (e as Error).message));
      reported.warned = true;
    }
  }
  // the keys are parsed here while the workers start, then handed to them
  const keys: (AnswerKey | undefined)[] = plan.keys.map((k) => {
    try {
      const key = parseAnswerKey(k.text, k.path, k.scenario);
      putKey(k.path, k.scenario, k.text, key);
      return key;
    } catch {
      return undefined;
    }
  });
  for (const w of workers) w.postMessage(keys);
  const computeJob = jobRunner();
  while (!testHooks.includes('idle-main')) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= plan.jobs.length) break;
    const job = plan.jobs[index];
    try {
      record(plan, job, computeJob(job, keys[job.key]));
    } catch {
      // left to the sequential run, which reports it with the file's name
    }
  }
  await Promise.all(waits);
}
