// The extension must stay dormant until a markdown file opens, then activate.
import * as vscode from 'vscode';
import { equal, extension, ok, openCorpusFile, waitFor } from './helpers';

suite('activation', () => {
  test('activates when a markdown file from the corpus is opened', async () => {
    const ext = extension();
    // Only meaningful if no earlier test opened markdown already.
    const markdownOpen = vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown');
    if (!markdownOpen) equal(ext.isActive, false, 'active before any markdown file was opened:');

    const editor = await openCorpusFile('security-design/answer-key-round-006.md');
    equal(editor.document.languageId, 'markdown', 'language of the opened key:');
    ok(editor.document.getText().includes('### P01:'), 'the real answer key should contain a P01 heading');

    await waitFor(() => ext.isActive, 'extension activation');
  });

  test('opens an English answer key from the corpus too', async () => {
    const editor = await openCorpusFile('reliability-design/answer-key-round-003.md');
    ok(editor.document.lineAt(0).text.startsWith('# Answer Key'), 'unexpected first line of the English key');
  });
});
