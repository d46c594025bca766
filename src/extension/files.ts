// File access through vscode.workspace.fs only, so the extension also runs in
// vscode.dev (no Node fs in the extension path).
import * as vscode from 'vscode';
import type { FileAccess } from '../core/files';

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

/**
 * The core's FileAccess on vscode.workspace.fs. Core paths are uri paths of
 * `base`'s scheme and authority; a full uri string (a key paired from another
 * scheme, e.g. for an untitled review) is taken as that uri.
 */
export function workspaceFiles(base: vscode.Uri): FileAccess & { uri(path: string): vscode.Uri; pathOf(uri: vscode.Uri): string } {
  const uri = (path: string) => (/^[a-z][\w+.-]+:/i.test(path) ? vscode.Uri.parse(path) : base.with({ path }));
  return {
    uri,
    pathOf: (target) => (target.scheme === base.scheme && target.authority === base.authority ? target.path : target.toString()),
    read: (path) => readText(uri(path)),
    exists: (path) => uriExists(uri(path)),
    list: async (dir) => {
      try {
        const entries = await vscode.workspace.fs.readDirectory(uri(dir));
        return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
      } catch {
        return undefined;
      }
    },
  };
}
