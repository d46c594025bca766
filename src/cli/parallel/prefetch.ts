// `--jobs N|auto` / `-j` for grade and report: how many threads parse and
// grade. Like ESLint's `--concurrency` (default off, `auto` on request), the
// default is 1, all in this thread: on the 2-core VM this was measured on, a
// second thread makes a one-key run slower and the whole corpus in one run only
// ~12% faster (remark's parse allocates heavily, and V8's GC and JIT helpers
// lose the spare core they use; see AUTO_CHARS_PER_THREAD).
// `auto` is one thread per idle core by the load average (as `make -l`), and
// a small run stays on one thread; an explicit N is always honoured.
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
 * `auto` gives each thread at least this much review text, so a small run
 * stays on one thread and a many-core machine does not start a thread per
 * file. A worker pays its own Node bootstrap, runs its first files with a
 * cold JIT and has a second heap to collect, while one thread's GC and JIT
 * helpers already use part of the second core. Measured here (2 vCPUs, near
 * idle), `-j 2` against one thread: 136 KB of reviews 562 / 498 ms, 399 KB
 * 810 / 706 ms, 716 000 characters 1675 / 1656 ms (even), the whole corpus
 * 6.8 / 7.7 s; so a second thread only from 800 000 characters on.
 */
export const AUTO_CHARS_PER_THREAD = 400_000;

/** `--jobs` as a thread count; undefined for `auto`. */
export function jobsOf(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (value.trim() === 'auto') return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(t("{0}: --jobs takes a whole number ≥ 1 or auto, got '{1}'", command, value));
  return n;
}

/** Threads for `auto`: this one plus one per core the load average leaves idle (this process counts as one). */
export function idleThreads(cores = availableParallelism(), load = loadavg()[0]): number {
  const spare = Math.floor(cores - Math.max(load, 1) + 0.5);
  return Math.max(1, Math.min(cores, spare + 1));
}

/** Threads for a run of `jobs` files with `chars` of review text: `-j N` as given (one per file at most), `auto` by the text. */
export function threadsFor(explicit: number | undefined, threads: number, jobs: number, chars: number): number {
  return Math.max(1, Math.min(threads, jobs, explicit === undefined ? Math.floor(chars / AUTO_CHARS_PER_THREAD) : threads));
}

/** Parse and grade `files` on several threads ahead of the sequential run, when that pays. */
export async function prefetchGrades(files: string[], opts: Omit<PlanOptions, 'skip'>, jobs: number | undefined): Promise<void> {
  const threads = jobs ?? idleThreads();
  if (threads <= 1 || files.length < 2) return;
  const plan = planGrading(files, { ...opts, skip: hasReviewEntry });
  if (plan.jobs.length < 2) return;
  let chars = 0;
  for (const j of plan.jobs) chars += j.text.length;
  const wanted = threadsFor(jobs, threads, plan.jobs.length, chars);
  if (wanted <= 1) return;
  if (testHooks.includes('trace'))
    process.once('exit', () =>
      process.stderr.write(
        `pool-trace: ${plan.jobs.length} jobs; taken ${taken.reviews} reviews, ${taken.keys} keys, ${taken.grades} grades\n`,
      ),
    );
  await runPool(plan, wanted);
}
