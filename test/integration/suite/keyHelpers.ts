// Helpers shared by the answer-key side tests (lenses, hover, diagnostics, perf).
import * as vscode from 'vscode';
import { corpusUri, extension } from './helpers';

export const KEY = 'reliability-design/answer-key-round-007.md';
export const REVIEW = 'reliability-design/results/v007-baseline-run1.md';

/** Polls an async probe until it returns a value (not undefined/false). */
export async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the key in the first column and the review beside it, the review in front (the "active review"). */
export async function openKeyAndReview(
  key = KEY,
  review = REVIEW,
): Promise<{ keyDoc: vscode.TextDocument; reviewDoc: vscode.TextDocument }> {
  await extension().activate();
  const keyDoc = await vscode.workspace.openTextDocument(corpusUri(key));
  await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
  const reviewDoc = await vscode.workspace.openTextDocument(corpusUri(review));
  await vscode.window.showTextDocument(reviewDoc, vscode.ViewColumn.Two);
  return { keyDoc, reviewDoc };
}

export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 200)) ?? [];
}

/** 0-based numbers of lines matching a pattern. */
export function linesMatching(doc: vscode.TextDocument, re: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) out.push(i);
  return out;
}

/** The text of hover contents (MarkdownString or MarkedString), markdown escapes removed. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
