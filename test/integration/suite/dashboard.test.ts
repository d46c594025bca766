// The Round Dashboard webview: opened for the active key's round, with the
// renderer's strict CSP and no remote content; a matrix cell opens its review
// at the evidence heading; editing a review of the round refreshes the page.
// Progressive: the frame is there before grading ends, rounds come in as they
// are graded, then history and agreement; Cancel stops and says so; a newer
// show wins. Timings of the largest perspective folder are printed (not asserted).
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok, openCorpusFile } from './helpers';
import type { DashboardState } from '../../../src/extension/dashboardPanel';

const KEY = 'reliability-design/answer-key-round-007.md';
const TITLE = 'Round Dashboard: reliability-design R7';

type State = DashboardState;

// the corpus's largest perspective folder by runs (88), and two others
const LARGEST = 'security-design';
const open = (folder: string) => vscode.commands.executeCommand<State>('reviewGrader.openDashboard', corpusUri(folder));
const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);

/** Poll the panel's state until `pred` holds (the state command is answered between runs). */
async function until(pred: (s: State) => boolean, what: string, timeoutMs = 60_000): Promise<State> {
  const start = Date.now();
  for (;;) {
    const s = await state();
    if (s && pred(s)) return s;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify({ ...s, html: undefined })}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
interface CellMessage {
  type: string;
  reviewUri: string;
  line?: number;
}

const state = () => vscode.commands.executeCommand<State | undefined>('reviewGrader._dashboardState');

function dashboardTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('reviewGrader.dashboard'));
}

/** The messages the page's cells would post, decoded from their data-message attributes. */
function cellMessages(html: string): CellMessage[] {
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/data-message="([^"]*)"/g)].map((m) => JSON.parse(decode(m[1])) as CellMessage);
}

