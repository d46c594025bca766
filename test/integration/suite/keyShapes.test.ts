// Other key shapes in the real workbench (issue 9): a TABLE key (ids Q1/L1,
// no criteria per item: the generic ○/△/× definitions apply) and a SCENARIO
// rubric (one file, two keys, a problem bank, weighted ○=2/△=1/×=0 with
// '/ max × 10') paired by '<!-- answer-key: ../rubric.md#T01 -->'. Lenses,
// hover, Coverage view, a tagging quick fix, the pair command's scenario
// picks and the Round Dashboard. Files of our own (made up) are written into
// the mount, which keeps them in memory (the corpus on disk is untouched).
import * as vscode from 'vscode';
import { GENERIC_NOTE } from '../../../src/core/answerKey';
import { GradingService } from '../../../src/extension/gradingService';
import { keyPicks } from '../../../src/extension/pairing';
import { nullLogger } from '../../../src/extension/service';
import { corpusUri, encode, equal, extension, memento, ok } from './helpers';
import { closeAll, hoverText, lenses, until } from './keyHelpers';
import { quickFixes, revert } from './reviewHelpers';

const DIR = 'zz-key-shapes';

const TABLE_KEY = [
  '# Answer Key: Tram ticket machine (planted problems)',
  '',
  'Planted problems: 3',
  '',
  '### Surface (Q) — claims nobody can check',
  '',
  '| ID | Type | Section | Problematic text | Why it is a problem |',
  '|----|------|---------|------------------|---------------------|',
  '| Q1 | vague | §2 | "tickets print instantly" | no time limit to test against |',
  '',
  '### Deep (L) — design flaws',
  '',
  '| ID | Type | Section | Problematic text | Why it is a problem |',
  '|----|------|---------|------------------|---------------------|',
  '| L1 | missing | §4 | card payments have no offline fallback | the machine sells nothing when the network drops |',
  '| L2 | missing | §5 | the coin box has no full sensor | coins jam and the machine keeps taking money |',
  '',
].join('\n');
const TABLE_REVIEW = [
  '# Review: tram ticket machine',
  '',
  '#### C1: No offline fallback for card payments',
  'Card payments have no offline fallback: when the network drops the machine sells nothing. Queue transactions offline.',
  '',
  '#### C2: Coin box has no full sensor',
  'The coin box has no full sensor, so coins jam and the machine keeps taking money.',
  '',
].join('\n');

const RUBRIC = [
  '# Rubric: ferry booking scenarios',
  '',
  'Ratings: ○ = 2, △ = 1, × = 0. Each scenario is scored as',
  '`Σ(rating × weight) / max × 10`',
  '',
  '## Problem Bank',
  '',
  '### PB-01: Seat holds never lapse',
  '- **Importance**: Critical',
  '- ○ (Full): asks for a hold timeout that releases the seat',
  '- △ (Partial): mentions held seats',
  '- × (Miss): nothing',
  '',
  '## T01: Booking a crossing',
  '',
  '| Criterion ID | Criterion | Full (2) | Partial (1) | Miss (0) | Weight |',
  '|--------------|-----------|----------|-------------|----------|--------|',
  '| T01-C1 | Double booking of a cabin | asks for a lock or a unique constraint on the cabin | mentions double booking | nothing | 2 |',
  '| T01-C2 | Payment timeout | asks what happens when the payment times out | mentions payment errors | nothing | 1 |',
  '',
  '## T02: Cancelling a crossing',
  '',
  '**AK-T02-01 (PB-01): Seat holds lapse** [Weight: 1.0]',
  '- ○: asks for holds that lapse and release the seat',
  '- △: mentions held seats',
  '- ×: nothing',
  '',
].join('\n');
const scenarioReview = (scenario: string) =>
  [
    `<!-- answer-key: ../rubric.md#${scenario} -->`,
    '# Review: ferry booking',
    '',
    '#### F1: Cabins can be double booked',
    'Two customers can book the same cabin at once: double booking. Add a lock or a unique constraint on the cabin.',
    '<!-- grade: T01-C1 ○ -->',
    '',
    '#### F2: Payment timeout is unhandled',
    'Nothing says what happens when the payment times out during a booking.',
    '',
  ].join('\n');

interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  children?: Item[];
}

const coverage = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', uri)) ?? [];
const hoverAt = async (uri: vscode.Uri, line: number, character: number) =>
  hoverText(
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character))) ?? [],
  );
const lineOf = (doc: vscode.TextDocument, start: string) => {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.startsWith(start)) return i;
  throw new Error(`no line starting with ${start} in ${doc.uri.path}`);
};

/** Opens the key in the first column and the review beside it, the review in front (its verdicts show on the key). */
async function openPair(key: vscode.Uri, review: vscode.Uri): Promise<{ keyDoc: vscode.TextDocument; reviewDoc: vscode.TextDocument }> {
  const reviewDoc = await vscode.workspace.openTextDocument(review);
  await vscode.window.showTextDocument(reviewDoc, vscode.ViewColumn.Two);
  await until(async () => (await coverage(review)).some((i) => i.label.startsWith('Score ')), 'the review to be graded');
  const keyDoc = await vscode.workspace.openTextDocument(key);
  await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
  await vscode.window.showTextDocument(reviewDoc, vscode.ViewColumn.Two);
  return { keyDoc, reviewDoc };
}

suite('other key shapes: table key and scenario rubric', () => {
  const tableKey = corpusUri(`${DIR}/table/answer-key.md`);
  const tableReview = corpusUri(`${DIR}/table/results/v001-baseline-run1.md`);
  const rubric = corpusUri(`${DIR}/scenario/rubric.md`);
  const t1Review = corpusUri(`${DIR}/scenario/results/v001-baseline-run1.md`);
  const t2Review = corpusUri(`${DIR}/scenario/results/v002-baseline-run1.md`);

  suiteSetup(async () => {
    await extension().activate();
    await vscode.workspace.fs.writeFile(tableKey, encode(TABLE_KEY));
    await vscode.workspace.fs.writeFile(tableReview, encode(TABLE_REVIEW));
    await vscode.workspace.fs.writeFile(rubric, encode(RUBRIC));
    await vscode.workspace.fs.writeFile(t1Review, encode(scenarioReview('T01')));
    await vscode.workspace.fs.writeFile(t2Review, encode(scenarioReview('T02').replace('<!-- grade: T01-C1 ○ -->\n', '')));
  });
  suiteTeardown(closeAll);

  test('table key: the Coverage view lists Q1/L1/L2, classic score, and says the generic criteria apply', async () => {
    const items = await until(async () => {
      const all = await coverage(tableReview);
      return all.some((i) => /^L1 [○△×] /.test(i.label)) && all;
    }, 'table key problem rows');
    const rows = items.filter((i) => /^[QL]\d [○△×] /.test(i.label)).map((i) => i.label);
    equal(rows.length, 3, `problem rows (${rows.join(' | ')}):`);
    ok(/^L1 ○ /.test(rows[1]) && /^L2 ○ /.test(rows[2]), `L1 and L2 found: ${rows.join(' | ')}`);
    const generic = items.find((i) => i.label.startsWith('Generic ○/△/× criteria'));
    ok(generic?.tooltip === GENERIC_NOTE.en, `generic-criteria row: ${JSON.stringify(generic)}`);
    ok(!items.some((i) => i.label.startsWith('Detection by the key')), 'a table key keeps the classic rule: no rule row');
    ok(
      items.some((i) => i.label === 'Score 2'),
      `score row: ${items.map((i) => i.label).join(' | ')}`,
    );
  });

  test('table key: verdict lenses on every row, and the hover shows the generic ○/△/× definitions', async () => {
    const { keyDoc } = await openPair(tableKey, tableReview);
    const rows = [lineOf(keyDoc, '| Q1 '), lineOf(keyDoc, '| L1 '), lineOf(keyDoc, '| L2 ')];
    const found = await until(async () => {
      const l = (await lenses(keyDoc.uri)).filter((x) => /^(detected|partial|missed)/.test(x.command?.title ?? ''));
      return l.length >= 3 && l;
    }, 'verdict lenses on the table key');
    for (const line of rows)
      ok(
        found.some((l) => l.range.start.line === line),
        `no verdict lens on line ${line + 1}: ${found.map((l) => `${l.range.start.line}:${l.command?.title}`).join(' | ')}`,
      );
    ok(/^detected · C1/.test(found.find((l) => l.range.start.line === rows[1])!.command!.title), 'L1 lens names C1');
    const text = await hoverAt(keyDoc.uri, rows[1], 3);
    ok(text.includes('L1') && text.includes(GENERIC_NOTE.en), `L1 hover: ${text}`);
    ok(text.includes('The review names the problem and explains why it matters'), `generic ○ definition missing: ${text}`);
    ok(/\*\*detected\*\* ○/.test(text), `the active review's verdict in the hover: ${text}`);
  });

  test('table key: a tagging quick fix writes "Q1" / "L1" ids, and the tag counts', async () => {
    const doc = await vscode.workspace.openTextDocument(tableReview);
    const editor = await vscode.window.showTextDocument(doc);
    const heading = lineOf(doc, '#### C1:');
    try {
      const actions = await quickFixes(doc, heading + 1, 3);
      const tag = actions.find((a) => a.title.startsWith('Tag as L1 '));
      ok(tag?.edit, `no "Tag as L1" among: ${actions.map((a) => a.title).join(' | ')}`);
      ok(await vscode.workspace.applyEdit(tag.edit), 'applyEdit failed');
      ok(/^<!-- grade: L1 [○△] -->$/.test(doc.lineAt(heading + 1).text), `line after the heading: ${doc.lineAt(heading + 1).text}`);
      const rows = await until(async () => {
        const l1 = (await coverage(tableReview)).find((i) => /^L1 /.test(i.label));
        return l1?.description === 'tag' && l1;
      }, 'L1 graded from the tag');
      ok(rows, 'L1 row');
      ok(editor.document === doc, 'same document');
    } finally {
      await revert(doc);
    }
  });

  test('scenario: the #T01 link grades T01 by the weighted rule, and the Coverage view says which rule', async () => {
    const items = await until(async () => {
      const all = await coverage(t1Review);
      return all.some((i) => /^T01-C2 /.test(i.label)) && all;
    }, 'T01 rows');
    const rows = items.filter((i) => /^T01-C\d [○△×] /.test(i.label)).map((i) => i.label);
    equal(rows.length, 2, `T01 rows (${rows.join(' | ')}):`);
    const rule = items.find((i) => i.label.startsWith('Detection by the key'));
    ok(rule && /○ 2, △ 1, × 0 × the item’s weight/.test(rule.description ?? ''), `rule row: ${JSON.stringify(rule)}`);
    ok(/at most 10/.test(rule.tooltip ?? ''), `rule tooltip: ${rule.tooltip}`);
    // T01-C1 ○ by the tag (weight 2): at least 4 / 6 × 10
    const score = items.find((i) => i.label.startsWith('Score '));
    ok(score && Number(score.label.slice(6)) >= 6.66, `score: ${score?.label}`);
    ok(/rubric\.md#T01/.test(score.tooltip ?? ''), `key in the score tooltip: ${score.tooltip}`);
    ok(!items.some((i) => i.label.startsWith('Generic')), 'the rubric states criteria: no generic row');
  });

  test('scenario: lenses on the T01 rows of the rubric, hover on a T02 item shows its bank entry', async () => {
    const { keyDoc } = await openPair(rubric, t1Review);
    const c1 = lineOf(keyDoc, '| T01-C1 ');
    const c2 = lineOf(keyDoc, '| T01-C2 ');
    const found = await until(async () => {
      const l = (await lenses(keyDoc.uri)).filter((x) => /^(detected|partial|missed)/.test(x.command?.title ?? ''));
      return l.length >= 2 && l;
    }, 'verdict lenses on the rubric');
    ok(
      found.some((l) => l.range.start.line === c1 && /tagged/.test(l.command!.title)),
      `T01-C1 lens: ${found.map((l) => `${l.range.start.line}:${l.command?.title}`).join(' | ')}`,
    );
    ok(
      found.some((l) => l.range.start.line === c2),
      'a lens on T01-C2',
    );
    const c1Hover = await hoverAt(keyDoc.uri, c1, 4);
    ok(c1Hover.includes('T01-C1') && c1Hover.includes('asks for a lock or a unique constraint on the cabin'), `T01-C1 hover: ${c1Hover}`);
    ok(c1Hover.includes('weight 2'), `weight in the hover: ${c1Hover}`);
    const ak = lineOf(keyDoc, '**AK-T02-01');
    const akHover = await hoverAt(keyDoc.uri, ak, 5);
    ok(
      akHover.includes('Seat holds lapse') && /Draws on\* \*\*PB-01\*\* Seat holds never lapse/.test(akHover),
      `AK-T02-01 hover: ${akHover}`,
    );
    ok(akHover.includes('asks for a hold timeout that releases the seat'), `the bank entry's criteria: ${akHover}`);
  });

  test('scenario: a tagging quick fix offers T01-C2 on the payment finding', async () => {
    const doc = await vscode.workspace.openTextDocument(t1Review);
    await vscode.window.showTextDocument(doc);
    const heading = lineOf(doc, '#### F2:');
    try {
      const actions = await quickFixes(doc, heading + 1, 3);
      const tag = actions.find((a) => a.title.startsWith('Tag as T01-C2 '));
      ok(tag?.edit, `no "Tag as T01-C2" among: ${actions.map((a) => a.title).join(' | ')}`);
      ok(await vscode.workspace.applyEdit(tag.edit), 'applyEdit failed');
      ok(/^<!-- grade: T01-C2 [○△] -->$/.test(doc.lineAt(heading + 1).text), `line after the heading: ${doc.lineAt(heading + 1).text}`);
    } finally {
      await revert(doc);
    }
  });

  test('pairing: the quick pick lists each scenario; a pairing with #T02 round-trips and grades T02', async () => {
    const service = new GradingService(memento(), nullLogger);
    try {
      const picks = await keyPicks(service, t1Review, `${DIR}/**/*.md`);
      const labels = picks.map((p) => p.label);
      ok(labels.includes('rubric.md#T01') && labels.includes('rubric.md#T02'), `picks: ${labels.join(' | ')}`);
      equal(picks[0].label, 'rubric.md#T01', 'the current scenario first:');
      ok(/current key/.test(picks[0].detail ?? '') && /Booking a crossing/.test(picks[0].detail ?? ''), `detail: ${picks[0].detail}`);
    } finally {
      service.dispose();
    }
    const t2 = rubric.with({ fragment: 'T02' });
    const paired = await vscode.commands.executeCommand<vscode.Uri>('reviewGrader.pairWithKey', t1Review, t2.toString());
    equal(paired?.fragment, 'T02', 'paired fragment:');
    const rows = await until(async () => {
      const all = await coverage(t1Review);
      return all.some((i) => /^AK-T02-01 /.test(i.label)) && all;
    }, 'the review graded against T02 after pairing');
    ok(!rows.some((i) => /^T01-C/.test(i.label)), 'no T01 rows after pairing with T02');
    await vscode.commands.executeCommand('reviewGrader.pairWithKey', t1Review, rubric.with({ fragment: 'T01' }).toString());
  });

  test("Round Dashboard: the scenario folder states the key's rule; the table folder the generic criteria", async () => {
    const scenario = await vscode.commands.executeCommand<{ html: string; warnings: string[] }>(
      'reviewGrader.openDashboard',
      corpusUri(`${DIR}/scenario`),
    );
    ok(scenario, 'no dashboard state');
    ok(/detection by the key(&#39;|')s rule: ○ 2, △ 1, × 0/.test(scenario.html), 'the rule on the scenario dashboard');
    ok(scenario.html.includes('rubric.md#T01') && scenario.html.includes('rubric.md#T02'), 'each round names its scenario');
    const table = await vscode.commands.executeCommand<{ html: string }>('reviewGrader.openDashboard', corpusUri(`${DIR}/table`));
    ok(table?.html.includes('generic ○/△/× definitions apply'), 'the generic note on the table dashboard');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
