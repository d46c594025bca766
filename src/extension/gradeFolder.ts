// "Grade Folder": grade every review run in a folder and write one scoring
// report per variant beside the runs (`<variant>-review-grader.md`), through
// core renderScoringReport. A file we did not write, or one edited since we
// wrote it (core/output's sealed hash), is never replaced; symlinks are not
// written through; each report goes to a temp file renamed into place.
// "Compare with Judge": where our verdicts differ from the judge's report.
import * as vscode from 'vscode';
import { pickFolderHolding } from './folderPick';
import type { GradedReview } from '../core/model';
import { MARK } from '../core/model';
import { renderScoringReport } from '../core/report';
import { mayReplace, refusalReason, sealOutput, type ReplaceDecision } from '../core/output';
import { escapeMarkdownInline } from '../core/escape';
import { fmt } from '../core/score';
import type { GradingService } from './gradingService';
import { readText } from './files';
import { configOf } from './config';
import { byVariant, runsIn } from './runs';

export interface GradeFolderResult {
  written: vscode.Uri[];
  /** reports left alone, each with why (not ours, edited, a symlink, a failed write) */
  skipped: vscode.Uri[];
  ungraded: vscode.Uri[];
  reasons?: Map<string, string>;
}

/** reviewGrader.gradeFolder(folder?): explorer context passes the folder; else a quick pick. */
export function gradeFolderCommand(service: GradingService) {
  return async (arg?: unknown): Promise<GradeFolderResult | undefined> => {
    let folder = arg instanceof vscode.Uri ? arg : await pickFolder();
    if (!folder) return undefined;
    const result: GradeFolderResult = { written: [], skipped: [], ungraded: [], reasons: new Map() };
    let runs = await runsIn(folder);
    if (runs.length === 0) {
      // a perspective folder: its runs live in results/
      const results = vscode.Uri.joinPath(folder, 'results');
      runs = await runsIn(results);
      if (runs.length) folder = results;
    }
    for (const [variant, files] of byVariant(runs)) {
      const graded: GradedReview[] = [];
      for (const f of files) {
        const g = await service.gradedOf(await vscode.workspace.openTextDocument(f.uri));
        if (g) graded.push(g);
        else result.ungraded.push(f.uri);
      }
      if (graded.length === 0) continue;
      const target = vscode.Uri.joinPath(folder, `${variant}-review-grader.md`);
      const decision = await replaceDecision(target);
      if (!decision.ok) {
        result.skipped.push(target);
        result.reasons?.set(target.toString(), refusalReason(decision.state));
        continue;
      }
      const failed = await writeAtomically(
        folder,
        target,
        sealOutput(renderScoringReport(graded, { bonusCap: graded[0]?.score.rubric.bonusCap ?? bonusCap() })),
      );
      if (failed) {
        result.skipped.push(target);
        result.reasons?.set(target.toString(), `cannot write: ${failed}; left unchanged`);
      } else result.written.push(target);
    }
    void vscode.window.showInformationMessage(summary(folder, runs.length, result));
    return result;
  };
}

function summary(folder: vscode.Uri, runCount: number, r: GradeFolderResult): string {
  const where = vscode.workspace.asRelativePath(folder);
  if (runCount === 0) return `Review Grader: no review runs (vNNN-variant-runN.md) in ${where}.`;
  const parts = [`wrote ${r.written.length} report(s): ${r.written.map(name).join(', ') || 'none'}`];
  if (r.skipped.length)
    parts.push(
      `left ${r.skipped.map((u) => `${name(u)} alone (${r.reasons?.get(u.toString()) ?? 'not written by Review Grader'})`).join(', ')}`,
    );
  if (r.ungraded.length) parts.push(`${r.ungraded.length} run(s) without an answer key`);
  return `Review Grader: graded ${runCount} run(s) in ${where}; ${parts.join('; ')}.`;
}

