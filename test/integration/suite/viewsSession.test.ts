// A grading session that flows (issue 11.1–6): the key says which run its
// lenses show and switches runs from there (the placeholder is that picker);
// the Coverage view follows the run the key shows; a disputed "missed" lens
// leads to its candidates; a finding heading hovers what it counts for; a
// label that is only a number gets the finding's title; labels stay short.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok, type CoverageItem } from './helpers';
import { closeAll, hoverText, lenses, linesMatching, until } from './keyHelpers';
import { fixturePaths, removeFixture, writeFixture } from './viewsFixture';

// a folder of its own: no run of this key has been shown before this suite
const { folder: FOLDER, key: KEY, run1: RUN1, run2: RUN2 } = fixturePaths('views-session');

type Item = CoverageItem;

const topLens = async (uri: vscode.Uri, re: RegExp) =>
  until(async () => (await lenses(uri)).find((l) => l.range.start.line === 0 && re.test(l.command?.title ?? '')), `top lens ${re}`);

suite('grading session', function () {
  let enabled = false;
  suiteSetup(async function () {
    await extension().activate();
    enabled = await writeFixture(FOLDER);
    if (!enabled) this.skip();
  });
  suiteTeardown(async () => {
    await closeAll();
    if (enabled) await removeFixture(FOLDER);
  });

  test("a key with no run shown offers the round's runs from its placeholder lens", async () => {
    await closeAll();
    const keyDoc = await vscode.workspace.openTextDocument(corpusUri(KEY));
    await vscode.window.showTextDocument(keyDoc);
    const lens = await topLens(keyDoc.uri, /pick a review run/);
    equal(lens.command!.command, 'reviewGrader.pickRun', 'placeholder command:');
    // the picker lists the round's runs; accept the first
    const pending = vscode.commands.executeCommand<vscode.Uri | undefined>(lens.command!.command, ...(lens.command!.arguments ?? []));
    let picked: vscode.Uri | undefined;
    void pending.then((u) => {
      picked = u;
    });
    for (let i = 0; i < 40 && !picked; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    ok(picked, 'the run picker did not resolve');
    ok(/\/v001-baseline-run[12]\.md$/.test(picked.path), `picked ${picked.path}`);
    const name = picked.path.split('/').pop()!;
    await topLens(keyDoc.uri, new RegExp(`^Grading ${name.replace(/\./g, '\\.')} — switch run…$`));
  });

  test('switching the run from the key moves the lenses, and the Coverage view follows with the key in front', async () => {
    await closeAll();
    const run1 = await vscode.workspace.openTextDocument(corpusUri(RUN1));
    await vscode.window.showTextDocument(run1, vscode.ViewColumn.Two);
    const keyDoc = await vscode.workspace.openTextDocument(corpusUri(KEY));
    await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One); // the key in front
    await vscode.commands.executeCommand('reviewGrader.pickRun', keyDoc.uri, corpusUri(RUN1));
    const top = await topLens(keyDoc.uri, /^Grading v001-baseline-run1\.md — switch run…$/);
    equal(top.command!.command, 'reviewGrader.pickRun', 'top lens command:');
    let items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems');
    ok(items.length > 0, 'the Coverage view is empty with the key in front');
    ok(/v001-baseline-run1\.md/.test(items[0]!.tooltip ?? ''), `score row of run 1: ${items[0]!.tooltip}`);

    const shown = await vscode.commands.executeCommand<vscode.Uri>('reviewGrader.pickRun', keyDoc.uri, corpusUri(RUN2));
    equal(shown?.toString(), corpusUri(RUN2).toString(), 'pickRun result:');
    await topLens(keyDoc.uri, /^Grading v001-baseline-run2\.md — switch run…$/);
    const p02 = linesMatching(keyDoc, /^### P02:/)[0]!;
    // the judge grades P02 × in run 1 and ○ in run 2
    await until(
      async () =>
        (await lenses(keyDoc.uri)).some((l) => l.range.start.line === p02 && /^detected .*\(judge\)/.test(l.command?.title ?? '')),
      'P02 lens of run 2',
    );
    items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems');
    ok(/v001-baseline-run2\.md/.test(items[0]!.tooltip ?? ''), `score row follows to run 2: ${items[0]!.tooltip}`);
  });

  test('a disputed "missed" lens leads to the matcher\'s candidates', async () => {
    const keyDoc = await vscode.workspace.openTextDocument(corpusUri(KEY));
    await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('reviewGrader.pickRun', keyDoc.uri, corpusUri(RUN1));
    const p02 = linesMatching(keyDoc, /^### P02:/)[0]!;
    const lens = await until(
      async () => (await lenses(keyDoc.uri)).find((l) => l.range.start.line === p02 && /^missed/.test(l.command?.title ?? '')),
      'P02 missed lens',
    );
    equal(lens.command!.title, 'missed (judge) ≠ auto detected', 'P02 lens:');
    equal(lens.command!.command, 'reviewGrader.showCandidates', 'a disputed miss must be clickable:');
    const line = await vscode.commands.executeCommand<number>(lens.command!.command, ...lens.command!.arguments!, 0);
    const editor = await until(
      async () => vscode.window.activeTextEditor?.document.uri.toString() === corpusUri(RUN1).toString() && vscode.window.activeTextEditor,
      'run 1 in front',
    );
    ok(editor.document.lineAt(line - 1).text.startsWith('#### 2. Ledger'), `revealed: ${editor.document.lineAt(line - 1).text}`);
  });

  test('a finding heading hovers the problems it counts for; a numeric label carries its title', async () => {
    const run1 = await vscode.workspace.openTextDocument(corpusUri(RUN1));
    await vscode.window.showTextDocument(run1);
    const hoverAt = async (line: number) =>
      hoverText(
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', run1.uri, new vscode.Position(line, 6))) ?? [],
      );
    const ledger = linesMatching(run1, /^#### 2\. Ledger/)[0]!;
    const text = await until(async () => {
      const t = await hoverAt(ledger);
      return /P02/.test(t) && t;
    }, 'finding hover');
    ok(/^\*\*2: Ledger database has one replica\*\*/.test(text), `hover head: ${text}`);
    ok(/Candidate for:\s*- P02 Ledger Database Single Replica \(match [\d.]+; verdict × \(judge\)\)/.test(text), `hover: ${text}`);
    const c3 = await hoverAt(linesMatching(run1, /^#### C3:/)[0]!);
    ok(/bonus B01 \(auto\): counts/.test(c3), `C3 hover: ${c3}`);
    const items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', run1.uri);
    const p02 = items.find((i) => i.label.startsWith('P02 '))!;
    ok(
      p02.children?.some((c) => c.label === '2: Ledger database has one replica'),
      `P02 children: ${JSON.stringify(p02.children)}`,
    );
  });

  test('Coverage labels stay short; details go to description and tooltip', async () => {
    const items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', corpusUri(RUN1));
    for (const i of items) ok(i.label.length <= 48, `label too long for the sidebar: "${i.label}"`);
    const score = items[0]!;
    ok(
      /^Score [\d.]+$/.test(score.label) && /^[\d.]+ \+ [\d.]+ − [\d.]+$/.test(score.description ?? ''),
      `score row: ${JSON.stringify(score)}`,
    );
    ok(/detection .* bonus .* penalty/.test(score.tooltip ?? ''), `score tooltip: ${score.tooltip}`);
    const bonus = items.find((i) => i.label.startsWith('Bonus '))!;
    ok(/^Bonus \+[\d.]+ · Penalty −[\d.]+$/.test(bonus.label), `bonus row: ${bonus.label}`);
    ok(/^\d+\/\d+ counted · /.test(bonus.description ?? ''), `bonus description: ${bonus.description}`);
    ok(
      bonus.children?.some((c) => /^B01 C3: /.test(c.label) && /^counts · auto$/.test(c.description ?? '')),
      `bonus rows: ${JSON.stringify(bonus.children)}`,
    );
  });
});
