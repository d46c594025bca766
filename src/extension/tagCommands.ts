// Writing grading tags into a review: the one place that turns core
// `tagEdits` into a vscode.WorkspaceEdit. Every action is ONE applyEdit, so
// one undo reverts it; asking for the tag a finding already has changes nothing.
// Actions computed for an older version of the review carry a FindingRef and
// are re-resolved by heading here, or refused: never applied to an index.
import * as vscode from 'vscode';
import type { Review, TagEntry, Verdict } from '../core/model';
import { MARK } from '../core/model';
import {
  acceptAllPlan,
  entriesOf,
  isFindingRef,
  resolveFindingRef,
  tagEdits,
  withDisputed,
  withProblem,
  type AcceptAllPlan,
  type FindingRef,
  type Resolution,
} from '../core/tags';
import type { Services } from './service';
import { messageIn } from '../core/i18n';
import { t } from './l10n';

export const ACCEPT_SUGGESTION = 'reviewGrader.acceptSuggestion';

/** Edits that make the finding's tag say exactly `entries` ([] removes it); undefined when nothing would change. */
export function tagWorkspaceEdit(
  doc: vscode.TextDocument,
  review: Review,
  findingIndex: number,
  entries: TagEntry[],
): vscode.WorkspaceEdit | undefined {
  return toWorkspaceEdit(doc, tagEdits(doc.getText(), review, findingIndex, entries));
}

export function toWorkspaceEdit(
  doc: vscode.TextDocument,
  edits: { start: number; end: number; newText: string }[],
): vscode.WorkspaceEdit | undefined {
  // Drop no-op replacements so a repeated action leaves the document (and its undo stack) untouched.
  const text = doc.getText();
  const real = edits.filter((e) => text.slice(e.start, e.end) !== e.newText);
  if (real.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of real) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return edit;
}

/** The finding a ref means in the document as it is now (see core resolveFindingRef). */
export function resolveInDocument(services: Services, doc: vscode.TextDocument, ref: FindingRef): Resolution {
  return resolveFindingRef(services.grading.reviewOf(doc), doc.version, ref);
}

/** Tell the user an action was refused, and log it. */
export function refuse(services: Services, message: string): void {
  services.log.warn(`tag not written: ${message}`);
  void vscode.window.showWarningMessage(vscode.l10n.t('Review Grader: {0}.', message));
}

async function reviewDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  if (typeof uri === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return vscode.window.activeTextEditor?.document;
}

/**
 * reviewGrader.acceptSuggestion(ref, entries | problemId, verdict?) — the lens form:
 * `ref` is a FindingRef (uri, version, index, heading, line); when the document's
 * version differs the finding is found again by its heading, or nothing is written.
 * reviewGrader.acceptSuggestion(uri, findingIndex, entries | problemId, verdict?) —
 * a caller that just read the document names the finding by index (current version).
 * - entries: TagEntry[] → the finding's tag becomes exactly these entries;
 * - problemId + verdict → that problem's verdict is set, other problems on the finding kept;
 * - neither → ask: bonus or penalty (an unmatched finding).
 * Resolves to true when the document changed.
 */
export function acceptSuggestionCommand(services: Services) {
  return async (first: unknown, ...rest: unknown[]): Promise<boolean> => {
    const ref = isFindingRef(first) ? first : undefined;
    const doc = await reviewDocument(ref ? ref.uri : first);
    if (!doc) return false;
    const review = services.grading.reviewOf(doc);
    let index: number;
    let stale = false;
    if (ref) {
      const found = resolveInDocument(services, doc, ref);
      if (!found.ok) {
        refuse(services, messageIn(found, t)); // the core's message, in the UI language
        return false;
      }
      index = found.finding.index;
      stale = found.stale;
    } else {
      const i = rest.shift();
      if (typeof i !== 'number' || !review.findings[i]) return false;
      index = i;
    }
    const [what, verdict] = rest;
    const current = entriesOf(review, index);
    const setsOneProblem = typeof what === 'string' && isVerdict(verdict);
    // the lens was offered for an untagged finding: a tag written since is a human's, not ours to replace
    if (stale && current.length > 0 && !setsOneProblem) {
      refuse(
        services,
        vscode.l10n.t('"{0}" was tagged after this suggestion was offered; its tag was kept', review.findings[index].heading),
      );
      return false;
    }
    let entries: TagEntry[] | undefined;
    if (Array.isArray(what)) entries = what as TagEntry[];
    else if (typeof what === 'string' && isVerdict(verdict)) entries = withProblem(current, what, verdict);
    else {
      const version = doc.version;
      entries = await askBonusOrPenalty();
      if (entries && doc.version !== version) {
        refuse(services, vscode.l10n.t('the review changed while the choice was open; ask again'));
        return false;
      }
    }
    if (!entries) return false;
    const edit = tagWorkspaceEdit(doc, review, index, entries);
    return edit ? vscode.workspace.applyEdit(edit) : false;
  };
}

