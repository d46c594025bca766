// `--jobs N` / `-j N` for grade and report: how many threads parse and grade
// (1 = all in this thread, as before). Like `make -j` and mocha's `--jobs`.
// The default is one thread per idle core: a worker costs ~25% more CPU in
// all (its parser starts cold), which pays only when a core would otherwise
// sit idle, so like `make -l` the load average is heeded, and a small run
// stays on one thread. An explicit N is always honoured.
import { availableParallelism, loadavg } from 'node:os';
import { english } from '../../core/i18n';
import { UsageError } from '../io';
import { hasReviewEntry } from '../cache';
import { planGrading, type PlanOptions } from './plan';
import { runPool, testHooks } from './pool';
import { taken } from './store';

const t = english;

export const JOBS_OPTION = { jobs: { type: 'string', short: 'j' } } as const;

/**
 * The default gives each thread at least this much review text (remark parses
 * ~0.5 MB/s per core, and a new thread's parser starts cold), so a small run
 * stays on one thread and a many-core machine does not start a thread per file.
 */
export const AUTO_CHARS_PER_THREAD = 32_000;

/** `--jobs` as a thread count, undefined for the default. */
export function jobsOf(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t("{0}: --jobs takes a whole number ≥ 1, got '{1}'", command, value));
  return n;
}

/** Threads for the default: this one plus one per core the load average leaves idle (this process counts as one). */
export function idleThreads(cores = availableParallelism(), load = loadavg()[0]): number {
  const spare = Math.floor(cores - Math.max(load, 1) + 0.5);
  return Math.max(1, Math.min(cores, spare + 1));
}

/** Parse and grade `files` on several threads ahead of the sequential run, when that pays. */
export async function prefetchGrades(files: string[], opts: Omit<PlanOptions, 'skip'>, jobs: number | undefined): Promise<void> {
  const threads = jobs ?? idleThreads();
  if (threads <= 1 || files.length < 2) return;
  const plan = planGrading(files, { ...opts, skip: hasReviewEntry });
  if (plan.jobs.length < 2) return;
  let chars = 0;
  for (const j of plan.jobs) chars += j.text.length;
  const wanted = Math.min(threads, plan.jobs.length, jobs === undefined ? Math.floor(chars / AUTO_CHARS_PER_THREAD) : threads);
  if (wanted <= 1) return;
  if (testHooks.includes('trace'))
    process.once('exit', () =>
      process.stderr.write(
        `pool-trace: ${plan.jobs.length} jobs; taken ${taken.reviews} reviews, ${taken.keys} keys, ${taken.grades} grades\n`,
      ),
    );
  await runPool(plan, wanted);
}
