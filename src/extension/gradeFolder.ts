// "Grade Folder": grade every review run in a folder and write one scoring
// report per variant beside the runs (`<variant>-review-grader.md`), through
// core renderScoringReport. A file we did not write is never overwritten.
// "Compare with Judge": where our verdicts differ from the judge's report.
import * as vscode from 'vscode';
import { pickFolderHolding } from './folderPick';
import type { GradedReview } from '../core/model';
import { MARK } from '../core/model';
import { renderScoringReport } from '../core/report';
import { fmt } from '../core/score';
import type { GradingService } from './gradingService';
import { readText } from './files';
import { configOf } from './config';
import { byVariant, runsIn } from './runs';

/** Marks our own reports, so a re-run may replace them and nothing else. */
const OUR_MARK = 'Graded by review-grader';

export interface GradeFolderResult { written: vscode.Uri[]; skipped: vscode.Uri[]; ungraded: vscode.Uri[] }

/** reviewGrader.gradeFolder(folder?): explorer context passes the folder; else a quick pick. */
export function gradeFolderCommand(service: GradingService) {
  return async (arg?: unknown): Promise<GradeFolderResult | undefined> => {
    let folder = arg instanceof vscode.Uri ? arg : await pickFolder();
    if (!folder) return undefined;
    const result: GradeFolderResult = { written: [], skipped: [], ungraded: [] };
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
      const existing = await readText(target);
      if (existing !== undefined && !existing.includes(OUR_MARK)) {
        result.skipped.push(target);
        continue;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderScoringReport(graded, { bonusCap: bonusCap() })));
      result.written.push(target);
    }
    void vscode.window.showInformationMessage(summary(folder, runs.length, result));
    return result;
  };
}

function summary(folder: vscode.Uri, runCount: number, r: GradeFolderResult): string {
  const where = vscode.workspace.asRelativePath(folder);
  if (runCount === 0) return `Review Grader: no review runs (vNNN-variant-runN.md) in ${where}.`;
  const parts = [`wrote ${r.written.length} report(s): ${r.written.map(name).join(', ') || 'none'}`];
  if (r.skipped.length) parts.push(`left ${r.skipped.map(name).join(', ')} alone (not written by Review Grader)`);
  if (r.ungraded.length) parts.push(`${r.ungraded.length} run(s) without an answer key`);
  return `Review Grader: graded ${runCount} run(s) in ${where}; ${parts.join('; ')}.`;
}

/** Folders holding review runs, found only now that the command runs. */
function pickFolder(): Promise<vscode.Uri | undefined> {
  return pickFolderHolding('**/v*-run*.md', 'Review Grader: no review runs (vNNN-variant-runN.md) in the workspace.', 'Folder of review runs to grade');
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
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: text }), { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return text;
  };
}

/** Markdown: every problem where the judge's verdict differs from the automatic or the tagged one. */
export function judgeComparison(g: GradedReview): string {
  const out = [`# Review Grader vs judge: ${g.path ?? 'review'}`, ''];
  const judged = g.problems.filter((p) => p.judge);
  if (judged.length === 0) {
    out.push('No judge verdicts for this run (no `vNNN-variant-scoring.md` beside it, or it names no verdict for this run, or `reviewGrader.useJudgeReports` is off).');
    return `${out.join('\n')}\n`;
  }
  const differ = judged.filter((p) => p.judge !== p.auto.verdict || (p.tag && p.tag !== p.judge));
  out.push(`Judge verdicts for ${judged.length} of ${g.problems.length} problems; ${differ.length} differ.`, '');
  if (differ.length) {
    out.push('| Problem | Judge | Auto | Tag | Evidence |', '|---|:-:|:-:|:-:|---|');
    for (const p of differ) {
      const e = p.evidence[0];
      out.push(`| ${p.id}: ${p.title.replace(/\|/g, '\\|')} | ${MARK[p.judge!]} | ${MARK[p.auto.verdict]} ${p.confidence.toFixed(2)} | ${p.tag ? MARK[p.tag] : ''} | ${e ? `${e.label || `line ${e.line}`} (line ${e.line})` : ''} |`);
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
