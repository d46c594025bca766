// What both screenshot drivers (driver.ts, driver-ja.ts) do: run inside the
// workbench's extension host, arrange a scene, then ask screenshots.mjs
// (listening to the page console: "@@screenshot <name>") to take it.
import * as vscode from 'vscode';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function shot(name: string): Promise<void> {
  await sleep(1500); // let lenses, hovers, menus and the tree render
  console.log(`@@screenshot ${name}`);
  await sleep(2500); // screenshots.mjs captures meanwhile
}

export function uri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...path.split('/'));
}

export function lineOf(doc: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(prefix)) return i;
  return 0;
}

export async function place(editor: vscode.TextEditor, line: number, character: number, top = line - 2): Promise<void> {
  const pos = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(Math.max(0, top), 0, Math.max(0, top), 0), vscode.TextEditorRevealType.AtTop);
  await sleep(300);
}

/** The key on the left at P01, its review on the right at `reviewHeading`: the review opens first, so the key's lenses show it. */
export async function keyBesideReview(keyPath: string, reviewPath: string, reviewHeading: string) {
  await vscode.extensions.getExtension('review-grader.review-grader')?.activate();
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  // sticky headings would pile up above the finding and hide what the picture is about
  await vscode.workspace.getConfiguration('editor').update('stickyScroll.enabled', false, vscode.ConfigurationTarget.Global);
  const reviewDoc = await vscode.workspace.openTextDocument(uri(reviewPath));
  const review = await vscode.window.showTextDocument(reviewDoc, { viewColumn: vscode.ViewColumn.Two });
  await sleep(1000);
  const keyDoc = await vscode.workspace.openTextDocument(uri(keyPath));
  const key = await vscode.window.showTextDocument(keyDoc, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const p01 = lineOf(keyDoc, '### P01');
  await place(key, p01, 4, p01 - 1);
  await place(review, lineOf(reviewDoc, reviewHeading), 4);
  return { keyDoc, key, reviewDoc, review, p01 };
}

/** The Coverage view beside the review alone, the side bar widened and the first problem's row opened. */
export async function coverageTree(reviewDoc: vscode.TextDocument, name: string): Promise<void> {
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
  await shot(name);
}
