// The Japanese README pictures (`node test/integration/screenshots.mjs --locale=ja`):
// a Japanese answer key with its verdict lenses beside the review run, and the
// Coverage view, in the workbench running in Japanese. Same protocol as
// driver.ts: "@@screenshot <name>" on the console, screenshots.mjs captures.
import * as vscode from 'vscode';

const KEY = 'security-design/answer-key-round-003.md';
const REVIEW = 'security-design/results/v003-baseline-run1.md';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shot(name: string): Promise<void> {
  await sleep(1500); // let lenses and the tree render
  console.log(`@@screenshot ${name}`);
  await sleep(2500); // screenshots.mjs captures meanwhile
}

function uri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...path.split('/'));
}

function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  return 0;
}

async function place(editor: vscode.TextEditor, line: number, top = line - 2): Promise<void> {
  const pos = new vscode.Position(line, 4);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(Math.max(0, top), 0, Math.max(0, top), 0), vscode.TextEditorRevealType.AtTop);
  await sleep(300);
}

export async function run(): Promise<void> {
  await vscode.extensions.getExtension('review-grader.review-grader')?.activate();
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
  const reviewDoc = await vscode.workspace.openTextDocument(uri(REVIEW));
  const review = await vscode.window.showTextDocument(reviewDoc, { viewColumn: vscode.ViewColumn.Two });
  await sleep(1000);
  const keyDoc = await vscode.workspace.openTextDocument(uri(KEY));
  const key = await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const p01 = lineOf(keyDoc, '### P01');
  await place(key, p01, p01 - 1);
  await place(review, lineOf(reviewDoc, '### 1-1.'));
  await shot('ja-lenses-key');

  // the Coverage view beside the review alone, P01's row opened
  await vscode.window.showTextDocument(reviewDoc, { viewColumn: vscode.ViewColumn.Two });
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  await vscode.commands.executeCommand('workbench.view.extension.reviewGrader');
  await sleep(1000);
  for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  await vscode.commands.executeCommand('workbench.action.focusSideBar');
  await vscode.commands.executeCommand('list.focusFirst');
  await vscode.commands.executeCommand('list.focusDown');
  await vscode.commands.executeCommand('list.expand');
  await sleep(500);
  await shot('ja-coverage-tree');
  console.log('@@screenshot done');
}
