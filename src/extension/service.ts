// The one GradingService of the extension, shared by every feature so that
// lenses, hover, tree and status bar read the same cached graded model.
// Also remembers which review is in front, so a key editor knows whose
// verdicts to show.
import * as vscode from 'vscode';
import { GradingService } from './gradingService';

let instance: GradingService | undefined;
const activeReviewChanged = new vscode.EventEmitter<void>();

/** Fires when a different review came to the front (keys then show its verdicts). */
export const onDidChangeActiveReview = activeReviewChanged.event;

/** Make this review the one its key's editor shows (the key's "switch run…" picker), as if it came to the front. */
export async function showReviewOnKey(service: GradingService, review: vscode.TextDocument): Promise<void> {
  await service.noteActiveReview(review);
  activeReviewChanged.fire();
}

export function sharedGradingService(context: vscode.ExtensionContext): GradingService {
  if (instance) return instance;
  const service = new GradingService(context.workspaceState);
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