/** May a report replace what is at `target`? Core decides; here we only look (stat, read). */
async function replaceDecision(target: vscode.Uri): Promise<ReplaceDecision> {
  let type: vscode.FileType;
  try {
    type = (await vscode.workspace.fs.stat(target)).type;
  } catch {
    return mayReplace(undefined); // nothing there
  }
  if (type & vscode.FileType.SymbolicLink) return mayReplace(undefined, { kind: 'symlink' });
  if (!(type & vscode.FileType.File)) return mayReplace(undefined, { kind: 'other' });
  // an open document's unsaved edits count as edits
  const text = await readText(target);
  return mayReplace(text ?? '', { kind: 'file' });
}

/** Write to a temp file beside the target, then rename it into place; a failure leaves the target whole. Returns the error, if any. */
async function writeAtomically(folder: vscode.Uri, target: vscode.Uri, text: string): Promise<string | undefined> {
  const temp = vscode.Uri.joinPath(folder, `.${name(target)}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    return undefined;
  } catch (e) {
    try {
      await vscode.workspace.fs.delete(temp);
    } catch {
      /* never created */
    }
    return (e as Error)?.message ?? String(e);
  }
}

/** Folders holding review runs, found only now that the command runs. */
function pickFolder(): Promise<vscode.Uri | undefined> {
  return pickFolderHolding(
    '**/v*-run*.md',
    'Review Grader: no review runs (vNNN-variant-runN.md) in the workspace.',
    'Folder of review runs to grade',
  );
}

/** reviewGrader.compareWithJudge(uri?): opens a markdown list of differences; resolves to its text. */
export function compareWithJudgeCommand(service: GradingService) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && (await vscode.workspace.openTextDocument(uri));
    const graded = doc && (await service.gradedOf(doc));
    if (!graded) {
      void vscode.window.showInformationMessage('Review Grader: open a review that has an answer key to compare it with its judge report.');
      return undefined;
    }
    const text = judgeComparison(graded);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
    return text;
  };
}

/** Markdown: every problem where the judge's verdict differs from the automatic or the tagged one. */
export function judgeComparison(g: GradedReview): string {
  const out = [`# Review Grader vs judge: ${escapeMarkdownInline(g.path ?? 'review')}`, ''];
  const judged = g.problems.filter((p) => p.judge);
  if (judged.length === 0) {
    out.push(
      'No judge verdicts for this run (no `vNNN-variant-scoring.md` beside it, or it names no verdict for this run, or `reviewGrader.useJudgeReports` is off).',
    );
    return `${out.join('\n')}\n`;
  }
  const differ = judged.filter((p) => p.judge !== p.auto.verdict || (p.tag && p.tag !== p.judge));
  out.push(`Judge verdicts for ${judged.length} of ${g.problems.length} problems; ${differ.length} differ.`, '');
  if (differ.length) {
    out.push('| Problem | Judge | Auto | Tag | Evidence |', '|---|:-:|:-:|:-:|---|');
    for (const p of differ) {
      const e = p.evidence[0];
      out.push(
        `| ${escapeMarkdownInline(p.id)}: ${escapeMarkdownInline(p.title)} | ${MARK[p.judge!]} | ${MARK[p.auto.verdict]} ${p.confidence.toFixed(2)} | ${p.tag ? MARK[p.tag] : ''} | ${e ? `${escapeMarkdownInline(e.label || `line ${e.line}`)} (line ${e.line})` : ''} |`,
      );
    }
  }
  out.push('', `Score in force: ${fmt(g.score.total)} = ${fmt(g.score.detection)} + ${fmt(g.score.bonus)} − ${fmt(g.score.penalty)}.`);
  return `${out.join('\n')}\n`;
}

function bonusCap(): number {
  return configOf(vscode.workspace).bonusCap;
}

function name(u: vscode.Uri): string {
  return u.path.slice(u.path.lastIndexOf('/') + 1);
}
