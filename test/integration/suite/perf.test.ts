// Timings, logged and not asserted (machines differ): activation, and the
// CodeLens answer on the largest review of the corpus and on its key, cold
// and warm. Targets (bench/extension.md): lens < 50 ms warm, activation < 100 ms.
import * as vscode from 'vscode';
import { ok } from './helpers';
import { closeAll, lenses, openKeyAndReview, until } from './keyHelpers';

// The largest *-run*.md in the corpus by size (68 KB; `ls -S */results/*-run*.md | head -1`).
const LARGEST_REVIEW = 'reliability-design/results/v008-baseline-run1.md';
const ITS_KEY = 'reliability-design/answer-key-round-008.md';
const WARM_RUNS = 10;

interface Stats {
  activationMs?: number;
  last: Record<string, number>;
  calls: Record<string, number>;
}

const stats = async () => (await vscode.commands.executeCommand<Stats>('reviewGrader._stats'))!;

async function timeLenses(uri: vscode.Uri): Promise<{ roundTrip: number; provider: number; count: number }> {
  const start = performance.now();
  const l = await lenses(uri);
  const roundTrip = performance.now() - start;
  return { roundTrip, provider: (await stats()).last.codeLens ?? NaN, count: l.length };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

suite('performance (logged)', () => {
  suiteTeardown(closeAll);

  test('activation time', async () => {
    const s = await stats();
    ok(typeof s.activationMs === 'number', 'reviewGrader._stats has no activation time');
    console.log(`[perf] activation ${ms(s.activationMs)}`);
  });

  test('CodeLens on the largest review and its key, cold and warm', async () => {
    const { keyDoc, reviewDoc } = await openKeyAndReview(ITS_KEY, LARGEST_REVIEW);
    console.log(`[perf] review ${LARGEST_REVIEW}: ${reviewDoc.getText().length} chars, ${reviewDoc.lineCount} lines`);
    const cold = await timeLenses(reviewDoc.uri);
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
    console.log(`[perf] review lenses cold: ${ms(cold.roundTrip)} round trip, ${ms(cold.provider)} in provider`);
    console.log(
      `[perf] review lenses warm (median of ${WARM_RUNS}): ${ms(median(warm))} round trip, ${ms(median(warmProvider))} in provider (max ${ms(Math.max(...warmProvider))})`,
    );
    console.log(`[perf] key lenses warm (median of ${WARM_RUNS}): ${ms(median(keyWarm))} in provider`);
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
});
