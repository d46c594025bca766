// The score in the status bar: shown for a review (and for its key while it is
// the active review), hidden for other files. The API cannot read status bar
// items, so the text is read through the internal reviewGrader._stats.
import * as vscode from 'vscode';
import { corpusUri, equal, ok } from './helpers';
import { closeAll, openKeyAndReview, until } from './keyHelpers';

const FORMULA = /^\$\(checklist\) (-?[\d.]+) = ([\d.]+) \+ ([\d.]+) − ([\d.]+)$/;

const statusText = async () => (await vscode.commands.executeCommand<{ statusBar?: string }>('reviewGrader._stats'))?.statusBar;

suite('score status bar', () => {
  suiteTeardown(closeAll);

  test('a review shows "total = detection + bonus − penalty", and the sum adds up', async () => {
    await openKeyAndReview();
    const text = await until(async () => {
      const t = await statusText();
      return t && FORMULA.test(t) && t;
    }, 'the score in the status bar');
    console.log(`[statusBar] ${text}`);
    const [, total, detection, bonus, penalty] = FORMULA.exec(text)!.map(Number);
    ok(Math.abs(total! - (detection! + bonus! - penalty!)) < 1e-9, `the formula does not add up: ${text}`);
  });

  test("the key shows its active review's score; another markdown file hides it", async () => {
    const { keyDoc } = await openKeyAndReview();
    const forReview = await until(statusText, 'review score');
    await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
    await until(async () => (await statusText()) === forReview, 'the same score with the key in front');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(corpusUri('reliability-design/perspective.md')));
    await until(async () => (await statusText()) === undefined, 'the item to hide');
    equal(await statusText(), undefined, 'status on perspective.md:');
  });
});
