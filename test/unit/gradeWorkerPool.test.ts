// The grading workers' two halves in Node: a job graded by the worker-side
// runner (core/gradeJob.ts) and carried back as a message (structured clone)
// equals the in-thread grading of the same corpus run, and the pool
// (extension/gradeWorkerPool.ts) hands jobs out, refuses cancelled ones, and
// gives up once, saying why, when a worker cannot start, never gets ready,
// dies, or stops answering, refusing every job left. Also the desktop worker
// entry in a real worker thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { gradeJobRunner, serveGradeJobs, type FromWorker, type GradeJob, type ToWorker } from '../../src/core/gradeJob';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { gradeReview } from '../../src/core/grade';
import { judgeRunOf, parseJudgeReport } from '../../src/core/judge';
import { DEFAULT_RUBRIC } from '../../src/core/score';
import { GradeWorkerPool, JobCancelled, WorkersUnavailable, type WorkerPort } from '../../src/extension/gradeWorkerPool';
import { canon } from '../canonJson';

const require = createRequire(import.meta.url);
const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, CORPUS), 'utf8');
const KEY = 'reliability-design/answer-key-round-007.md';
const RUNS = ['reliability-design/results/v007-baseline-run1.md', 'reliability-design/results/v007-baseline-run2.md'];
const SCORING = 'reliability-design/results/v007-baseline-scoring.md';

function job(i: number, send = true): Omit<GradeJob, 'id'> {
  return {
    review: { text: read(RUNS[i]!), path: RUNS[i]! },
    key: { id: 'k7', text: read(KEY), path: KEY, send },
    judge: { text: read(SCORING), path: SCORING, run: i + 1 },
    options: { keyPath: KEY, rubric: DEFAULT_RUBRIC },
  };
}

function inThread(i: number) {
  const key = parseAnswerKey(read(KEY), KEY);
  const report = parseJudgeReport(
    read(SCORING),
    SCORING,
    key.problems.map((p) => p.id),
  );
  return gradeReview(key, parseReview(read(RUNS[i]!), RUNS[i]!), {
    judge: judgeRunOf(report, i + 1),
    keyPath: KEY,
    rubric: DEFAULT_RUBRIC,
  });
}

test('a job graded by the worker-side runner and cloned back equals the in-thread grading (key sent once, then kept)', () => {
  const run = gradeJobRunner();
  for (const [i, send] of [
    [0, true],
    [1, false],
  ] as const) {
    const result = structuredClone(run({ ...job(i, send), id: i }));
    const expected = inThread(i);
    assert.equal(result.graded.review, result.review, 'the graded review is the review sent (one clone)');
    if (send) assert.ok(result.key && result.graded.key === result.key, 'the key sent back is the graded key');
    else assert.equal(result.graded.key, null, 'a key not asked for is not sent');
    const key = result.key ?? parseAnswerKey(read(KEY), KEY);
    assert.equal(canon({ ...result.graded, key }), canon(expected), `${RUNS[i]}`);
    assert.ok(result.judgeRun, 'no judge verdicts');
  }
});

test('models the host has parsed go to the worker instead of their texts: only graded there, not sent back, the same result', () => {
  const run = gradeJobRunner();
  const review = parseReview(read(RUNS[0]!), RUNS[0]!);
  const key = parseAnswerKey(read(KEY), KEY);
  const j = job(0, false);
  const result = structuredClone(
    run(structuredClone({ ...j, id: 1, review: { ...j.review, text: '', model: review }, key: { ...j.key, text: '', model: key } })),
  );
  assert.equal(result.review, undefined, 'the review came back');
  assert.equal(result.graded.review, null);
  assert.equal(canon({ ...result.graded, review, key }), canon(inThread(0)));
});

/** An in-process worker: serveGradeJobs behind cloned, asynchronous messages; `die` makes it go silent. */
function fakePort(opts: { silent?: boolean; failAfter?: number } = {}): WorkerPort & { posted: number } {
  let listener: ((m: FromWorker) => void) | undefined;
  let dead = false;
  const port = {
    posted: 0,
    post(m: ToWorker) {
      port.posted++;
      setTimeout(() => serve(structuredClone(m)), 1);
    },
    listen(message: (m: FromWorker) => void) {
      listener = message;
    },
    terminate() {
      dead = true;
    },
  };
  const serve = serveGradeJobs(
    (m) => {
      if (!dead && !opts.silent) setTimeout(() => listener?.(structuredClone(m)), 1);
    },
    () => {
      dead = true;
    },
  );
  return port;
}

