// Writing grading tags into a review: the one place that turns core
// `tagEdits` into a vscode.WorkspaceEdit. Every action is ONE applyEdit, so
// one undo reverts it; asking for the tag a finding already has changes nothing.
import * as vscode from 'vscode';
import type { Finding, GradedReview, Review, TagEntry, Verdict } from '../core/model';
import { setTagEntry, tagEdits } from '../core/tags';
import { verdictFor } from '../core/match/verdict';
import type { GradingService } from './gradingService';
import { configOf } from './config';

export const ACCEPT_SUGGESTION = 'reviewGrader.acceptSuggestion';

/** The entries currently tagged on a finding (all of its tags together). */
export function entriesOf(review: Review, findingIndex: number): TagEntry[] {
  return review.tags.filter((t) => t.findingIndex === findingIndex).flatMap((t) => t.entries);
}

/** The entries a finding should carry after setting one problem's verdict: other problems kept, bonus/penalty dropped. */
export function withProblem(current: TagEntry[], id: string, verdict: Verdict): TagEntry[] {
  // keeps the entries' order, so setting a verdict the tag already has writes nothing
  return setTagEntry(current.filter((e) => e.kind === 'problem'), { kind: 'problem', id, verdict });
}

/** Edits that make the finding's tag say exactly `entries` ([] removes it); undefined when nothing would change. */
export function tagWorkspaceEdit(doc: vscode.TextDocument, review: Review, findingIndex: number, entries: TagEntry[]): vscode.WorkspaceEdit | undefined {
  const edits = tagEdits(doc.getText(), review, findingIndex, entries);
  return toWorkspaceEdit(doc, edits);
}

export function toWorkspaceEdit(doc: vscode.TextDocument, edits: { start: number; end: number; newText: string }[]): vscode.WorkspaceEdit | undefined {
  // Drop no-op replacements so a repeated action leaves the document (and its undo stack) untouched.
  const text = doc.getText();
  const real = edits.filter((e) => text.slice(e.start, e.end) !== e.newText);
  if (real.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of real) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return edit;
}

/** The finding whose span holds this offset (heading through body). */
export function findingAt(review: Review, offset: number): Finding | undefined {
  return review.findings.find((f) => f.span.start.offset <= offset && offset <= f.span.end.offset);
}

export interface Candidate { id: string; title: string; verdict: Verdict; score: number }

/** Problems whose evidence includes this finding, best score first, with the verdict the score suggests. */
export function candidatesFor(graded: GradedReview, findingIndex: number): Candidate[] {
  const t = thresholds();
  const out: Candidate[] = [];
  for (const p of graded.problems) {
    const e = p.evidence.find((x) => x.findingIndex === findingIndex);
    if (!e) continue;
    // the problem's own best finding carries the matcher's verdict; others are judged on their own score
    const top = p.source !== 'tag' && p.evidence[0]?.findingIndex === findingIndex;
    const verdict = top ? p.auto.verdict : verdictFor(e.score, t);
    out.push({ id: p.id, title: p.title, verdict, score: e.score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The thresholds the grading service passes to the matcher (the extension's settings). */
export function thresholds(): { detected: number; partial: number } {
  return configOf(vscode.workspace).thresholds;
}

async function reviewDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  if (typeof uri === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return vscode.window.activeTextEditor?.document;
}

/**
 * reviewGrader.acceptSuggestion(uri, findingIndex, entries | problemId, verdict?)
 * - entries: TagEntry[] → the finding's tag becomes exactly these entries (the CodeLens form);
 * - problemId + verdict → that problem's verdict is set, other problems on the finding kept;
 * - neither → ask: bonus or penalty (an unmatched finding).
 * Resolves to true when the document changed.
 */
export function acceptSuggestionCommand(service: GradingService) {
  return async (uri: unknown, findingIndex: unknown, what?: unknown, verdict?: unknown): Promise<boolean> => {
    const doc = await reviewDocument(uri);
    if (!doc || typeof findingIndex !== 'number') return false;
    const review = service.reviewOf(doc);
    if (!review.findings[findingIndex]) return false;
    let entries: TagEntry[] | undefined;
    if (Array.isArray(what)) entries = what as TagEntry[];
    else if (typeof what === 'string' && isVerdict(verdict)) entries = withProblem(entriesOf(review, findingIndex), what, verdict);
    else entries = await askBonusOrPenalty();
    if (!entries) return false;
    const edit = tagWorkspaceEdit(doc, review, findingIndex, entries);
    return edit ? vscode.workspace.applyEdit(edit) : false;
  };
}

async function askBonusOrPenalty(): Promise<TagEntry[] | undefined> {
  const pick = await vscode.window.showQuickPick(['bonus', 'penalty'], { placeHolder: 'Grade this unmatched finding as…' });
  return pick === 'bonus' ? [{ kind: 'bonus' }] : pick === 'penalty' ? [{ kind: 'penalty' }] : undefined;
}

function isVerdict(v: unknown): v is Verdict {
  return v === 'detected' || v === 'partial' || v === 'missed';
}

/**
 * reviewGrader.acceptAll(uri?): every untagged finding gets the problems it is the best
 * detected (○) match for — one WorkspaceEdit, so one undo. Findings a human tagged, and
 * problems a human tagged anywhere, are left alone. Resolves to the number of findings tagged.
 */
export function acceptAllCommand(service: GradingService) {
  return async (uri?: unknown): Promise<number> => {
    const doc = await reviewDocument(uri);
    const graded = doc && (await service.gradedOf(doc));
    if (!doc || !graded) {
      void vscode.window.showInformationMessage('Review Grader: open a review that has an answer key to accept its suggestions.');
      return 0;
    }
    const byFinding = acceptAllPlan(graded);
    const edits = [...byFinding].flatMap(([index, entries]) => tagEdits(doc.getText(), graded.review, index, entries));
    const edit = toWorkspaceEdit(doc, edits);
    if (!edit || !(await vscode.workspace.applyEdit(edit))) return 0;
    return byFinding.size;
  };
}

/** finding index → the ○ problem entries to write there. */
export function acceptAllPlan(graded: GradedReview): Map<number, TagEntry[]> {
  const tagged = new Set(graded.review.tags.flatMap((t) => (t.findingIndex === undefined ? [] : [t.findingIndex])));
  const plan = new Map<number, TagEntry[]>();
  for (const p of graded.problems) {
    const top = p.evidence[0];
    if (p.tag || p.auto.verdict !== 'detected' || !top || tagged.has(top.findingIndex)) continue;
    plan.set(top.findingIndex, [...(plan.get(top.findingIndex) ?? []), { kind: 'problem', id: p.id, verdict: 'detected' }]);
  }
  return plan;
}