async function askBonusOrPenalty(): Promise<TagEntry[] | undefined> {
  const bonus = vscode.l10n.t('bonus');
  const penalty = vscode.l10n.t('penalty');
  const pick = await vscode.window.showQuickPick([bonus, penalty], { placeHolder: vscode.l10n.t('Grade this unmatched finding as…') });
  return pick === bonus ? [{ kind: 'bonus' }] : pick === penalty ? [{ kind: 'penalty' }] : undefined;
}

function isVerdict(v: unknown): v is Verdict {
  return v === 'detected' || v === 'partial' || v === 'missed';
}

/** What to do with suggestions the judge's report disputes: ask (default), skip them, or overrule the judge. */
export type DisputedChoice = 'ask' | 'skip' | 'include';

/**
 * reviewGrader.acceptAll(uri?, { disputed }?): every untagged finding gets the problems it
 * is the best detected (○) match for — one WorkspaceEdit, so one undo. Findings a human
 * tagged, and problems a human tagged anywhere, are left alone. A suggestion the judge
 * rated △ or × is not written unless the user agrees (a modal lists them). Resolves to
 * the number of findings tagged.
 */
export function acceptAllCommand(services: Services) {
  return async (uri?: unknown, options?: { disputed?: DisputedChoice }): Promise<number> => {
    const doc = await reviewDocument(uri);
    const graded = doc && (await services.grading.gradedOf(doc));
    if (!doc || !graded) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Review Grader: open a review that has an answer key to accept its suggestions.'),
      );
      return 0;
    }
    const version = doc.version;
    const plan = acceptAllPlan(graded);
    const choice = plan.disputed.length === 0 ? 'skip' : await disputedChoice(plan, options?.disputed ?? 'ask');
    if (!choice) return 0;
    if (doc.version !== version) {
      refuse(services, vscode.l10n.t('the review changed while Accept All was waiting; run it again'));
      return 0;
    }
    const byFinding = choice === 'include' ? withDisputed(plan) : plan.undisputed;
    const edits = [...byFinding].flatMap(([index, entries]) => tagEdits(doc.getText(), graded.review, index, entries));
    const edit = toWorkspaceEdit(doc, edits);
    const written = edit ? await vscode.workspace.applyEdit(edit) : false;
    const count = (m: Map<number, TagEntry[]>) => [...m.values()].reduce((n, e) => n + e.length, 0);
    const accepted = written ? count(byFinding) : 0;
    const skipped = choice === 'include' ? 0 : plan.disputed.length;
    if (accepted > 0 || skipped > 0) {
      const done =
        accepted === 1
          ? vscode.l10n.t('Review Grader: accepted 1 suggestion')
          : vscode.l10n.t('Review Grader: accepted {0} suggestions', accepted);
      const disputes = plan.disputed.map((d) => vscode.l10n.t('{0} on {1}', d.id, d.finding)).join(', ');
      const skipNote = skipped > 0 ? vscode.l10n.t('; skipped {0} the judge disputes ({1})', skipped, disputes) : '';
      void vscode.window.showInformationMessage(`${done}${skipNote}.`);
    }
    return written ? byFinding.size : 0;
  };
}

/** 'skip' / 'include', or undefined when the user cancelled. */
async function disputedChoice(plan: AcceptAllPlan, preset: DisputedChoice): Promise<'skip' | 'include' | undefined> {
  if (preset !== 'ask') return preset;
  const undisputed = [...plan.undisputed.values()].reduce((n, e) => n + e.length, 0);
  const list = plan.disputed.map((d) => vscode.l10n.t('{0} ○ on {1} — the judge says {0} {2}', d.id, d.finding, MARK[d.judge])).join('\n');
  const skip = vscode.l10n.t('Accept the {0} undisputed', undisputed);
  const include = vscode.l10n.t('Overrule the judge too');
  const buttons = undisputed > 0 ? [skip, include] : [include];
  const pick = await vscode.window.showWarningMessage(
    plan.disputed.length === 1
      ? vscode.l10n.t("Accept All would overrule the judge's report on 1 problem.")
      : vscode.l10n.t("Accept All would overrule the judge's report on {0} problems.", plan.disputed.length),
    { modal: true, detail: list },
    ...buttons,
  );
  return pick === skip ? 'skip' : pick === include ? 'include' : undefined;
}
