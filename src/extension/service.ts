// The services every feature is built from: the one GradingService (so
// lenses, hover, tree and status bar read the same cached graded model) and
// the "Review Grader" output channel where errors go instead of vanishing.
// extension.ts creates them once and passes them to each feature's register
// function; providers take them in their constructors, never from a global.
// Also remembers which review is in front, so a key editor knows whose
// verdicts to show.
import * as vscode from 'vscode';
import { GradingService } from './gradingService';

/** Where the extension's features report what went wrong (an OutputChannel in the editor, a no-op in tests). */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
}

export interface Services {
  grading: GradingService;
  log: Logger;
}

export const nullLogger: Logger = { error() {}, warn() {}, info() {} };

let instance: GradingService | undefined;
let channel: vscode.LogOutputChannel | undefined;
const activeReviewChanged = new vscode.EventEmitter<void>();

/** Fires when a different review came to the front (keys then show its verdicts). */
export const onDidChangeActiveReview = activeReviewChanged.event;

/** The services of this activation (created on first call). */
export function extensionServices(context: vscode.ExtensionContext): Services {
  return { grading: sharedGradingService(context), log: outputChannel(context) };
}

function outputChannel(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  if (channel) return channel;
  const created = vscode.window.createOutputChannel('Review Grader', { log: true });
  channel = created;
  context.subscriptions.push(created, { dispose: () => { channel = undefined; } });
  return created;
}

/** The one GradingService; features not yet given `Services` still reach it here. */
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
    { dispose: () => { instance = undefined; } },
  );
  void note(vscode.window.activeTextEditor);
  return service;
}
