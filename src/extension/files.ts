// File access through vscode.workspace.fs only, so the extension also runs in
// vscode.dev (no Node fs in the extension path).
import * as vscode from 'vscode';
import { resolveBeside } from '../core/naming';

/** Text of a file, preferring an open (possibly unsaved) document; undefined if unreadable. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** A path written inside a file (relative to it, or absolute) as a uri of the same scheme. */
export function uriFromPath(beside: vscode.Uri, path: string): vscode.Uri {
  return beside.with({ path: resolveBeside(beside.path, path) });
}
