// A quick pick of the folders that hold files matching a glob. The search runs
// only when a command asks, never at activation.
import * as vscode from 'vscode';

export async function pickFolderHolding(glob: string, none: string, placeHolder: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(glob, '**/node_modules/**');
  const folders = new Map<string, vscode.Uri>();
  for (const f of files) {
    const dir = vscode.Uri.joinPath(f, '..');
    folders.set(dir.toString(), dir);
  }
  if (folders.size === 0) {
    void vscode.window.showWarningMessage(none);
    return undefined;
  }
  const items = [...folders.values()]
    .map((uri) => ({ uri, label: vscode.workspace.asRelativePath(uri, true) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.uri;
}
