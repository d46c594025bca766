// Timing file outside the suite (`node bench/editorPerf.mjs dashboardReload.bench`): the Round
// Dashboard of the largest folder cold, then in a "new session" — the panel closed, the persisted
// cache written and everything in memory forgotten (reviewGrader._cache reload), as after a window
// reload — and opened again. Printed, not asserted.
import * as vscode from 'vscode';
import type { DashboardState } from '../../../src/extension/dashboardPanel';
import { corpusUri, equal, extension } from './helpers';

const FOLDER = 'security-design';
const open = () => vscode.commands.executeCommand<DashboardState>('reviewGrader.openDashboard', corpusUri(FOLDER));
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);
const closeDashboards = () =>
  vscode.window.tabGroups.close(
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('reviewGrader.dashboard')),
  );
/** The state once the page has said it is ready (it may paint after grading ends), or as it is after 10 s. */
async function painted(): Promise<DashboardState> {
  const start = Date.now();
  for (;;) {
    const s = (await vscode.commands.executeCommand<DashboardState>('reviewGrader._dashboardState'))!;
    if (s.timings.ready !== undefined || Date.now() - start > 10_000) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const cacheStats = () => vscode.commands.executeCommand<Record<string, unknown>>('reviewGrader._cache', 'stats');

suite('round dashboard after a reload: timings (printed)', () => {
  test(`${FOLDER}: cold, then after a simulated reload`, async function () {
    this.timeout(240_000);
    await extension().activate();
    await open();
    const cold = await painted();
    console.log(
      `[perf] dashboard ${FOLDER} cold: first paint ${ms(cold.timings.ready)}, complete ${ms(cold.timings.complete)}; cache ${JSON.stringify(await cacheStats())}`,
    );
    for (let i = 1; i <= 2; i++) {
      await closeDashboards();
      await vscode.commands.executeCommand('reviewGrader._cache', 'reload');
      await open();
      const again = await painted();
      equal(again.phase, 'done', 'phase:');
      equal(again.cellCount, cold.cellCount, 'the same matrix after the reload:');
      equal(
        again.html.replace(/nonce-[^'"]+|nonce="[^"]+"|"generation":\d+|data-generation="\d+"/g, ''),
        cold.html.replace(/nonce-[^'"]+|nonce="[^"]+"|"generation":\d+|data-generation="\d+"/g, ''),
        'the same page:',
      );
      console.log(
        `[perf] dashboard ${FOLDER} after a simulated reload (${i}): first paint ${ms(again.timings.ready)}, complete ${ms(again.timings.complete)}; cache ${JSON.stringify(await cacheStats())}`,
      );
    }
    await closeDashboards();
  });
});
