// Where a verdict has no finding of its own to show (a judge verdict that
// cites none, a disputed "missed"), its lens opens a pick of the matcher's
// candidates, titled as candidates so they are never taken for the verdict's
// evidence. Picking one reveals it in the review.
import * as vscode from 'vscode';
import { fmt } from '../core/score';
import type { Evidence, GradedReview } from '../core/model';
import { findingFullName } from './verdictText';
import { t } from './l10n';

export const SHOW_CANDIDATES = 'reviewGrader.showCandidates';
/** reveals a 1-based line of a review: codeLens.ts's REVEAL_FINDING */
const REVEAL = 'reviewGrader.revealFinding';

export interface CandidateItem {
  label: string;
  description: string;
  line: number;
}

interface Pick extends vscode.QuickPickItem {
  line: number;
}

export function registerCandidatePicker(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_CANDIDATES, showCandidates));
}

/** The lens arguments for a problem's candidates (plain data: a lens argument outlives the model). */
export function candidateItems(candidates: Evidence[], g: GradedReview): CandidateItem[] {
  return candidates.map((e) => ({
    label: findingFullName(e, g, t),
    description: vscode.l10n.t('match {0} · line {1}', fmt(e.score), e.line ?? '?'),
    line: e.line,
  }));
}

/**
 * reviewGrader.showCandidates(reviewUri, placeHolder, items, pickIndex?): a pick of
 * candidate findings; with pickIndex, reveals that one without asking (tests).
 * Resolves to the line revealed, or undefined.
 */
async function showCandidates(reviewUri: unknown, placeHolder: unknown, items: unknown, pickIndex?: unknown): Promise<number | undefined> {
  if (typeof reviewUri !== 'string' || !Array.isArray(items)) return undefined;
  const picks: Pick[] = (items as CandidateItem[])
    .filter((i) => typeof i?.line === 'number')
    .map((i) => ({ label: String(i.label), description: String(i.description ?? ''), line: i.line }));
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Review Grader: {0} — no finding of the review relates to it.', String(placeHolder)),
    );
    return undefined;
  }
  const pick =
    typeof pickIndex === 'number' ? picks[pickIndex] : await vscode.window.showQuickPick(picks, { placeHolder: String(placeHolder) });
  if (!pick) return undefined;
  await vscode.commands.executeCommand(REVEAL, reviewUri, pick.line);
  return pick.line;
}
