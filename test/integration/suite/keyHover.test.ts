// Hover on the real corpus: a problem heading and a problem id in the key show
// the ○/△/× criteria and the active review's verdict; a P-id inside a grading
// tag of a review shows the same.
import * as vscode from 'vscode';
import { ok } from './helpers';
import { closeAll, hoverText, linesMatching, openKeyAndReview, until } from './keyHelpers';

async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hoverText(hovers);
}

suite('answer-key hover', () => {
  suiteTeardown(closeAll);

  test("a P-item heading shows its criteria and the active review's verdict", async () => {
    const { keyDoc } = await openKeyAndReview();
    const line = linesMatching(keyDoc, /^###\s+P01:/)[0];
    ok(line !== undefined, 'no P01 heading');
    const text = await until(async () => {
      const t = await hoverAt(keyDoc.uri, new vscode.Position(line, 6));
      return /\b(detected|partial|missed)\*\*/.test(t) && t;
    }, 'a hover with the verdict');
    console.log(`[hover] ${text.replace(/\n+/g, ' ⏎ ').slice(0, 400)}`);
    for (const mark of ['○', '△', '×']) ok(text.includes(mark), `hover lacks ${mark}`);
    ok(/circuit breaker/i.test(text), 'hover lacks the criterion text');
    ok(/\((auto \d\.\d\d|tagged|judge)\)/.test(text), 'hover lacks the verdict source');
    ok(text.includes('v007-baseline-run1.md'), 'hover does not name the review');
  });

  test('another problem id hovers its own criteria; description prose does not hover', async () => {
    const { keyDoc } = await openKeyAndReview();
    const line = linesMatching(keyDoc, /^###\s+P03:/)[0]!;
    const col = keyDoc.lineAt(line).text.indexOf('P03') + 1;
    const text = await hoverAt(keyDoc.uri, new vscode.Position(line, col));
    ok(/Redis Pub\/Sub/.test(text), `P03 hover: ${text.slice(0, 200)}`);
    const prose = linesMatching(keyDoc, /^- \*\*Description\*\*/)[0]!;
    const none = await hoverAt(keyDoc.uri, new vscode.Position(prose, 20));
    ok(!none.includes('○'), 'a description word should not hover as a problem');
  });

  test('a P-id inside a grading tag of a review shows that problem', async () => {
    const { reviewDoc } = await openKeyAndReview();
    const end = reviewDoc.lineAt(reviewDoc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(reviewDoc.uri, end, '\n\n<!-- grade: P03 △ -->\n');
    ok(await vscode.workspace.applyEdit(edit), 'could not insert a tag');
    try {
      const line = linesMatching(reviewDoc, /<!-- grade: P03/)[0]!;
      const col = reviewDoc.lineAt(line).text.indexOf('P03') + 1;
      const text = await until(async () => {
        const t = await hoverAt(reviewDoc.uri, new vscode.Position(line, col));
        return t.includes('△') && t;
      }, 'hover in the tag');
      ok(/Redis Pub\/Sub/.test(text), `tag hover: ${text.slice(0, 200)}`);
      ok(/\(tagged\)/.test(text), `a tagged problem says so: ${text.slice(0, 300)}`);
      const outside = await hoverAt(reviewDoc.uri, new vscode.Position(0, 2));
      ok(!outside.includes('△'), 'hover outside any tag');
    } finally {
      await vscode.window.showTextDocument(reviewDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
