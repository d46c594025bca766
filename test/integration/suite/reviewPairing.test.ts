// Pairing a review with its key: by a link comment in the file, by the pair
// command (explicit pairing wins), and through the command's quick pick of
// the workspace's keys. Also the answer-key snippet.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok, waitFor } from './helpers';

interface Item {
  label: string;
  children?: Item[];
}

const REVIEW_TEXT = [
  '<!-- answer-key: ../answer-key-round-007.md -->',
  '# Review written for the pairing test',
  '',
  '#### C1: No circuit breaker for the external weather API',
  'Calls to the external API have no circuit breaker, timeout or fallback, so a slow provider cascades.',
  '',
].join('\n');

async function problemRows(uri: vscode.Uri): Promise<string[]> {
  const items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', uri);
  return (items ?? []).map((i) => i.label).filter((l) => /^P\d\d [○△×] /.test(l));
}

suite('pairing and snippets', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('a link comment pairs a review that has no conventional name; the pair command overrides it', async () => {
    // The mount keeps writes in memory: the corpus on disk is untouched.
    const uri = corpusUri('reliability-design/scratch/linked-review.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(REVIEW_TEXT));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const linked = await problemRows(uri);
    equal(linked.length, 9, 'problems of the linked round-7 key:');
    ok(linked[0].endsWith('External API Circuit Breaker Absence'), `P01 row: ${linked[0]}`);

    const key6 = corpusUri('reliability-design/answer-key-round-006.md');
    const paired = await vscode.commands.executeCommand<vscode.Uri>('reviewGrader.pairWithKey', uri, key6);
    equal(paired?.toString(), key6.toString(), 'paired key:');
    const rows = await problemRows(uri);
    ok(rows.length > 0 && rows[0] !== linked[0], `explicit pairing should grade against round 6, got ${rows[0]}`);
  });

  test('the pair command offers the workspace keys in a quick pick (untitled review)', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Untitled review\n\n#### C1: Missing retries\nNo retry.\n',
    });
    await vscode.window.showTextDocument(doc);
    const pending = vscode.commands.executeCommand<vscode.Uri | undefined>('reviewGrader.pairWithKey');
    // findFiles runs now; once the quick pick shows, accept its first (sorted) entry
    let picked: vscode.Uri | undefined;
    const done = pending.then((u) => {
      picked = u;
    });
    for (let i = 0; i < 40 && !picked; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
    ok(picked, 'the quick pick did not resolve to a key');
    ok(/\/answer-key[^/]*\.md$/.test(picked.path), `picked ${picked.path}`);
    const rows = await problemRows(doc.uri);
    ok(rows.length > 0, 'the paired untitled review should be graded');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the rg-problem snippet inserts a problem skeleton with its three criteria', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Problem item (P-item)' });
    await waitFor(() => doc.getText().length > 0, 'snippet insertion');
    const text = doc.getText();
    ok(text.startsWith('### P01: Problem title\n- **Category**: Category\n'), `snippet text: ${text.slice(0, 80)}`);
    for (const mark of ['○ (Detected):', '△ (Partial):', '× (Not Detected):']) ok(text.includes(mark), `snippet lacks ${mark}`);
    ok(editor.selection.isEmpty === false && doc.getText(editor.selection) === '01', 'the first tab stop should select the id number');
    await vscode.commands.executeCommand('leaveSnippet');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
