// "Grade Folder": grade every review run in a folder and write one scoring
// report per variant beside the runs (`<variant>-review-grader.md`), through
// core renderScoringReport. A file we did not write, or one edited since we
// wrote it (core/output's sealed hash), is never replaced; symlinks are not
// written through; each report goes to a temp file renamed into place.
// The runs are read a few ahead and graded in the background (the open
// review's lenses first): by the grading workers, several ahead, when there
// are any; else one at a time here, giving the event loop back between slices.
// "Compare with Judge": where our verdicts differ from the judge's report.
import * as vscode from 'vscode';
import { pickFolderHolding } from './folderPick';
import type { GradedReview } from '../core/model';
import { MARK } from '../core/model';
import { renderScoringReport } from '../core/report';
import { mayReplace, refusalReason, sealOutput, type Refusal, type ReplaceDecision } from '../core/output';
import { escapeMarkdownInline } from '../core/escape';
import { fmt } from '../core/score';
import type { GradingService } from './gradingService';
import { readText } from './files';
import { configOf } from './config';
import { byVariant, runsIn, type WorkspaceRun } from './runs';
import type { Logger, Services } from './service';

export interface GradeFolderResult {
  written: vscode.Uri[];
  /** reports left alone, each with why (not ours, edited, a symlink, a failed write) */
  skipped: vscode.Uri[];
  ungraded: vscode.Uri[];
  reasons?: Map<string, string>;
  /** the user cancelled: nothing was written after that */
  cancelled?: boolean;
  /** the one message the run ended with */
  message?: string;
}

/** The summary's buttons. */
const OPEN_FOLDER = 'Open Folder';
const SHOW_DETAILS = 'Show Details';

/** Short words per reason a report was left alone, for the one-line summary (the details say it in full). */
const SHORT_REASON: Record<Refusal | 'failed', string> = {
  edited: 'edited since written',
  foreign: 'not written by Review Grader',
  symlink: 'a symbolic link',
  'not-a-file': 'not a file',
  failed: 'could not be written',
};

/**
 * reviewGrader.gradeFolder(folder?): explorer context passes the folder; else a quick pick.
 * Runs under a cancellable progress notification and ends with one summary message.
 */
