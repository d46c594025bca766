// Timings, logged and not asserted (machines differ): activation, the
// CodeLens answer on the largest review of the corpus cold, warm and after a
// simulated reload (memory dropped, the persisted cache kept), and Grade
// Folder on the largest results folder, with the longest stretch the
// extension host's event loop was blocked. Bars (issue 12, bench/extension.md):
// first lens ≤ 500 ms cold, ≤ 100 ms warm; Grade Folder ~100 runs ≤ 3 s;
// activation < 100 ms; nothing blocking the host more than ~50 ms at a time.
import * as vscode from 'vscode';
import type { GradeFolderResult } from '../../../src/extension/gradeFolder';
import { corpusUri, extension, longestBlock, ok } from './helpers';
import { closeAll, lenses, openKeyAndReview, until } from './keyHelpers';

// The largest *-run*.md in the corpus by size (68 KB; `ls -S */results/*-run*.md | head -1`).
const LARGEST_REVIEW = 'reliability-design/results/v008-baseline-run1.md';
const ITS_KEY = 'reliability-design/answer-key-round-008.md';
// The results folder with the most runs (88; `for d in */results; do ls $d/*-run*.md | wc -l; done`).
const LARGEST_FOLDER = 'security-design/results';
const WARM_RUNS = 10;

interface Stats {
  activationMs?: number;
  last: Record<string, number>;
  calls: Record<string, number>;
}

const stats = async () => (await vscode.commands.executeCommand<Stats>('reviewGrader._stats'))!;

/** The cache's internal command, when this build has it (reload: flush the persisted cache, drop memory). */
async function cacheCommand(op: string): Promise<Record<string, number> | undefined> {
  const all = await vscode.commands.getCommands(true);
  if (!all.includes('reviewGrader._cache')) return undefined;
  return vscode.commands.executeCommand<Record<string, number>>('reviewGrader._cache', op);
}