suite('round dashboard', () => {
  let opened: State | undefined;

  suiteSetup(async () => {
    await extension().activate();
  });

  suiteTeardown(async () => {
    await vscode.window.tabGroups.close(dashboardTabs());
  });

  test(`timings on the largest folder (${LARGEST}): first paint and complete, cold and warm (printed)`, async function () {
    this.timeout(240_000);
    const t0 = performance.now();
    const pending = open(LARGEST);
    // the frame: the page's script has run and said so, while grading has barely begun
    const parsedBefore = await parsedSoFar();
    // the frame: set in the webview while grading has barely begun (first paint: its script has run and said so)
    const framed = await until((s) => s.title.includes(LARGEST) && s.timings.frame !== undefined, 'the frame');
    const seenFrame = performance.now() - t0;
    ok(framed.phase === 'grading' && framed.graded < framed.total, `the frame came only after grading: ${framed.graded}/${framed.total}`);
    await pending;
    const coldWall = performance.now() - t0;
    // a webview that loads says it is ready (the Electron and web hosts do; a host without webviews never would)
    const cold = await until((s) => s.timings.ready !== undefined, 'the page script', 10_000).catch(() => state() as Promise<State>);
    equal(cold.phase, 'done', 'cold phase:');
    ok(cold.summary && /<section class="agreement"/.test(cold.html), 'no agreement section');
    console.log(
      `[perf] dashboard ${LARGEST} (${cold.total} runs, ${cold.roundsTotal} rounds) cold: frame set ${ms(cold.timings.frame)}, first paint ${ms(cold.timings.ready)} (frame seen by the test at ${ms(seenFrame)}), complete ${ms(cold.timings.complete)} (${ms(coldWall)} round trip); ${(await parsedSoFar()) - parsedBefore} files parsed`,
    );
    // warm, second open: the panel closed and opened again (a new webview, the graded files remembered)
    await vscode.window.tabGroups.close(dashboardTabs());
    const parsedCold = await parsedSoFar();
    const t1 = performance.now();
    await open(LARGEST);
    const warmWall = performance.now() - t1;
    const warm = await until((s) => s.timings.ready !== undefined, 'the page script', 10_000).catch(() => state() as Promise<State>);
    equal(warm.phase, 'done', 'warm phase:');
    equal(warm.cellCount, cold.cellCount, 'the same matrix warm:');
    console.log(
      `[perf] dashboard ${LARGEST} warm (second open): frame set ${ms(warm.timings.frame)}, first paint ${ms(warm.timings.ready)}, complete ${ms(warm.timings.complete)} (${ms(warmWall)} round trip); ${(await parsedSoFar()) - parsedCold} files parsed`,
    );
    // and a refresh of the open panel (same page: posted into it, scroll kept)
    const t2 = performance.now();
    const again = await open(LARGEST);
    console.log(
      `[perf] dashboard ${LARGEST} refresh of the open panel: complete ${ms(again.timings.complete)} (${ms(performance.now() - t2)} round trip)`,
    );
  });

  test('the frame comes first, then the rounds one by one, then history and agreement', async function () {
    this.timeout(120_000);
    const folder = 'structural-quality-design';
    const pending = open(folder);
    const framed = await until((s) => s.title.includes(folder) && s.total > 0, 'the frame');
    ok(framed.phase === 'grading' && framed.graded < framed.total, `graded ${framed.graded} of ${framed.total} at the frame`);
    ok(
      /<p id="rg-status" class="status grading" role="status" aria-live="polite">Grading \d+ of \d+ runs…<\/p>/.test(framed.html),
      'no status line',
    );
    ok(/<section class="round pending"/.test(framed.html), 'no pending round in the frame');
    ok(!framed.summary, 'summary before the runs are graded');
    // a round is in while others still wait
    const partial = await until((s) => s.roundsShown > 0, 'a first round');
    ok(
      partial.phase === 'grading' && partial.roundsShown < partial.roundsTotal,
      `rounds ${partial.roundsShown}/${partial.roundsTotal}, ${partial.phase}`,
    );
    ok(
      /<section class="round" id="/.test(partial.html) && /<section class="round pending"/.test(partial.html),
      'graded and pending rounds side by side',
    );
    const done = await pending;
    equal(done.phase, 'done', 'phase:');
    equal(done.roundsShown, done.roundsTotal, 'rounds shown:');
    equal(done.graded, done.total, 'runs graded:');
    ok(!/<section class="round pending"/.test(done.html), 'a round left pending');
    ok(/<section class="history"/.test(done.html), 'no history');
    // the agreement section: the judge against the matcher, with its figures, matrix and lean
    ok(/<section class="agreement" id="[^"]+-agreement"/.test(done.html), 'no agreement section');
    ok(/data-pair="judge-auto" data-kappa="-?\d/.test(done.html), 'no judge-vs-matcher kappa');
    ok(/<table class="confusion">\n<caption>Rows: judge · columns: auto matcher<\/caption>/.test(done.html), 'no confusion matrix');
    ok(/Lean:<\/strong> the matcher gives [○△×] where the judge says [○△×] in \d+ of \d+ cases/.test(done.html), 'no lean in words');
  });

  test('hidden and shown again, the webview gets the page as it stands (what was posted into it included)', async () => {
    const before = await until((s) => s.phase === 'done' && s.pageReady, 'the previous page');
    const tab = dashboardTabs()[0];
    ok(tab, 'no dashboard tab');
    // another editor on top of the panel hides it; revealing it rebuilds the webview from its html
    const doc = await vscode.workspace.openTextDocument({ content: 'cover', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { viewColumn: tab.group.viewColumn, preview: false });
    ok(!dashboardTabs()[0].isActive, 'the panel is still in front');
    await vscode.commands.executeCommand('workbench.action.previousEditor'); // the dashboard's tab, left of it
    const after = await until((s) => s.pageSets > before.pageSets && s.pageReady, 'the page set again after the reveal', 15_000);
    equal(after.roundsShown, before.roundsShown, 'rounds after the reveal:');
    ok(after.html.includes('<section class="agreement"'), 'the reloaded page lacks the agreement section');
    const cover = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
    await vscode.window.tabGroups.close(cover, true);
  });

  test('Cancel stops grading and the page says so', async () => {
    const folder = 'security-design-reviewer';
    const pending = open(folder);
    await until((s) => s.title.includes(folder) && s.graded >= 1, 'grading to start');
    await vscode.commands.executeCommand('reviewGrader._dashboardCancel');
    const s = await pending;
    equal(s.phase, 'cancelled', 'phase:');
    ok(s.graded < s.total, `all ${s.total} runs graded despite the cancel`);
    ok(!s.summary, 'history and agreement after a cancel');
    ok(/class="status cancelled"[^>]*>Grading cancelled after \d+ of \d+ runs/.test(s.html), 'the page does not say it was cancelled');
  });

  test('a newer show wins over an older one', async () => {
    const older = open('security-design-reviewer');
    await until((s) => s.title.includes('security-design-reviewer') && s.total > 0, 'the older show');
    const newer = await open('reliability-design');
    await older;
    const s = await state();
    ok(s, 'no state');
    equal(s.title, 'Round Dashboard: reliability-design', 'title:');
    equal(s.phase, 'done', 'phase:');
    ok(!s.html.includes('security-design-reviewer'), 'the older folder still shows');
    equal(s.roundsShown, newer.roundsTotal, 'rounds:');
  });

  test("opens the active key's round in a webview under a strict CSP", async () => {
    await openCorpusFile(KEY);
    opened = await vscode.commands.executeCommand<State>('reviewGrader.openDashboard');
    ok(opened, 'openDashboard returned no state');
    equal(opened.title, TITLE, 'panel title:');
    const tabs = dashboardTabs();
    equal(tabs.length, 1, 'dashboard webview tabs:');
    equal(tabs[0].label, TITLE, 'tab label:');

    const csp = opened.csp ?? '';
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];
    ok(nonce, `CSP without a script nonce: ${csp}`);
    ok(/default-src 'none'/.test(csp), `CSP default-src: ${csp}`);
    ok(csp.includes(`style-src 'nonce-${nonce}'`), `CSP style-src: ${csp}`);
    // only the webview's own cspSource may name a host; no unsafe-*, no bare scheme or wildcard
    ok(!/unsafe-inline|unsafe-eval|(^|\s)(\*|https?:|data:\s*;?\s*script)(\s|;|$)/.test(csp), `CSP too loose: ${csp}`);
    ok(opened.html.includes(`<script nonce="${nonce}">`), 'inline script without the nonce');
    ok(!/\s(src|href)="\s*(https?:)?\/\//i.test(opened.html), 'remote URL in a src/href');
    ok(!/\sstyle="/.test(opened.html), 'style attribute (blocked by the CSP)');

    // 9 planted problems × every round-7 run in results/
    const names = (await vscode.workspace.fs.readDirectory(corpusUri('reliability-design/results'))).map(([n]) => n);
    const runs = names.filter((n) => /^v007-.+-run\d+\.md$/.test(n)).length;
    ok(runs >= 2, `round 7 runs: ${runs}`);
    equal(opened.cellCount, 9 * runs, 'matrix cells:');
    equal(opened.warnings.length, 0, `warnings: ${opened.warnings.join('; ')}`);
  });

  test('a cell opens its review beside the panel at the evidence heading', async () => {
    ok(opened, 'needs the panel from the previous test');
    const message = cellMessages(opened.html).find((m) => m.line !== undefined && m.reviewUri.includes('v007-baseline-run1.md'));
    ok(message, 'no cell of v007-baseline run 1 with evidence');
    const result = await vscode.commands.executeCommand<{ uri: string; line: number }>('reviewGrader._dashboardOpenCell', message);
    ok(result, 'the cell opened nothing');
    const editor = vscode.window.activeTextEditor;
    ok(editor, 'no active editor after the click');
    equal(editor.document.uri.toString(), message.reviewUri, 'opened review:');
    equal(editor.selection.start.line, message.line! - 1, 'selection line:');
    const text = editor.document.lineAt(editor.selection.start.line).text;
    ok(/^(#{2,6} |\*\*|\|)/.test(text), `evidence line ${message.line} is not a finding heading: ${text}`);
    ok(editor.viewColumn !== undefined && dashboardTabs()[0].group.viewColumn !== editor.viewColumn, 'review should open beside the panel');

    // a message naming a file the page was not built from is ignored
    const foreign = await vscode.commands.executeCommand('reviewGrader._dashboardOpenCell', {
      type: 'openCell',
      reviewUri: corpusUri('README.md').toString(),
      line: 1,
    });
    equal(foreign, undefined, 'foreign file opened:');
  });

  test('editing a review of the round refreshes the page', async () => {
    ok(opened, 'needs the panel from the previous test');
    const before = (await state())?.html;
    const editor = vscode.window.activeTextEditor;
    ok(editor && /v007-baseline-run1\.md$/.test(editor.document.uri.path), 'the review from the previous test should be in front');
    const shows = (await state())?.shows ?? 0;
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\nA note added by the dashboard test.\n'));
    try {
      let latest = before;
      const start = Date.now();
      let now = shows;
      while (now === shows && Date.now() - start < 5000) {
        await new Promise((r) => setTimeout(r, 100));
        const s = await state();
        latest = s?.html;
        now = s?.shows ?? shows;
      }
      ok(now > shows && latest, 'the page was not re-graded within 5 s of the edit');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

/** Reviews and keys the shared grading cache has parsed so far (its internal command; 0 on a build without it). */
async function parsedSoFar(): Promise<number> {
  const stats = await vscode.commands.executeCommand<{ builtBy?: Record<string, number> } | undefined>('reviewGrader._cache', 'stats');
  return (stats?.builtBy?.review ?? 0) + (stats?.builtBy?.key ?? 0);
}
