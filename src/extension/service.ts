// The services every feature is built from: the one GradingService (so
// lenses, hover, tree and status bar read the same cached graded model) and
// the "Review Grader" output channel where errors go instead of vanishing.
// extension.ts creates them once and passes them to each feature's register
// function; providers take them in their constructors, never from a global.
// Also remembers which review is in front, so a key editor knows whose
// verdicts to show. The service's content cache persists in this workspace's
// storage folder (context.storageUri), and nowhere when the host gives none.
import * as vscode from 'vscode';
import { GradingService } from './gradingService';
import { GradingCache } from './gradingCache';
import { GradeWorkers, registerWorkersCommand } from './gradeWorkers';
import { configGetter, type ReviewGraderConfig } from './config';

/** Where the extension's features report what went wrong (an OutputChannel in the editor, a no-op in tests). */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
}

export interface Services {
  grading: GradingService;
  log: Logger;
  /** the settings now (config.ts, the one place they are read) */
  config: () => ReviewGraderConfig;
}

export const nullLogger: Logger = { error() {}, warn() {}, info() {} };

let instance: GradingService | undefined;
const CACHE_COMMAND = 'reviewGrader._cache';
let channel: vscode.LogOutputChannel | undefined;
const activeReviewChanged = new vscode.EventEmitter<void>();

/** Fires when a different review came to the front (keys then show its verdicts). */
export const onDidChangeActiveReview = activeReviewChanged.event;

/** The services of this activation (created on first call). */
export function extensionServices(context: vscode.ExtensionContext): Services {
  // settings first, so their cache is cleared before any feature hears of a settings change
  const settings = configGetter(vscode.workspace);
  context.subscriptions.push(settings.disposable);
  return { grading: sharedGradingService(context), log: outputChannel(context), config: settings.config };
}

function outputChannel(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  if (channel) return channel;
  const created = vscode.window.createOutputChannel('Review Grader', { log: true });
  channel = created;
  context.subscriptions.push(created, {
    dispose: () => {
      channel = undefined;
    },
  });
  return created;
}

/** The one GradingService; features not yet given `Services` still reach it here. */
/** Make this review the one its key's editor shows (the key's "switch run…" picker), as if it came to the front. */
export async function showReviewOnKey(service: GradingService, review: vscode.TextDocument): Promise<void> {
  await service.keys.noteActiveReview(review);
  activeReviewChanged.fire();
}

export function sharedGradingService(context: vscode.ExtensionContext): GradingService {
  if (instance) return instance;
  const log = outputChannel(context);
  const cache = new GradingCache({
    version: String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? 'dev'),
    storage: context.storageUri,
    build: () => buildIdentity(context),
    log,
  });
  const workers = new GradeWorkers(context.extensionUri, log);
  const service = new GradingService(context.workspaceState, log, cache, workers);
  instance = service;
  const note = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || service.kindOf(editor.document) !== 'review') return;
    await service.keys.noteActiveReview(editor.document);
    activeReviewChanged.fire();
  };
  context.subscriptions.push(
    service,
    workers,
    registerWorkersCommand(workers),
    vscode.window.onDidChangeActiveTextEditor((e) => void note(e)),
    // internal, for the perf test and bench: the cache's counts; 'reload' writes it and forgets memory, as a reload would
    vscode.commands.registerCommand(CACHE_COMMAND, async (op?: unknown) => {
      if (op === 'reload') await service.forgetMemory();
      else if (op === 'flush') await cache.flush();
      return cache.stats();
    }),
    {
      dispose: () => {
        instance = undefined;
      },
    },
  );
  void note(vscode.window.activeTextEditor);
  return service;
}

/**
 * A new build never reads the entries an older one persisted: the bundles'
 * sizes and times where they can be stat'ed (a file: extension). Where they
 * cannot (the web host serves the extension over http) an installed release
 * goes by its version alone, but a development or test session never trusts
 * what an earlier session wrote: a rebuilt parser must not meet its old results.
 */
async function buildIdentity(context: vscode.ExtensionContext): Promise<string> {
  const parts: string[] = [];
  for (const bundle of ['dist/extension.js', 'dist/web/extension.js']) {
    try {
      const st = await vscode.workspace.fs.stat(vscode.Uri.joinPath(context.extensionUri, bundle));
      parts.push(`${st.size}@${st.mtime}`);
    } catch {
      /* not stat-able here */
    }
  }
  if (parts.length) return parts.join(',');
  return context.extensionMode === vscode.ExtensionMode.Production
    ? 'release'
    : `session-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
