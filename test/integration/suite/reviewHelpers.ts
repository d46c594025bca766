// Helpers for the review-side tests (quick fix, tags, tree, completion):
// open a real review run, find a finding's heading line, restore a document.
import * as vscode from 'vscode';
import { ok, openCorpusFile, waitFor } from './helpers';

/** A review run whose key (answer-key-round-007.md) plants "External API Circuit Breaker Absence" as P01. */
export const REVIEW = 'reliability-design/results/v007-baseline-run1.md';
export const KEY = 'reliability-design/answer-key-round-007.md';

/** 0-based line of the first heading starting with `#### ${label}:`. */
export function headingLine(doc: vscode.TextDocument, label: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(`#### ${label}:`)) return i;
  throw new Error(`no heading ${label} in ${doc.uri.path}`);
}

export async function openReview(path = REVIEW): Promise<vscode.TextEditor> {
  const editor = await openCorpusFile(path);
  ok(!editor.document.isDirty, `${path} should start clean`);
  return editor;
}

/** Quick fixes offered at a position of the review. */
export async function quickFixes(doc: vscode.TextDocument, line: number, character = 0): Promise<vscode.CodeAction[]> {
  const pos = new vscode.Position(line, character);
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    new vscode.Range(pos, pos),
    vscode.CodeActionKind.QuickFix.value,
    100,
  ); // resolve: edits are built lazily
  return (all ?? []).filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

/** Undo in the editor showing `doc` until its text is `original` (at most `max` steps); returns steps taken. */
export async function undoUntil(editor: vscode.TextEditor, original: string, max = 1): Promise<number> {
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  let steps = 0;
  while (editor.document.getText() !== original && steps < max) {
    const version = editor.document.version;
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.version !== version, 'undo to change the document', 3000);
    steps++;
  }
  return steps;
}

/** Drop unsaved edits so later tests see the corpus bytes. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(() => !doc.isDirty, 'revert');
}
