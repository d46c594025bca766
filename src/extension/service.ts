// The services every feature is built from: the one GradingService (so
// lenses, hover, tree and status bar read the same cached graded model) and
// the "Review Grader" output channel where errors go instead of vanishing.
// extension.ts creates them once and passes them to each feature's register
// function; providers take them in their constructors, never from a global.
// Also remembers which review is in front, so a key editor knows whose
// verdicts to show.
import * as vscode from 'vscode';
import { GradingService } from './gradingService';
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
  await service.noteActiveReview(review);
  activeReviewChanged.fire();
}

export function sharedGradingService(context: vscode.ExtensionContext): GradingService {
  if (instance) return instance;
  const service = new GradingService(context.workspaceState, outputChannel(context));
  instance = service;
  const note = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || service.kindOf(editor.document) !== 'review') return;
    await service.noteActiveReview(editor.document);
    activeReviewChanged.fire();
  };
  context.subscriptions.push(
    service,
    vscode.window.onDidChangeActiveTextEditor((e) => void note(e)),
    {
      dispose: () => {
        instance = undefined;
      },
    },
  );
  void note(vscode.window.activeTextEditor);
  return service;
}