async function timeLenses(uri: vscode.Uri): Promise<{ roundTrip: number; provider: number; count: number }> {
  const start = performance.now();
  const l = await lenses(uri);
  const roundTrip = performance.now() - start;
  return { roundTrip, provider: (await stats()).last.codeLens ?? NaN, count: l.length };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/** Grade Folder through its command, the summary message swallowed; resolves to the result and its duration. */
async function gradeFolder(folder: vscode.Uri): Promise<{ result: GradeFolderResult; ms: number; blockedMs: number }> {
  const win = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const realShow = win.showInformationMessage;
  win.showInformationMessage = (() => Promise.resolve(undefined)) as typeof vscode.window.showInformationMessage;
  try {
    const start = performance.now();
    const { value, blockedMs } = await longestBlock(async () =>
      vscode.commands.executeCommand<GradeFolderResult>('reviewGrader.gradeFolder', folder),
    );
    ok(value, 'gradeFolder returned nothing');
    return { result: value, ms: performance.now() - start, blockedMs };
  } finally {
    win.showInformationMessage = realShow;
  }
}

suite('performance (logged)', () => {
  suiteTeardown(closeAll);

  test('activation time', async () => {
    await extension().activate(); // run alone (bench/editorPerf.mjs), nothing has opened a markdown file yet
    const s = await stats();
    ok(typeof s.activationMs === 'number', 'reviewGrader._stats has no activation time');
    console.log(`[perf] activation ${ms(s.activationMs)}`);
  });

  test('CodeLens on the largest review and its key: cold, warm, after a simulated reload', async () => {
    const { value: opened, blockedMs } = await longestBlock(async () => {
      const started = performance.now();
      const { keyDoc, reviewDoc } = await openKeyAndReview(ITS_KEY, LARGEST_REVIEW);
      const cold = await timeLenses(reviewDoc.uri);
      return { keyDoc, reviewDoc, cold, sinceOpen: performance.now() - started };
    });
    const { keyDoc, reviewDoc, cold, sinceOpen } = opened;
    console.log(`[perf] review ${LARGEST_REVIEW}: ${reviewDoc.getText().length} chars, ${reviewDoc.lineCount} lines`);
    await until(async () => (await lenses(reviewDoc.uri)).length > 0, 'lenses on the largest review');
    const warm: number[] = [];
    const warmProvider: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = await timeLenses(reviewDoc.uri);
      warm.push(t.roundTrip);
      warmProvider.push(t.provider);
    }
    const keyWarm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) keyWarm.push((await timeLenses(keyDoc.uri)).provider);
    console.log(
      `[perf] review lenses cold: ${ms(cold.roundTrip)} round trip (${ms(sinceOpen)} from opening), ${ms(cold.provider)} in provider; event loop blocked at most ${ms(blockedMs)}`,
    );
    console.log(
      `[perf] review lenses warm (median of ${WARM_RUNS}): ${ms(median(warm))} round trip, ${ms(median(warmProvider))} in provider (max ${ms(maxOf(warmProvider))})`,
    );
    console.log(`[perf] key lenses warm (median of ${WARM_RUNS}): ${ms(median(keyWarm))} in provider`);

    // closed and reopened: the in-memory cache still has it
    await closeAll();
    const reopenStart = performance.now();
    const again = await openKeyAndReview(ITS_KEY, LARGEST_REVIEW);
    const reopened = await timeLenses(again.reviewDoc.uri);
    console.log(
      `[perf] review lenses after close + reopen: ${ms(reopened.roundTrip)} round trip, ${ms(reopened.provider)} in provider (${ms(performance.now() - reopenStart)} from opening)`,
    );

    // a reload: the persisted cache written, everything in memory forgotten, the files opened anew
    const dropped = await cacheCommand('reload');
    if (!dropped) {
      console.log('[perf] review lenses after a simulated reload: n/a (no persisted cache in this build)');
      return;
    }
    await closeAll();
    const reloadStart = performance.now();
    const fresh = await openKeyAndReview(ITS_KEY, LARGEST_REVIEW);
    const reloaded = await timeLenses(fresh.reviewDoc.uri);
    console.log(
      `[perf] review lenses after a simulated reload (persisted cache, memory empty): ${ms(reloaded.roundTrip)} round trip, ${ms(reloaded.provider)} in provider (${ms(performance.now() - reloadStart)} from opening)`,
    );
  });

  test('re-grading after an edit (the lens after one keystroke)', async () => {
    const { reviewDoc } = await openKeyAndReview(ITS_KEY, LARGEST_REVIEW);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(reviewDoc.uri, new vscode.Position(reviewDoc.lineCount - 1, 0), ' ');
    await vscode.workspace.applyEdit(edit);
    try {
      const t = await timeLenses(reviewDoc.uri);
      console.log(`[perf] review lenses after an edit (re-parse + re-grade): ${ms(t.roundTrip)} round trip, ${ms(t.provider)} in provider`);
    } finally {
      await vscode.window.showTextDocument(reviewDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('Grade Folder on the largest results folder, cold and warm', async function () {
    this.timeout(120_000);
    await closeAll();
    const folder = corpusUri(LARGEST_FOLDER);
    const written: vscode.Uri[] = [];
    try {
      const phases = async (when: string) => {
        const c = await cacheCommand('stats');
        if (c) console.log(`[perf]   cache after ${when}: ${JSON.stringify(c)}`);
      };
      await phases('the lens tests');
      const cold = await gradeFolder(folder);
      await phases('Grade Folder cold');
      written.push(...cold.result.written);
      const runs = (await vscode.workspace.fs.readDirectory(folder)).filter(([n]) => /-run\d+\.md$/.test(n)).length;
      console.log(
        `[perf] Grade Folder ${LARGEST_FOLDER} (${runs} runs, ${cold.result.written.length} reports) cold: ${ms(cold.ms)}; event loop blocked at most ${ms(cold.blockedMs)}`,
      );
      const warm = await gradeFolder(folder);
      await phases('Grade Folder warm');
      written.push(...warm.result.written);
      console.log(`[perf] Grade Folder ${LARGEST_FOLDER} warm: ${ms(warm.ms)}; event loop blocked at most ${ms(warm.blockedMs)}`);
      if (await cacheCommand('reload')) {
        const reloaded = await gradeFolder(folder);
        written.push(...reloaded.result.written);
        console.log(
          `[perf] Grade Folder ${LARGEST_FOLDER} after a simulated reload: ${ms(reloaded.ms)}; event loop blocked at most ${ms(reloaded.blockedMs)}`,
        );
      }
      await phases('Grade Folder after the reload');
    } finally {
      // the reports were written into the in-memory mount: remove them so later tests see the corpus as it is
      for (const u of new Set(written.map(String))) await vscode.workspace.fs.delete(vscode.Uri.parse(u)).then(undefined, () => undefined);
    }
  });
});
