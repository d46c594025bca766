// The Round Dashboard in a new session: what an earlier session parsed is in
// the workspace storage (the persisted cache), and the dashboard reads it from
// there instead of parsing every run again. A simulated reload
// (reviewGrader._cache reload: the cache written, memory forgotten) stands for
// the new session; the page must be the same.
import * as vscode from 'vscode';
import type { DashboardState } from '../../../src/extension/dashboardPanel';
import { corpusUri, equal, extension, ok } from './helpers';

const KEY = 'reliability-design/answer-key-round-007.md';

interface Stats {
  builtBy: Record<string, number>;
  fromWorkers: Record<string, number>;
  persistedHits: number;
}

const open = () => vscode.commands.executeCommand<DashboardState>('reviewGrader.openDashboard', corpusUri(KEY));
const stats = () => vscode.commands.executeCommand<Stats>('reviewGrader._cache', 'stats');
/** parses of `kind` done so far, on the host thread or by a grading worker */
const parsed = (s: Stats, kind: string) => (s.builtBy[kind] ?? 0) + (s.fromWorkers[kind] ?? 0);
/** the page but what differs per show (CSP nonce, page generation) */
const page = (html: string) => html.replace(/nonce-[^'"]+|nonce="[^"]+"|data-generation="\d+"/g, '');

function closeDashboards(): Thenable<boolean> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('reviewGrader.dashboard'));
  return vscode.window.tabGroups.close(tabs);
}

suite('round dashboard after a reload', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  suiteTeardown(async () => {
    await closeDashboards();
  });

  test('reads the runs and keys parsed by an earlier session from the workspace storage, and shows the same page', async function () {
    this.timeout(120_000);
    const first = (await open())!;
    equal(first.phase, 'done', 'first phase:');
    ok(first.total > 0 && first.cellCount > 0, `nothing graded: ${first.total} runs, ${first.cellCount} cells`);
    await closeDashboards();
    await vscode.commands.executeCommand('reviewGrader._cache', 'reload');
    const before = await stats();
    const again = (await open())!;
    const after = await stats();
    equal(again.phase, 'done', 'phase after the reload:');
    equal(page(again.html), page(first.html), 'the page after the reload:');
    equal(parsed(after, 'review') - parsed(before, 'review'), 0, 'reviews parsed again after the reload:');
    equal(parsed(after, 'key') - parsed(before, 'key'), 0, 'keys parsed again after the reload:');
    ok(
      after.persistedHits - before.persistedHits >= first.total,
      `read back from the storage: ${after.persistedHits - before.persistedHits}`,
    );
  });
});
