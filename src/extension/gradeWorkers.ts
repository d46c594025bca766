// Where the grading workers come from: a worker thread on the desktop
// (dist/grade-worker.js), a nested web worker in the web extension host
// (dist/web/grade-worker.js; VS Code polyfills `new Worker(url)` there). One
// fewer than the cores, at least one. When the pool gives up (gradeWorkerPool.ts)
// one line says why in the output channel and round-wide work goes on in-thread.
// Also the internal command the tests and bench/editorPerf.mjs use to read the
// pool's counts, resize it, or make it fail.
import * as vscode from 'vscode';
import { GradeWorkerPool, type BrokenReason, type PoolStats, type WorkerPort } from './gradeWorkerPool';
import type { FromWorker } from '../core/gradeJob';
import type { Logger } from './service';

export const WORKERS_COMMAND = 'reviewGrader._gradeWorkers';

/** What the test hook may change (a missing `script` makes the workers fail to start). */
export interface WorkerSettings {
  /** 0: no workers, grade in-thread */
  size?: number;
  /** the worker script, relative to the extension folder */
  script?: string;
  readyTimeoutMs?: number;
  jobTimeoutMs?: number;
  /** test hook: the workers cannot be started ('spawn', as a host without nested workers), or never say they are ready ('silent', as one a CSP blocks) */
  fail?: 'spawn' | 'silent';
}

/**
 * How many workers: one fewer than the cores (the host thread and the
 * workbench need one), at least one, four at most. Two workers on two cores
 * looked faster on JIT-warm workers (88 gradings in 1.5 s against 2.3 s), but
 * each fresh worker pays its own JIT warm-up, and the real cold dashboard
 * measured 4.1–4.7 s with two against 3.6–4.3 s with one (bench/extension.md).
 */
export function defaultWorkerCount(cores: number): number {
  return Math.max(1, Math.min(4, Math.floor(cores) - 1));
}

/** The pool round-wide work uses now (the test hook may replace it). */
export class GradeWorkers implements vscode.Disposable {
  private pool?: GradeWorkerPool;
  private settings: WorkerSettings = {};

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Logger,
  ) {
    this.pool = this.make();
  }

  /** The pool, unless there is none or it gave up. */
  current(): GradeWorkerPool | undefined {
    return this.pool?.usable ? this.pool : undefined;
  }

  stats(): PoolStats | { state: 'off' } {
    return this.pool?.stats() ?? { state: 'off' };
  }

  /** A new pool with these settings (the old one ended). */
  reset(settings: WorkerSettings): void {
    this.pool?.dispose();
    this.settings = settings;
    this.pool = this.make();
  }

  /** Test hook: one worker ends itself, as a crash would. */
  killOne(): void {
    this.pool?.killOne();
  }

  dispose(): void {
    this.pool?.dispose();
  }

  private make(): GradeWorkerPool | undefined {
    const size = this.settings.size ?? defaultWorkerCount(cores());
    if (size < 1) return undefined;
    const node = nodeModule<NodeWorkerThreads>('node:worker_threads');
    const script = this.settings.script ?? (node ? 'dist/grade-worker.js' : 'dist/web/grade-worker.js');
    const where = vscode.Uri.joinPath(this.extensionUri, ...script.split('/'));
    return new GradeWorkerPool({
      size,
      spawn: failing(this.settings.fail) ?? (node ? () => nodeWorker(node, where.fsPath) : () => webWorker(where.toString())),
      onBroken: (why, detail) => this.log.warn(brokenMessage(why, detail)),
      readyTimeoutMs: this.settings.readyTimeoutMs,
      jobTimeoutMs: this.settings.jobTimeoutMs,
    });
  }
}

/** reviewGrader._gradeWorkers: 'stats' (default), 'kill' (one worker dies), or settings for a new pool. */
export function registerWorkersCommand(workers: GradeWorkers): vscode.Disposable {
  return vscode.commands.registerCommand(WORKERS_COMMAND, (op?: unknown) => {
    if (op === 'kill') workers.killOne();
    else if (op && typeof op === 'object') workers.reset(op as WorkerSettings);
    return workers.stats();
  });
}

/** The test hook's failing workers. */
function failing(fail: WorkerSettings['fail']): (() => WorkerPort) | undefined {
  if (fail === 'spawn')
    return () => {
      throw new Error('no nested workers in this host (test)');
    };
  if (fail === 'silent') return () => ({ post: () => undefined, listen: () => undefined, terminate: () => undefined });
  return undefined;
}

function brokenMessage(why: BrokenReason, detail = ''): string {
  switch (why) {
    case 'cannot-start':
      return vscode.l10n.t('The grading workers could not start ({0}): grading on the extension host instead.', detail);
    case 'not-ready':
      return vscode.l10n.t('The grading workers did not start in time: grading on the extension host instead.');
    case 'stopped-answering':
      return vscode.l10n.t('A grading worker stopped answering: grading on the extension host instead.');
    default:
      return vscode.l10n.t('A grading worker ended ({0}): grading on the extension host instead.', detail);
  }
}

function cores(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  if (nav) return nav;
  const os = nodeModule<{ availableParallelism?: () => number; cpus?: () => unknown[] }>('node:os');
  return os?.availableParallelism?.() ?? os?.cpus?.().length ?? 1;
}

/** A Node built-in when the host is Node (process.getBuiltinModule: no require, so the web bundle stays free of them). */
function nodeModule<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

interface NodeWorker {
  postMessage(m: unknown): void;
  on(event: 'message', f: (m: FromWorker) => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  on(event: 'exit', f: (code: number) => void): void;
  terminate(): unknown;
  unref(): void;
}
interface NodeWorkerThreads {
  Worker: new (path: string) => NodeWorker;
}

function nodeWorker(threads: NodeWorkerThreads, path: string): WorkerPort {
  const w = new threads.Worker(path);
  w.unref();
  let ended = false;
  return {
    post: (m) => w.postMessage(m),
    listen: (message, failed) => {
      w.on('message', message);
      w.on('error', (e) => failed(e?.message ?? String(e)));
      w.on('exit', (code) => {
        if (!ended) failed(`exit code ${code}`);
      });
    },
    terminate: () => {
      ended = true;
      void w.terminate();
    },
  };
}

interface WebWorker {
  postMessage(m: unknown): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', f: (e: { data?: unknown; message?: string }) => void): void;
  terminate(): void;
}

function webWorker(url: string): WorkerPort {
  const Worker = (globalThis as { Worker?: new (url: string) => WebWorker }).Worker;
  if (typeof Worker !== 'function') throw new Error('this extension host has no Worker');
  const w = new Worker(url);
  return {
    post: (m) => w.postMessage(m),
    listen: (message, failed) => {
      w.addEventListener('message', (e) => message(e.data as FromWorker));
      w.addEventListener('error', (e) => failed(e?.message || 'error'));
      w.addEventListener('messageerror', () => failed('a message could not be read'));
    },
    terminate: () => w.terminate(),
  };
}
