// Colouring (issue 11.8): marks and ids are coloured in the files the
// extension recognises (keys, review runs), and not in other markdown.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok } from './helpers';
import { closeAll, KEY } from './keyHelpers';

const NOTES = 'views-colour/notes.md';

async function tokenTypes(uri: vscode.Uri): Promise<string[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>(
    'vscode.provideDocumentSemanticTokensLegend',
    uri,
  );
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
  const data = tokens?.data ?? new Uint32Array();
  const out: string[] = [];
  for (let i = 3; i < data.length; i += 5) out.push(legend?.tokenTypes[data[i]!] ?? '?');
  return out;
}

suite('colouring only recognised files', function () {
  let written = false;
  suiteSetup(async () => {
    await extension().activate();
    const uri = corpusUri(NOTES);
    if (uri.scheme === 'vscode-test-web') {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# My notes\n\nP01 looked ○ to me, B02 ×.\n'));
      written = true;
    }
  });
  suiteTeardown(async () => {
    await closeAll();
    if (written) await vscode.workspace.fs.delete(corpusUri('views-colour'), { recursive: true });
  });

  test('an answer key gets problem-id and mark tokens', async () => {
    const types = await tokenTypes(corpusUri(KEY));
    ok(types.includes('reviewGraderProblemId') && types.includes('reviewGraderDetected'), `key tokens: ${[...new Set(types)].join(', ')}`);
  });

  test('a markdown file that is neither a key nor a review gets none', async function () {
    if (!written) this.skip();
    equal((await tokenTypes(corpusUri(NOTES))).length, 0, 'tokens in notes.md:');
    equal((await tokenTypes(corpusUri('reliability-design/perspective.md'))).length, 0, 'tokens in perspective.md:');
  });
});
