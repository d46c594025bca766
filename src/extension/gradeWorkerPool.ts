// A small pool of grading workers for round-wide work (Grade Folder, the
// Round Dashboard, the other runs of a variant): the extension host thread
// only hands out jobs (core/gradeJob.ts) and files the results, so the open
// review's lenses never wait behind a long parse. Started on first use, not at
// activation. A worker that does not start (a CSP, a missing file, a host
// without nested workers), dies, or hangs costs only speed: the pool gives up
// once, says why through `onBroken`, and every job then left, or asked for
// later, is refused with WorkersUnavailable so its caller grades in-thread.
// Knows no platform: gradeWorkers.ts spawns web workers or worker threads.
import type { FromWorker, GradeJob, GradeJobResult, ToWorker } from '../core/gradeJob';

/** What the pool needs of one worker, whatever the platform. */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** its messages; `failed` when the platform says it erred or exited (a web host's nested worker may never say), with what it said */
  listen(message: (m: FromWorker) => void, failed: (detail: string) => void): void;
  terminate(): void;
}

export interface PoolOptions {
  size: number;
  /** a new worker (may throw: the pool then gives up) */
  spawn: () => WorkerPort;
  /** called once, when the pool gives up */
  onBroken?: (why: BrokenReason, detail?: string) => void;
  /** a worker that has not said it is ready after this long never will */
  readyTimeoutMs?: number;
  /** a job not answered after this long: its worker is taken for dead */
  jobTimeoutMs?: number;
}

/** Why the pool gave up. */
export type BrokenReason = 'cannot-start' | 'not-ready' | 'stopped-answering' | 'died' | 'disposed';

/** The pool cannot grade (any more): grade in-thread. */
export class WorkersUnavailable extends Error {}
/** The caller stopped wanting the job before a worker took it. */
export class JobCancelled extends Error {}

export type NewJob = Omit<GradeJob, 'id'>;

interface Pending {
  job: GradeJob;
  cancelled?: () => boolean;
  resolve: (r: GradeJobResult) => void;
  reject: (e: Error) => void;
  sent?: number;
}

interface Slot {
  port: WorkerPort;
  ready: boolean;
  busy?: Pending;
  timer?: ReturnType<typeof setTimeout>;
}

export interface PoolStats {
  size: number;
  state: 'idle' | 'running' | 'broken';
  reason?: string;
  jobs: number;
  done: number;
  failed: number;
  cancelled: number;
  /** ms between handing a job out and its answer, summed */
  workerMs: number;
  /** ms from the first spawn until every worker said it was ready */
  startMs?: number;
}

export class GradeWorkerPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private brokenWhy?: string;
  private started?: number;
  private readonly counts = { jobs: 0, done: 0, failed: 0, cancelled: 0, workerMs: 0, startMs: undefined as number | undefined };

  constructor(private readonly opts: PoolOptions) {}

  /** False once the pool gave up (or was disposed). */
  get usable(): boolean {
    return this.brokenWhy === undefined;
  }

  /** Grade one job in a worker; rejects with WorkersUnavailable (grade in-thread), JobCancelled, or the job's own error. */
  run(job: NewJob, cancelled?: () => boolean): Promise<GradeJobResult> {
    if (this.brokenWhy !== undefined) return Promise.reject(new WorkersUnavailable(this.brokenWhy));
    this.start();
    if (this.brokenWhy !== undefined) return Promise.reject(new WorkersUnavailable(this.brokenWhy));
    this.counts.jobs++;
    return new Promise<GradeJobResult>((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, cancelled, resolve, reject });
      this.pump();
    });
  }

  stats(): PoolStats {
    const state = this.brokenWhy !== undefined ? 'broken' : this.slots.length ? 'running' : 'idle';
    return { size: this.opts.size, state, reason: this.brokenWhy, ...this.counts, workerMs: Math.round(this.counts.workerMs) };
  }

  /** Test hook: one worker ends itself, as a crash would. */
  killOne(): void {
    this.slots.find((s) => s.ready)?.port.post({ type: 'die' });
  }

  /** Give up: every worker ended, every job left refused. */
  dispose(): void {
    this.give('disposed');
  }

  private start(): void {
    if (this.slots.length) return;
    this.started = performance.now();
    const size = Math.max(1, Math.floor(this.opts.size));
    for (let i = 0; i < size && this.brokenWhy === undefined; i++) {
      let port: WorkerPort;
      try {
        port = this.opts.spawn();
      } catch (e) {
        this.give('cannot-start', (e as Error)?.message ?? String(e));
        return;
      }
      const slot: Slot = { port, ready: false };
      this.slots.push(slot);
      slot.timer = setTimeout(() => this.give('not-ready'), this.opts.readyTimeoutMs ?? 10_000);
      port.listen(
        (m) => this.heard(slot, m),
        (detail) => this.give('died', detail),
      );
    }
  }

  private heard(slot: Slot, m: FromWorker): void {
    if (this.brokenWhy !== undefined) return;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (m.type === 'ready') {
      slot.ready = true;
      if (this.slots.every((s) => s.ready) && this.started !== undefined)
        this.counts.startMs = Math.round(performance.now() - this.started);
    } else {
      const p = slot.busy;
      slot.busy = undefined;
      if (p) {
        this.counts.workerMs += performance.now() - (p.sent ?? performance.now());
        if (m.type === 'done' && m.result.id === p.job.id) {
          this.counts.done++;
          p.resolve(m.result);
        } else {
          this.counts.failed++;
          p.reject(new Error(m.type === 'failed' ? m.message : 'a worker answered another job'));
        }
      }
    }
    this.pump();
  }

  /** Hand the next jobs to the idle workers. */
  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy) continue;
      const next = this.take();
      if (!next) return;
      slot.busy = next;
      next.sent = performance.now();
      slot.timer = setTimeout(() => this.give('stopped-answering'), this.opts.jobTimeoutMs ?? 30_000);
      try {
        slot.port.post({ type: 'job', job: next.job });
      } catch (e) {
        this.give('died', (e as Error)?.message ?? String(e));
        return;
      }
    }
  }

  /** The next job still wanted; the cancelled ones are refused on the way. */
  private take(): Pending | undefined {
    for (;;) {
      const p = this.queue.shift();
      if (!p || !p.cancelled?.()) return p;
      this.counts.cancelled++;
      p.reject(new JobCancelled('cancelled'));
    }
  }

  private give(reason: BrokenReason, detail?: string): void {
    if (this.brokenWhy !== undefined) return;
    const why = detail ? `${reason}: ${detail}` : reason;
    this.brokenWhy = why;
    const left = [...this.queue, ...this.slots.flatMap((s) => (s.busy ? [s.busy] : []))];
    this.queue = [];
    for (const s of this.slots) {
      clearTimeout(s.timer);
      s.busy = undefined;
      try {
        s.port.terminate();
      } catch {
        /* already gone */
      }
    }
    for (const p of left) p.reject(new WorkersUnavailable(why));
    if (reason !== 'disposed') this.opts.onBroken?.(reason, detail);
  }
}
