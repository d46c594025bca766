// The Round Dashboard webview: opened for the active key's round, with the
// renderer's strict CSP and no remote content; a matrix cell opens its review
// at the evidence heading; editing a review of the round refreshes the page.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok, openCorpusFile } from './helpers';

const KEY = 'reliability-design/answer-key-round-007.md';
const TITLE = 'Round Dashboard: reliability-design R7';

interface State {
  title: string;
  html: string;
  htmlLength: number;
  cellCount: number;
  csp?: string;
  warnings: string[];
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
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\n\nA note added by the dashboard test.\n'));
    try {
      let latest = before;
      const start = Date.now();
      while (latest === before && Date.now() - start < 5000) {
        await new Promise((r) => setTimeout(r, 100));
        latest = (await state())?.html;
      }
      ok(latest && latest !== before, 'the page was not re-rendered within 5 s of the edit');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
