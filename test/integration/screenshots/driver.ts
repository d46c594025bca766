// Runs inside the workbench's extension host (as a "test" bundle): arranges
// the editor for each README picture, then asks screenshots.mjs (listening to
// the page console) to take it, and waits while it does.
import * as vscode from 'vscode';

const KEY = 'reliability-design/answer-key-round-007.md';
const REVIEW = 'reliability-design/results/v007-baseline-run1.md';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function shot(name: string): Promise<void> {
  await sleep(1500); // let lenses, hovers and menus render
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

async function place(editor: vscode.TextEditor, line: number, character: number, top = line - 2): Promise<void> {
  const pos = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(Math.max(0, top), 0, Math.max(0, top), 0), vscode.TextEditorRevealType.AtTop);
  await sleep(300);
}

export async function run(): Promise<void> {
  await vscode.extensions.getExtension('review-grader.review-grader')?.activate();
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  // sticky headings would pile up above the finding and hide what the picture is about
  await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
  // review on the right first (the key's lenses show the review last in front), then the key on the left
  const reviewDoc = await vscode.workspace.openTextDocument(uri(REVIEW));
  const review = await vscode.window.showTextDocument(reviewDoc, { viewColumn: vscode.ViewColumn.Two });
  await sleep(1000);
  const keyDoc = await vscode.workspace.openTextDocument(uri(KEY));
  const key = await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const p01 = lineOf(keyDoc, '### P01');
  await place(key, p01, 4, p01 - 1);
  await place(review, lineOf(reviewDoc, '#### C3:'), 4);
  await shot('lenses-key');

  await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  await place(key, p01, 6, p01 - 1);
  await vscode.commands.executeCommand('editor.action.showHover');
  await shot('hover');
  await vscode.commands.executeCommand('editor.action.hideHover');

  // the tree beside the review alone; widen the side bar and open P01's evidence
  await vscode.window.showTextDocument(reviewDoc, { viewColumn: vscode.ViewColumn.Two });
  await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  await vscode.commands.executeCommand('workbench.view.extension.reviewGrader');
  await sleep(1000);
  // narrowing the focused editor widens the side bar
  for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  await vscode.commands.executeCommand('workbench.action.focusSideBar');
  await vscode.commands.executeCommand('list.focusFirst');
  await vscode.commands.executeCommand('list.focusDown');
  await vscode.commands.executeCommand('list.expand');
  await sleep(500);
  await shot('coverage-tree');

  const c3 = lineOf(reviewDoc, '#### C3:');
  await place(await vscode.window.showTextDocument(reviewDoc), c3 + 2, 4, c3 - 1);
  await vscode.commands.executeCommand('editor.action.quickFix');
  await shot('quick-fix');

  // the Round Dashboard webview for round 7, with a matrix cell's review opened at its evidence on the left
  await vscode.commands.executeCommand('editor.action.hideHover');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  const dash = await vscode.commands.executeCommand<{ html: string }>('reviewGrader.openDashboard');
  const message = /data-message="([^"]*v007-baseline-run1[^"]*)"/.exec(dash?.html ?? '')?.[1].replace(/&quot;/g, '"');
  if (message) await vscode.commands.executeCommand('reviewGrader._dashboardOpenCell', JSON.parse(message));
  await shot('dashboard-webview');
  console.log('@@screenshot done');
}
