// What core/findKey is given in the editor: the pairings the user made (kept
// in the workspace state), the part of a review where a link comment counts,
// and the rule that a link is followed only inside the workspace. Apart from
// gradingService.ts, which caches graded models, so the lookup inputs are in one place.
import * as vscode from 'vscode';
import type { FindKeyOptions } from '../core/findKey';
import { LINK_SEARCH_LIMIT } from '../core/naming';
import { configOf } from './config';
import { workspaceFiles } from './files';

/** The workspace-state entry holding explicit pairings: review uri → key uri (with '#T01' for one scenario). */
export const PAIRINGS = 'reviewGrader.pairings';

/** The explicit pairings as stored. */
export function storedPairings(state: vscode.Memento): Record<string, string> {
  return state.get<Record<string, string>>(PAIRINGS, {});
}

/**
 * Pairings and key patterns as core/findKey takes them, for the reviews that
 * share `base`'s scheme and authority (one review's, or a dashboard folder's).
 */
export function keyLookupOptions(state: vscode.Memento, base: vscode.Uri, only?: vscode.Uri): Omit<FindKeyOptions, 'explicit'> {
  const files = workspaceFiles(base);
  const pairings = new Map<string, string>();
  for (const [review, key] of Object.entries(storedPairings(state))) {
    if (only && review !== only.toString()) continue;
    const r = vscode.Uri.parse(review);
    // a pairing with one scenario of a rubric is stored as the key's uri with '#T01'
    const k = vscode.Uri.parse(key);
    if (r.scheme === base.scheme && r.authority === base.authority)
      pairings.set(r.path, files.pathOf(k.with({ fragment: '' })) + (k.fragment ? `#${k.fragment}` : ''));
  }
  // A link comment is untrusted (an LLM wrote the review): it is followed only to a file inside the workspace.
  const isAllowed = (path: string) => vscode.workspace.getWorkspaceFolder(files.uri(path)) !== undefined;
  return { pairings, patterns: configOf(vscode.workspace).keyPatterns, isAllowed };
}

/** The part of a review where a link comment counts (core/naming.keyLink reads no further). */
export function linkRegion(doc: vscode.TextDocument): string {
  const text = doc.getText();
  return text.length > LINK_SEARCH_LIMIT ? text.slice(0, LINK_SEARCH_LIMIT) : text;
}
