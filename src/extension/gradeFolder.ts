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
import { t } from './l10n';

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

/** Short words per reason a report was left alone, for the one-line summary (the details say it in full). */
function shortReason(why: Refusal | 'failed'): string {
  switch (why) {
    case 'edited':
      return t('edited since written');
    case 'foreign':
      return t('not written by Review Grader');
    case 'symlink':
      return t('a symbolic link');
    case 'not-a-file':
      return t('not a file');
    case 'failed':
      return t('could not be written');
  }
}

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
      const message = t('Review Grader: no review runs (vNNN-variant-runN.md) in {0}.', where);
      void vscode.window.showInformationMessage(message);
      return { written: [], skipped: [], ungraded: [], reasons: new Map(), message };
    }
    const target = folder;
    const { result, short } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Review Grader: grading {0}', where), cancellable: true },
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
    short.set(target.toString(), shortReason(why));
  };
  let done = 0;
  progress.report({ message: t('{0} of {1} runs', 0, runs.length) });
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
      progress.report({ message: t('{0} of {1} runs', done, runs.length), increment: 100 / runs.length });
    }
    if (graded.length === 0) continue;
    if (token.isCancellationRequested) return { result: { ...result, cancelled: true }, short };
    const target = vscode.Uri.joinPath(folder, `${variant}-review-grader.md`);
    const decision = await replaceDecision(target);
    if (!decision.ok) {
      leftAlone(target, decision.state, refusalReason(decision.state, t));
      continue;
    }
    const failed = await writeAtomically(
      folder,
      target,
      sealOutput(renderScoringReport(graded, { bonusCap: graded[0]?.score.rubric.bonusCap ?? bonusCap() })),
    );
    if (failed) leftAlone(target, 'failed', t('cannot write: {0}; left unchanged', failed));
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
  const n = r.written.length;
  const head = r.cancelled
    ? n === 1
      ? t('Review Grader: cancelled — wrote 1 report in {0}/ before stopping', where)
      : t('Review Grader: cancelled — wrote {0} reports in {1}/ before stopping', n, where)
    : n === 1
      ? t('Review Grader: wrote 1 report in {0}/', where)
      : t('Review Grader: wrote {0} reports in {1}/', n, where);
  const tail: string[] = [];
  if (r.skipped.length) {
    const counts = new Map<string, number>();
    for (const u of r.skipped) {
      const why = short.get(u.toString()) ?? shortReason('foreign');
      counts.set(why, (counts.get(why) ?? 0) + 1);
    }
    const whys = [...counts].map(([why, k]) => (counts.size === 1 ? why : t('{0} {1}', k, why)));
    tail.push(t('{0} left alone ({1})', r.skipped.length, whys.join(t(', '))));
  }
  if (r.ungraded.length)
    tail.push(r.ungraded.length === 1 ? t('1 run without an answer key') : t('{0} runs without an answer key', r.ungraded.length));
  return tail.length ? t('{0} — {1}.', head, tail.join(t('; '))) : t('{0}.', head);
}

/** The per-file list behind the summary, one line each. */
export function detailLines(where: string, r: GradeFolderResult): string[] {
  const rel = (u: vscode.Uri) => vscode.workspace.asRelativePath(u);
  return [
    r.cancelled
      ? t(
          'Grade Folder {0} (cancelled): {1} written, {2} left alone, {3} without a key',
          where,
          r.written.length,
          r.skipped.length,
          r.ungraded.length,
        )
      : t('Grade Folder {0}: {1} written, {2} left alone, {3} without a key', where, r.written.length, r.skipped.length, r.ungraded.length),
    ...r.written.map((u) => `  ${t('wrote {0}', rel(u))}`),
    ...r.skipped.map((u) => `  ${t('left {0} alone: {1}', rel(u), r.reasons?.get(u.toString()) ?? shortReason('foreign'))}`),
    ...r.ungraded.map((u) => `  ${t('no answer key for {0}', rel(u))}`),
  ];
}

/** Show the summary; its buttons reveal the folder or write the details to the output channel. */
async function announce(log: Logger, folder: vscode.Uri, where: string, r: GradeFolderResult): Promise<void> {
  const [openFolder, showDetails] = [t('Open Folder'), t('Show Details')];
  const buttons = r.written.length || r.skipped.length ? [openFolder, showDetails] : [showDetails];
  const choice = await vscode.window.showInformationMessage(r.message ?? '', ...buttons);
  if (choice === openFolder) await vscode.commands.executeCommand('revealInExplorer', folder);
  else if (choice === showDetails) {
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
    t('Review Grader: no review runs (vNNN-variant-runN.md) in the workspace.'),
    t('Folder of review runs to grade'),
  );
}

/** reviewGrader.compareWithJudge(uri?): opens a markdown list of differences; resolves to its text. */
export function compareWithJudgeCommand(service: GradingService) {
  return async (arg?: unknown): Promise<string | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && (await vscode.workspace.openTextDocument(uri));
    const graded = doc && (await service.gradedOf(doc));
    if (!graded) {
      void vscode.window.showInformationMessage(
        t('Review Grader: open a review that has an answer key to compare it with its judge report.'),
      );
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
  const out = [`# ${t('Review Grader vs judge: {0}', escapeMarkdownInline(g.path ?? t('review')))}`, ''];
  const judged = g.problems.filter((p) => p.judge);
  if (judged.length === 0) {
    out.push(
      t(
        'No judge verdicts for this run (no `vNNN-variant-scoring.md` beside it, or it names no verdict for this run, or `reviewGrader.useJudgeReports` is off).',
      ),
    );
    return `${out.join('\n')}\n`;
  }
  const differ = judged.filter((p) => p.judge !== p.auto.verdict || (p.tag && p.tag !== p.judge));
  out.push(t('Judge verdicts for {0} of {1} problems; {2} differ.', judged.length, g.problems.length, differ.length), '');
  if (differ.length) {
    out.push(`| ${[t('Problem'), t('Judge'), t('Auto'), t('Tag'), t('Evidence')].join(' | ')} |`, '|---|:-:|:-:|:-:|---|');
    for (const p of differ) {
      const e = p.evidence[0];
      out.push(
        `| ${escapeMarkdownInline(p.id)}: ${escapeMarkdownInline(p.title)} | ${MARK[p.judge!]} | ${MARK[p.auto.verdict]} ${p.confidence.toFixed(2)} | ${p.tag ? MARK[p.tag] : ''} | ${e ? t('{0} (line {1})', escapeMarkdownInline(e.label || t('line {0}', e.line)), e.line) : ''} |`,
      );
    }
  }
  out.push(
    '',
    t('Score in force: {0} = {1} + {2} − {3}.', fmt(g.score.total), fmt(g.score.detection), fmt(g.score.bonus), fmt(g.score.penalty)),
  );
  return `${out.join('\n')}\n`;
}

function bonusCap(): number {
  return configOf(vscode.workspace).bonusCap;
}

function name(u: vscode.Uri): string {
  return u.path.slice(u.path.lastIndexOf('/') + 1);
}
