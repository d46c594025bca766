// Judge evidence (issue 7.4): a judge verdict whose report cites no finding is
// shown as "judge: no finding cited" in the lens, hover and Coverage view, and
// the matcher's findings are offered as candidates, never as the judge's evidence.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok, type CoverageItem } from './helpers';
import { closeAll, hoverText, lenses, linesMatching, openKeyAndReview, until } from './keyHelpers';
import { KEY, removeFixture, RUN1, writeFixture } from './viewsFixture';

type Item = CoverageItem;

suite('judge evidence in the views', function () {
  let enabled = false;
  suiteSetup(async function () {
    await extension().activate();
    enabled = await writeFixture();
    if (!enabled) this.skip();
  });
  suiteTeardown(async () => {
    await closeAll();
    if (enabled) await removeFixture();
  });

  test('the key lens of an uncited judge verdict says so, and its click offers the candidates', async () => {
    const { keyDoc, reviewDoc } = await openKeyAndReview(KEY, RUN1);
    const p01 = linesMatching(keyDoc, /^### P01:/)[0]!;
    const lens = await until(
      async () => (await lenses(keyDoc.uri)).find((l) => l.range.start.line === p01 && /judge/.test(l.command?.title ?? '')),
      'P01 lens',
    );
    console.log(`[judgeLens] ${lens.command!.title}`);
    equal(lens.command!.title, 'detected (judge) · judge: no finding cited', 'P01 lens:');
    equal(lens.command!.command, 'reviewGrader.showCandidates', 'P01 lens command:');
    const items = lens.command!.arguments![2] as { label: string; line: number }[];
    ok(items.length > 0 && items[0]!.label.startsWith('C1: Payment gateway'), `candidates: ${JSON.stringify(items)}`);
    ok(/candidates/.test(String(lens.command!.arguments![1])), `pick title: ${lens.command!.arguments![1]}`);
    const line = await vscode.commands.executeCommand<number>(lens.command!.command, ...lens.command!.arguments!, 0);
    const editor = await until(
      async () => vscode.window.activeTextEditor?.document.uri.toString() === reviewDoc.uri.toString() && vscode.window.activeTextEditor,
      'the review in front',
    );
    equal(editor.selection.start.line, line - 1, 'revealed line:');
    ok(editor.document.lineAt(line - 1).text.startsWith('#### C1:'), `revealed: ${editor.document.lineAt(line - 1).text}`);
  });

  test('the hover says "judge: no finding cited" and lists candidates as candidates', async () => {
    const { keyDoc } = await openKeyAndReview(KEY, RUN1);
    await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
    const p01 = linesMatching(keyDoc, /^### P01:/)[0]!;
    const text = await until(async () => {
      const t = hoverText(
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', keyDoc.uri, new vscode.Position(p01, 6))) ??
          [],
      );
      return /\(judge\)/.test(t) && t;
    }, 'P01 hover');
    ok(text.includes('judge: no finding cited'), `hover: ${text}`);
    ok(/Candidates \(the matcher's, not the verdict's evidence\): C1: Payment gateway/.test(text), `hover candidates: ${text}`);
  });

  test("the Coverage view puts the note first and the matcher's findings under it as candidates", async () => {
    const items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', corpusUri(RUN1));
    const p01 = items.find((i) => i.label.startsWith('P01 '));
    ok(p01?.children?.length, `P01 row: ${JSON.stringify(p01)}`);
    equal(p01.children[0]!.label, 'judge: no finding cited', 'first child:');
    const rest = p01.children.slice(1);
    ok(rest.length > 0 && rest.every((c) => c.description?.startsWith('candidate')), `candidates: ${JSON.stringify(rest)}`);
    ok(/judge: no finding cited/.test(p01.tooltip ?? ''), `tooltip: ${p01.tooltip}`);
  });
});
