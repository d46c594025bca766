// "Review Grader: Pair with Answer Key…": pick one of the workspace's answer
// keys for the review in front. The workspace is searched only when the
// command runs (activation scans nothing); findFiles covers every folder of a
// multi-root workspace. A rubric holding several scenarios ('## T01: …')
// is offered once per scenario, and paired as `rubric.md#T01`.
import * as vscode from 'vscode';
import { parseKeyFile } from '../core/answerKey';
import { readText } from './files';
import type { GradingService } from './gradingService';

const KEY_GLOB = '**/{answer-key*.md,answer-keys/*.md,*rubric*.md}';

export interface KeyPick extends vscode.QuickPickItem {
  uri: vscode.Uri;
}

/**
 * reviewGrader.pairWithKey(reviewUri?, keyUri?): with a key uri, pairs without asking
 * (scripts, tests); otherwise offers the workspace's keys, the review's current key first.
 * Resolves to the key paired, or undefined when cancelled.
 */
export function pairWithKeyCommand(service: GradingService) {
  return async (reviewArg?: unknown, keyArg?: unknown): Promise<vscode.Uri | undefined> => {
    const review = toUri(reviewArg) ?? vscode.window.activeTextEditor?.document.uri;
    if (!review) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Review Grader: open a review to pair it with an answer key.'));
      return undefined;
    }
    const key = toUri(keyArg) ?? (await pickKey(service, review));
    if (!key) return undefined;
    await service.keys.pair(review, key);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Review Grader: {0} is graded against {1}.', vscode.workspace.asRelativePath(review), keyName(key)),
    );
    return key;
  };
}

async function pickKey(service: GradingService, review: vscode.Uri): Promise<vscode.Uri | undefined> {
  const items = await keyPicks(service, review);
  if (items.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Review Grader: no answer-key*.md (or *rubric*.md) file in the workspace.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Answer key for {0}', vscode.workspace.asRelativePath(review)),
    matchOnDescription: true,
  });
  return pick?.uri;
}

/** The quick pick's items: the workspace's keys, one per scenario of a rubric, the review's current key first. */
export async function keyPicks(service: GradingService, review: vscode.Uri, glob = KEY_GLOB): Promise<KeyPick[]> {
  const found = await vscode.workspace.findFiles(glob, '**/node_modules/**');
  if (found.length === 0) return [];
  const doc = await vscode.workspace.openTextDocument(review);
  const lookup = await service.keys.lookup(doc);
  const currentUri = lookup.ok ? await service.keys.uriFor(doc) : undefined;
  const current = currentUri && lookup.ok ? currentUri.with({ fragment: lookup.scenario ?? '' }).toString() : undefined;
  const dir = review.path.slice(0, review.path.lastIndexOf('/'));
  // nearest keys first: the current one, then those whose folder contains the review
  const rank = (u: vscode.Uri) => (u.toString() === current ? 0 : dir.startsWith(u.path.slice(0, u.path.lastIndexOf('/'))) ? 1 : 2);
  // the key the review uses now is offered even when its name fits no glob
  if (currentUri && !found.some((u) => u.toString() === currentUri.toString())) found.push(currentUri);
  const uris: vscode.Uri[] = [];
  for (const uri of found) for (const u of await scenariosOf(uri)) uris.push(u);
  const items: KeyPick[] = uris
    .sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path))
    .map((uri) => ({
      uri,
      label: uri.path.slice(uri.path.lastIndexOf('/') + 1) + (uri.fragment ? `#${uri.fragment}` : ''),
      description: vscode.workspace.asRelativePath(uri.with({ fragment: '' }), true),
      detail:
        [uri.toString() === current ? vscode.l10n.t('current key') : undefined, uri.fragment ? titles.get(uri.toString()) : undefined]
          .filter(Boolean)
          .join(' · ') || undefined,
    }));
  return items;
}

/** Scenario titles by pick uri, filled by scenariosOf. */
const titles = new Map<string, string>();

/** A key file, or one uri per scenario (`#T01`) when it holds several; a file that cannot be read stays one pick. */
async function scenariosOf(uri: vscode.Uri): Promise<vscode.Uri[]> {
  const text = await readText(uri).catch(() => undefined);
  const scenarios = text === undefined ? undefined : parseKeyFile(text, uri.path).sections[0]?.scenarios;
  if (!scenarios || scenarios.length < 2) return [uri];
  return scenarios.map((s) => {
    const u = uri.with({ fragment: s.id });
    titles.set(u.toString(), vscode.l10n.t('scenario {0}: {1}', s.id, s.title));
    return u;
  });
}

function keyName(key: vscode.Uri): string {
  return vscode.workspace.asRelativePath(key.with({ fragment: '' })) + (key.fragment ? `#${key.fragment}` : '');
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  return undefined;
}
