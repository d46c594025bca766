// Accept All writes every ○ suggestion in one edit (one undo restores the
// bytes); completion inside a grading tag offers the key's ids and marks.
import * as vscode from 'vscode';
import { equal, extension, ok } from './helpers';
import { headingLine, openReview, revert, undoUntil } from './reviewHelpers';

suite('review tags: accept all, completion', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  const setDetected = (value: number | undefined) =>
    vscode.workspace.getConfiguration('reviewGrader').update('thresholds.detected', value, vscode.ConfigurationTarget.Global);

  test('acceptAll tags findings in one edit, and a single undo restores the bytes', async () => {
    const editor = await openReview();
    const doc = editor.document;
    const original = doc.getText();
    // the core's benchmarked threshold (0.4): at the manifest default 0.6 this run has no ○ suggestion
    await setDetected(0.4);
    try {
      const count = await vscode.commands.executeCommand<number>('reviewGrader.acceptAll', doc.uri, { disputed: 'skip' });
      ok(typeof count === 'number' && count > 0, `acceptAll tagged ${String(count)} findings`);
      const tags = doc.getText().match(/^<!-- grade: .* -->$/gm) ?? [];
      equal(tags.length, count, 'tag lines written:');
      ok(
        tags.every((t) => /^<!-- grade: P\d+ ○(, P\d+ ○)* -->$/.test(t)),
        `unexpected tags: ${tags.join(' ')}`,
      );
      // every tag sits right under a finding heading
      const lines = doc.getText().split('\n');
      lines.forEach((l, i) => {
        if (l.startsWith('<!-- grade:')) ok(/^#{2,6} /.test(lines[i - 1]), `tag at line ${i + 1} is not after a heading`);
      });
      // running it again changes nothing: every suggestion is accepted already
      const after = doc.getText();
      equal(await vscode.commands.executeCommand<number>('reviewGrader.acceptAll', doc.uri, { disputed: 'skip' }), 0, 'second acceptAll:');
      equal(doc.getText(), after, 'second acceptAll changed the text:');
      equal(await undoUntil(editor, original, 1), 1, 'undo steps:');
      equal(doc.getText(), original, 'one undo should restore the original bytes:');
    } finally {
      await setDetected(undefined);
      await revert(doc);
    }
  });

  test('completion inside a grade tag offers problem ids with titles, bonus ids and marks', async () => {
    const editor = await openReview();
    const doc = editor.document;
    const heading = headingLine(doc, 'C3');
    try {
      await editor.edit((b) => b.insert(new vscode.Position(heading + 1, 0), '<!-- grade: P -->\n'));
      const pos = new vscode.Position(heading + 1, '<!-- grade: P'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      const p01 = list.items.find((i) => i.label === 'P01');
      ok(p01, `no P01 among ${labels.slice(0, 20).join(' ')}`);
      equal(p01.detail, 'External API Circuit Breaker Absence', 'P01 detail:');
      for (const expected of ['P07', '○', '△', '×', 'bonus', 'penalty']) ok(labels.includes(expected), `completion lacks ${expected}`);
      ok(
        labels.some((l) => /^B\d+$/.test(l)),
        'completion lacks bonus row ids',
      );

      // outside a tag: none of ours
      const outside = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        new vscode.Position(heading + 3, 2),
      );
      ok(!outside.items.some((i) => i.label === 'P01' && i.detail === 'External API Circuit Breaker Absence'), 'P01 offered outside a tag');
    } finally {
      await revert(doc);
    }
  });
});
