// Review runs in a folder, grouped by variant through the corpus naming
// convention (vNNN-variant[-docK]-runR.md). Listing uses vscode.workspace.fs
// so it also works in vscode.dev.
import * as vscode from 'vscode';
import { runFilesOf, type RunFile } from '../core/dashboard';
import { basename, parseRunName, variantLabel } from '../core/naming';

/** The core's RunFile in the workspace: its uri, and the variant label its runs share ('v007-baseline', 'v002-x-doc1'). */
export interface WorkspaceRun extends RunFile {
  uri: vscode.Uri;
  variant: string;
  run: number;
}

/** Every review run directly in a folder, by variant then run. */
export async function runsIn(folder: vscode.Uri): Promise<WorkspaceRun[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const paths = entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => vscode.Uri.joinPath(folder, name).path);
  const runs = runFilesOf(paths).map((f) => ({ ...f, uri: folder.with({ path: f.path }), variant: variantLabel(f.name), run: f.name.run }));
  return runs.sort((a, b) => a.variant.localeCompare(b.variant) || a.run - b.run);
}

/** The runs of the same variant as this review (itself included); [] when its name says no variant. */
export async function siblingRuns(review: vscode.Uri): Promise<WorkspaceRun[]> {
  if (!parseRunName(basename(review.path))) return [];
  const all = await runsIn(vscode.Uri.joinPath(review, '..'));
  const self = all.find((r) => r.uri.toString() === review.toString());
  return self ? all.filter((r) => r.variant === self.variant) : [];
}

/** Runs grouped by variant, in order. */
export function byVariant(runs: WorkspaceRun[]): Map<string, WorkspaceRun[]> {
  const out = new Map<string, WorkspaceRun[]>();
  for (const r of runs) {
    const list = out.get(r.variant);
    if (list) list.push(r);
    else out.set(r.variant, [r]);
  }
  return out;
}