test('the pool grades jobs on its workers, refuses cancelled ones, and stays usable after a job that failed', async () => {
  const ports: ReturnType<typeof fakePort>[] = [];
  const broken: string[] = [];
  const pool = new GradeWorkerPool({
    size: 2,
    spawn: () => {
      const p = fakePort();
      ports.push(p);
      return p;
    },
    onBroken: (why) => broken.push(why),
  });
  assert.equal(pool.stats().state, 'idle', 'started before any job');
  const results = await Promise.all([pool.run(job(0)), pool.run(job(1, false))]);
  assert.deepEqual(
    results.map((r) => r.review?.path),
    RUNS,
  );
  assert.equal(ports.length, 2);
  assert.ok(
    ports.every((p) => p.posted === 1),
    'each worker got one job',
  );
  // cancelled before a worker took it
  await assert.rejects(
    pool.run(job(0), () => true),
    JobCancelled,
  );
  // a job the worker cannot do (a text that is not a string): that job fails, the pool carries on
  const bad = { ...job(0), review: { text: undefined as unknown as string, path: 'x.md' } };
  await pool.run(bad).then(
    () => undefined,
    (e: Error) => assert.ok(!(e instanceof WorkersUnavailable)),
  );
  assert.ok(pool.usable);
  assert.equal((await pool.run(job(1))).review?.path, RUNS[1]);
  assert.deepEqual(broken, []);
  pool.dispose();
  await assert.rejects(pool.run(job(0)), WorkersUnavailable);
  assert.deepEqual(broken, [], 'disposing is not a failure to report');
});

test('a worker that cannot start, never gets ready, or dies: the pool gives up once, and refuses every job left', async () => {
  for (const [name, make, expected] of [
    [
      'spawn throws',
      () => {
        throw new Error('no Worker here');
      },
      'cannot-start',
    ],
    ['never ready', () => fakePort({ silent: true }), 'not-ready'],
  ] as const) {
    const broken: string[] = [];
    const pool = new GradeWorkerPool({ size: 1, spawn: make, onBroken: (why) => broken.push(why), readyTimeoutMs: 30 });
    const jobs = [pool.run(job(0)), pool.run(job(1))];
    for (const j of jobs) await assert.rejects(j, WorkersUnavailable, name);
    await assert.rejects(pool.run(job(0)), WorkersUnavailable, `${name}: later job`);
    assert.deepEqual(broken, [expected], name);
    assert.equal(pool.stats().state, 'broken');
  }
  // dies with work queued: it stops answering, the pool notices within the job timeout (1 s: long enough that
  // the first job's answer is never late on a loaded machine, where 200 ms once was)
  const broken: string[] = [];
  const pool = new GradeWorkerPool({ size: 1, spawn: () => fakePort(), onBroken: (why) => broken.push(why), jobTimeoutMs: 1000 });
  await pool.run(job(0));
  pool.killOne();
  const left = [pool.run(job(0)), pool.run(job(1))];
  for (const j of left) await assert.rejects(j, WorkersUnavailable);
  assert.deepEqual(broken, ['stopped-answering']);
});

test('the desktop worker entry in a real worker thread grades as in-thread, and its death is noticed at once', async () => {
  const entry = fileURLToPath(new URL('../../src/extension/gradeWorkerNode.ts', import.meta.url));
  const broken: string[] = [];
  const pool = new GradeWorkerPool({
    size: 1,
    spawn: () => {
      // from source through tsx's require hook (the extension starts the bundle, dist/grade-worker.js)
      const tsx = require.resolve('tsx/cjs/api');
      const w = new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true });
      return {
        post: (m) => w.postMessage(m),
        listen: (message, failed) => {
          w.on('message', message);
          w.on('error', (e) => failed(e.message));
          w.on('exit', (code) => failed(`exit code ${code}`));
        },
        terminate: () => void w.terminate(),
      };
    },
    onBroken: (why) => broken.push(why),
    readyTimeoutMs: 20_000,
  });
  const result = await pool.run(job(0));
  assert.equal(canon({ ...result.graded, key: result.key }), canon(inThread(0)));
  pool.killOne();
  await assert.rejects(pool.run(job(1)), WorkersUnavailable);
  assert.deepEqual(broken, ['died']);
});