export function gradeFolderCommand(services: Services) {
  return async (arg?: unknown): Promise<GradeFolderResult | undefined> => {
    let folder = arg instanceof vscode.Uri ? arg : await pickFolder();
    if (!folder) return undefined;
    let runs = await runsIn(folder);
    if (runs.length === 0) {
      // a perspective folder: its runs live in results/
      const results = vscode.Uri.joinPath(folder, 'results');
      runs = await runsIn(results);
      if (runs.length) folder = results;
    }
    const where = vscode.workspace.asRelativePath(folder);
    if (runs.length === 0) {
      const message = `Review Grader: no review runs (vNNN-variant-runN.md) in ${where}.`;
      void vscode.window.showInformationMessage(message);
      return { written: [], skipped: [], ungraded: [], reasons: new Map(), message };
    }
    const target = folder;
    const { result, short } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Review Grader: grading ${where}`, cancellable: true },
      (progress, token) => gradeRuns(services.grading, target, runs, progress, token),
    );
    result.message = summary(where, result, short);
    void announce(services.log, target, where, result);
    return result;
  };
}

/** Grade every run and write each variant's report; stops (writing nothing more) once the token is cancelled. */
async function gradeRuns(
  service: GradingService,
  folder: vscode.Uri,
  runs: WorkspaceRun[],
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<{ result: GradeFolderResult; short: Map<string, string> }> {
  const result: GradeFolderResult = { written: [], skipped: [], ungraded: [], reasons: new Map() };
  const short = new Map<string, string>();
  const leftAlone = (target: vscode.Uri, why: Refusal | 'failed', reason: string) => {
    result.skipped.push(target);
    result.reasons?.set(target.toString(), reason);
    short.set(target.toString(), SHORT_REASON[why]);
  };
  let done = 0;
  progress.report({ message: `0 of ${runs.length} runs` });
  const groups = [...byVariant(runs)];
  // the next few runs read ahead, so reading overlaps grading, and graded in the background, so the open review's lenses go first:
  // with grading workers several at once (the workers parse, this thread files), else one at a time here
  const ahead = service.hasWorkers;
  const next = lookahead(
    groups.flatMap(([, files]) => files),
    async (f) => {
      const doc = await service.runDocument(f.uri);
      const graded = ahead && doc ? service.gradedOf(doc, { background: true }) : undefined;
      graded?.catch(() => undefined); // awaited (and its error raised) when its turn comes
      return { doc, graded };
    },
    ahead ? WORKER_LOOKAHEAD : LOOKAHEAD,
  );
  const slicer = service.slicer();
  for (const [variant, files] of groups) {
    const graded: GradedReview[] = [];
    for (const f of files) {
      // the event loop back once a slice is used: the notification repaints and a cancel can arrive
      await slicer.pause();
      if (token.isCancellationRequested) return { result: { ...result, cancelled: true }, short };
      const { doc, graded: started } = await next();
      const g = doc && (await (started ?? service.gradedOf(doc, { background: true })));
      if (g) graded.push(g);
      else result.ungraded.push(f.uri);
      done++;
      progress.report({ message: `${done} of ${runs.length} runs`, increment: 100 / runs.length });
    }
    if (graded.length === 0) continue;
    if (token.isCancellationRequested) return { result: { ...result, cancelled: true }, short };
    const target = vscode.Uri.joinPath(folder, `${variant}-review-grader.md`);
    const decision = await replaceDecision(target);
    if (!decision.ok) {
      leftAlone(target, decision.state, refusalReason(decision.state));
      continue;
    }
    const failed = await writeAtomically(
      folder,
      target,
      sealOutput(renderScoringReport(graded, { bonusCap: graded[0]?.score.rubric.bonusCap ?? bonusCap() })),
    );
    if (failed) leftAlone(target, 'failed', `cannot write: ${failed}; left unchanged`);
    else result.written.push(target);
  }
  return { result, short };
}

/** How many runs are read ahead of the one graded (in-thread), or graded ahead (by the workers, which keeps them busy). */
const LOOKAHEAD = 4;
const WORKER_LOOKAHEAD = 6;

/** Each call resolves to the next item's result, in order, with up to `depth` items started ahead. */
function lookahead<T, R>(items: T[], work: (item: T) => Promise<R>, depth = LOOKAHEAD): () => Promise<R> {
  const started: Promise<R>[] = [];
  let taken = 0;
  return () => {
    for (let i = started.length; i < Math.min(items.length, taken + 1 + depth); i++) {
      const p = work(items[i]!);
      p.catch(() => undefined); // awaited (and its error raised) when its turn comes
      started.push(p);
    }
    return started[taken++]!;
  };
}

/** One line: "Review Grader: wrote 49 reports in results/ — 2 left alone (edited since written)". */
function summary(where: string, r: GradeFolderResult, short: Map<string, string>): string {
  const reports = (n: number) => `${n} report${n === 1 ? '' : 's'}`;
  const head = r.cancelled
    ? `Review Grader: cancelled — wrote ${reports(r.written.length)} in ${where}/ before stopping`
    : `Review Grader: wrote ${reports(r.written.length)} in ${where}/`;
  const tail: string[] = [];
  if (r.skipped.length) {
    const counts = new Map<string, number>();
    for (const u of r.skipped) {
      const why = short.get(u.toString()) ?? SHORT_REASON.foreign;
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
    const whys = [...counts].map(([why, n]) => (counts.size === 1 ? why : `${n} ${why}`));
    tail.push(`${r.skipped.length} left alone (${whys.join(', ')})`);
  }
  if (r.ungraded.length) tail.push(`${r.ungraded.length} run${r.ungraded.length === 1 ? '' : 's'} without an answer key`);
  return tail.length ? `${head} — ${tail.join('; ')}.` : `${head}.`;
}

/** The per-file list behind the summary, one line each. */
export function detailLines(where: string, r: GradeFolderResult): string[] {
  const rel = (u: vscode.Uri) => vscode.workspace.asRelativePath(u);
  return [
    `Grade Folder ${where}${r.cancelled ? ' (cancelled)' : ''}: ${r.written.length} written, ${r.skipped.length} left alone, ${r.ungraded.length} without a key`,
    ...r.written.map((u) => `  wrote ${rel(u)}`),
    ...r.skipped.map((u) => `  left ${rel(u)} alone: ${r.reasons?.get(u.toString()) ?? 'not written by Review Grader'}`),
    ...r.ungraded.map((u) => `  no answer key for ${rel(u)}`),
  ];
}

/** Show the summary; its buttons reveal the folder or write the details to the output channel. */
async function announce(log: Logger, folder: vscode.Uri, where: string, r: GradeFolderResult): Promise<void> {
  const buttons = r.written.length || r.skipped.length ? [OPEN_FOLDER, SHOW_DETAILS] : [SHOW_DETAILS];
  const choice = await vscode.window.showInformationMessage(r.message ?? '', ...buttons);
  if (choice === OPEN_FOLDER) await vscode.commands.executeCommand('revealInExplorer', folder);
  else if (choice === SHOW_DETAILS) {
    for (const line of detailLines(where, r)) log.info(line);
    // the channel in the editor is an OutputChannel; the Logger type only promises the writes
    (log as Partial<Pick<vscode.OutputChannel, 'show'>>).show?.(true);
  }
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
