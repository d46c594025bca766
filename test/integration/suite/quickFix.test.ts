// Quick fixes on a real review finding: the tag lands right after the heading,
// one undo restores the exact bytes, and repeating an action changes nothing.
import * as vscode from 'vscode';
import { parseReview } from '../../../src/core/review';
import { equal, extension, ok } from './helpers';
import { headingLine, openReview, quickFixes, revert, undoUntil } from './reviewHelpers';

suite('review quick fixes', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('tags C3 as P01 right after its heading, and one undo restores the bytes', async () => {
    const editor = await openReview();
    const doc = editor.document;
    const original = doc.getText();
    const heading = headingLine(doc, 'C3');
    try {
      const actions = await quickFixes(doc, heading + 3, 5); // cursor in the body, not on the heading
      const titles = actions.map((a) => a.title);
      const tagP01 = actions.find((a) => a.title.startsWith('Tag as P01 '));
      ok(tagP01?.edit, `no "Tag as P01" among: ${titles.join(' | ')}`);
      ok(
        titles.some((t) => t.startsWith('Mark bonus')),
        'no Mark bonus action',
      );
      ok(titles.includes('Mark penalty'), 'no Mark penalty action');
      ok(await vscode.workspace.applyEdit(tagP01.edit), 'applyEdit failed');
      equal(doc.lineAt(heading).text, original.split('\n')[heading], 'heading line changed:');
      ok(/^<!-- grade: P01 [○△] -->$/.test(doc.lineAt(heading + 1).text), `line after heading: ${doc.lineAt(heading + 1).text}`);

      // the same action asked for again is not offered (or changes nothing)
      const again = (await quickFixes(doc, heading + 3, 5)).find((a) => a.title === tagP01.title);
      const tagged = doc.getText();
      if (again?.edit) await vscode.workspace.applyEdit(again.edit);
      equal(doc.getText(), tagged, 'second application changed the text:');
      ok(
        (await quickFixes(doc, heading + 3, 5)).some((a) => a.title === 'Remove tag'),
        'tagged finding should offer Remove tag',
      );

      equal(await undoUntil(editor, original, 1), 1, 'undo steps:');
      equal(doc.getText(), original, 'after one undo the text differs from the original:');
    } finally {
      await revert(doc);
    }
  });

  test('mark partial then remove tag restores the bytes; acceptSuggestion is idempotent', async () => {
    const editor = await openReview();
    const doc = editor.document;
    const original = doc.getText();
    const heading = headingLine(doc, 'C3');
    try {
      // "Mark partial" folds into "Tag as Pxx △" when that is the suggestion already
      const offered = await quickFixes(doc, heading);
      const partial = offered.find((a) => a.title.startsWith('Mark partial: ') || /^Tag as P\d+ △/.test(a.title));
      ok(partial?.edit, `no partial action on the heading: ${offered.map((a) => a.title).join(' | ')}`);
      await vscode.workspace.applyEdit(partial.edit);
      ok(/^<!-- grade: P\d+ △ -->$/.test(doc.lineAt(heading + 1).text), `partial tag: ${doc.lineAt(heading + 1).text}`);
      const remove = (await quickFixes(doc, heading)).find((a) => a.title === 'Remove tag');
      ok(remove?.edit, 'no Remove tag action');
      await vscode.workspace.applyEdit(remove.edit);
      equal(doc.getText(), original, 'removing the tag should restore the original bytes:');

      // the command the review lenses call: (uri, findingIndex, problemId, verdict) or (uri, index, entries)
      const findingIndex = findingIndexAt(doc, heading);
      ok(
        await vscode.commands.executeCommand<boolean>('reviewGrader.acceptSuggestion', doc.uri.toString(), findingIndex, 'P01', 'detected'),
        'first accept should edit',
      );
      const once = doc.getText();
      equal(doc.lineAt(heading + 1).text, '<!-- grade: P01 ○ -->');
      equal(
        await vscode.commands.executeCommand<boolean>('reviewGrader.acceptSuggestion', doc.uri, findingIndex, [
          { kind: 'problem', id: 'P01', verdict: 'detected' },
        ]),
        false,
        'second accept:',
      );
      equal(doc.getText(), once, 'accepting twice changed the text:');
    } finally {
      await revert(doc);
    }
  });
});

/** Finding index of the heading at 0-based `line`, from the core parser (bundled into the tests). */
function findingIndexAt(doc: vscode.TextDocument, line: number): number {
  const finding = parseReview(doc.getText(), doc.uri.path).findings.find((f) => f.headingSpan.start.line === line + 1);
  ok(finding, `no finding at line ${line + 1}`);
  return finding.index;
}
