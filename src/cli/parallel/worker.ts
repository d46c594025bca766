// A grading worker thread (dist/cli-worker.js; see pool.ts). It takes jobs
// from the shared counter until none are left, posting each result as it is
// made, then `done`. It writes nothing and reads no file: the main thread
// planned the jobs with their texts, and prints everything itself.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnswerKey } from '../../core/model';
import { jobRunner } from './jobs';
import type { WorkerInput, WorkerReply } from './protocol';

function serve(): void {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerInput;
  // test hook (see pool.ts): a worker that dies, to prove the main thread carries on
  if ((process.env.REVIEW_GRADER_TEST_POOL ?? '').split(/[\s,]+/).includes('crash')) throw new Error('worker fault injected for a test');
  const next = new Int32Array(input.next);
  const computeJob = jobRunner();
  port.once('message', (keys: (AnswerKey | undefined)[]) => {
    for (;;) {
      const index = Atomics.add(next, 0, 1);
      if (index >= input.jobs.length) break;
      const job = input.jobs[index];
      let reply: WorkerReply;
      try {
        const result = computeJob(job, keys[job.key]);
        // the key goes back as null (the main thread has it); the review stays, shared with the grade
        reply = { index, result: result.graded ? { ...result, graded: { ...result.graded, key: null as unknown as AnswerKey } } : result };
      } catch {
        reply = { index }; // computed again on the main thread, where its error names the file
      }
      port.postMessage(reply);
    }
    port.postMessage({ done: true } satisfies WorkerReply);
  });
}

serve();
