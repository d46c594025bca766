// "switch run…": the key's top lens says which run its verdicts show and opens
// a pick of the round's runs; picking one makes it the run the key shows
// (lenses, hover, status bar and Coverage view follow). Runs are listed from
// the folders a round's runs live in (the key's results/ folder, the key's own
// folder, the shown run's folder) and kept when their file name is of the
// key's round and their key is this key.
import * as vscode from 'vscode';
import { basename, parseRunName } from '../core/naming';
import type { GradingService } from './gradingService';
import { runsIn, type WorkspaceRun } from './runs';
import { showReviewOnKey } from './service';

export const PICK_RUN = 'reviewGrader.pickRun';

interface RunPick extends vscode.QuickPickItem {
  run: WorkspaceRun;
}

export function registerRunPicker(context: vscode.ExtensionContext, service: GradingService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(PICK_RUN, (keyUri?: unknown, pick?: unknown) => pickRun(service, keyUri, pick)),
  );
}

/** The runs of the key's round, by variant then run. */
export async function runsOfKey(service: GradingService, keyDoc: vscode.TextDocument, shown?: vscode.Uri): Promise<WorkspaceRun[]> {
  const keyDir = vscode.Uri.joinPath(keyDoc.uri, '..');
  const folders = [vscode.Uri.joinPath(keyDir, 'results'), keyDir, ...(shown ? [vscode.Uri.joinPath(shown, '..')] : [])];
  const round = service.keyOf(keyDoc).round;
  const seen = new Set<string>();
  const out: WorkspaceRun[] = [];
  for (const folder of folders) {
    if (seen.has(folder.toString())) continue;
    seen.add(folder.toString());
    for (const run of await runsIn(folder)) {
      if (round !== undefined && parseRunName(basename(run.uri.path))?.round !== round) continue;
      out.push(run);
    }
  }
  return out;
}

/**
 * reviewGrader.pickRun(keyUri?, runUri?): with a run uri, shows that run on the
 * key without asking (tests, scripts); else offers the round's runs. Resolves to
 * the run now shown, or undefined.
 */
async function pickRun(service: GradingService, keyArg: unknown, runArg: unknown): Promise<vscode.Uri | undefined> {
  const keyUri = toUri(keyArg) ?? vscode.window.activeTextEditor?.document.uri;
  if (!keyUri) return undefined;
  const keyDoc = await vscode.workspace.openTextDocument(keyUri);
  let chosen = toUri(runArg);
  if (!chosen) {
    const shown = (await service.keys.activeReviewFor(keyDoc))?.uri;
    const runs = await runsOfKey(service, keyDoc, shown);
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Review Grader: no review run of this round beside {0}. Open a review, or pair one with this key.',
          basename(keyUri.path),
        ),
      );
      return undefined;
    }
    const items: RunPick[] = runs.map((run) => ({
      run,
      label: basename(run.uri.path),
      description: run.uri.toString() === shown?.toString() ? vscode.l10n.t('shown now') : run.variant,
      detail: vscode.workspace.asRelativePath(run.uri),
    }));
    chosen = (
      await vscode.window.showQuickPick(items, {
        placeHolder: vscode.l10n.t('Run whose verdicts {0} shows', basename(keyUri.path)),
        matchOnDetail: true,
      })
    )?.run.uri;
  }
  if (!chosen) return undefined;
  const reviewDoc = await vscode.workspace.openTextDocument(chosen);
  if ((await service.keys.uriFor(reviewDoc))?.toString() !== keyUri.toString()) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Review Grader: {0} is graded against another key; pair it with {1} first.',
        basename(chosen.path),
        basename(keyUri.path),
      ),
    );
    return undefined;
  }
  await showReviewOnKey(service, reviewDoc);
  return chosen;
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  return undefined;
}
