// Runs inside the workbench's extension host (as a "test" bundle): arranges
// the editor for each README picture, then asks screenshots.mjs (listening to
// the page console) to take it, and waits while it does.
import * as vscode from 'vscode';
import { coverageTree, keyBesideReview, lineOf, place, shot } from './scenes';

const KEY = 'reliability-design/answer-key-round-007.md';
const REVIEW = 'reliability-design/results/v007-baseline-run1.md';

export async function run(): Promise<void> {
  const { keyDoc, key, reviewDoc, p01 } = await keyBesideReview(KEY, REVIEW, '#### C3:');
  await shot('lenses-key');

  await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  await place(key, p01, 6, p01 - 1);
  await vscode.commands.executeCommand('editor.action.showHover');
  await shot('hover');
  await vscode.commands.executeCommand('editor.action.hideHover');

  await coverageTree(reviewDoc, 'coverage-tree');

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
