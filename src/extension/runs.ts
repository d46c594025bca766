// Review runs in a folder, grouped by variant through the corpus naming
// convention (vNNN-variant[-docK]-runR.md). Listing uses vscode.workspace.fs
// so it also works in vscode.dev.
import * as vscode from 'vscode';
import { basename, parseRunName } from '../core/naming';

export interface RunFile {
  uri: vscode.Uri;
  /** 'v007-baseline' or 'v002-x-doc1': one variant's runs share it */
  variant: string;
  run?: number;
}

/** Every review run directly in a folder, by variant then run. */
export async function runsIn(folder: vscode.Uri): Promise<RunFile[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const runs: RunFile[] = [];
  for (const [name, type] of entries) {
    const parsed = (type & vscode.FileType.File) !== 0 ? parseRunName(name) : undefined;
    if (!parsed || parsed.kind !== 'run') continue;
    const doc = parsed.doc !== undefined ? `-doc${parsed.doc}` : '';
    runs.push({ uri: vscode.Uri.joinPath(folder, name), variant: `v${String(parsed.round).padStart(3, '0')}-${parsed.variant}${doc}`, run: parsed.run });
  }
  return runs.sort((a, b) => a.variant.localeCompare(b.variant) || (a.run ?? 0) - (b.run ?? 0));
}

/** The runs of the same variant as this review (itself included); [] when its name says no variant. */
export async function siblingRuns(review: vscode.Uri): Promise<RunFile[]> {
  if (!parseRunName(basename(review.path))) return [];
  const all = await runsIn(vscode.Uri.joinPath(review, '..'));
  const self = all.find((r) => r.uri.toString() === review.toString());
  return self ? all.filter((r) => r.variant === self.variant) : [];
}

/** Runs grouped by variant, in order. */
export function byVariant(runs: RunFile[]): Map<string, RunFile[]> {
  const out = new Map<string, RunFile[]>();
  for (const r of runs) out.set(r.variant, [...(out.get(r.variant) ?? []), r]);
  return out;
}
