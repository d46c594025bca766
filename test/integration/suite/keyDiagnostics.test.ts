// Lint diagnostics and quick fixes on a broken copy of a real key.
// Where the broken key lives: on the web the workspace mount keeps writes in
// memory, so the copy is written there under an answer-key name (the
// extension recognizes keys by file name, as for real files). Elsewhere
// (Electron: the mount is the real corpus on disk) an untitled document
// with an answer-key path is used instead, so the corpus is never written.
import * as vscode from 'vscode';
import { corpusUri, equal, ok } from './helpers';
import { closeAll, KEY, until } from './keyHelpers';

const BROKEN = 'reliability-design/answer-key-broken-lint.md';

/** The real key with P02's △ line removed and P09 renumbered to P10. */
function breakKey(text: string): string {
  return text.replace(/\n {2}- △ \(Partial\): Mentions Kafka offset[^\n]*/, '').replace('### P09:', '### P10:');
}

async function openBrokenKey(): Promise<vscode.TextDocument> {
  const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(corpusUri(KEY)));
  const broken = breakKey(original);
  ok(broken !== original && !broken.includes('### P09:'), 'the corpus key changed: adjust breakKey');
  const target = corpusUri(BROKEN);
  if (target.scheme === 'vscode-test-web') {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(broken));
    return vscode.workspace.openTextDocument(target);
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/${BROKEN}` }));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), broken);
  await vscode.workspace.applyEdit(edit);
  return vscode.languages.setTextDocumentLanguage(doc, 'markdown');
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'review-grader');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return all.filter((a) => a.kind?.value === 'quickfix');
}

suite('answer-key diagnostics and quick fixes', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await openBrokenKey();
    await vscode.window.showTextDocument(doc);
  });
  suiteTeardown(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
    if (doc.uri.scheme === 'vscode-test-web') await vscode.workspace.fs.delete(doc.uri);
  });

  test('the broken key gets missing-criterion and id-order diagnostics from the core', async () => {
    const diags = await until(async () => {
      const d = ours(doc.uri);
      return d.some((x) => codeOf(x) === 'id-order') && d;
    }, 'lint diagnostics');
    console.log(`[keyDiagnostics] ${diags.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`);
    const missing = diags.find((d) => codeOf(d) === 'missing-criterion');
    ok(missing, 'no missing-criterion diagnostic');
    ok(
      doc.lineAt(missing.range.start.line).text.startsWith('### P02:'),
      `missing-criterion is not on P02's heading: line ${missing.range.start.line + 1}`,
    );
    equal(missing.severity, vscode.DiagnosticSeverity.Warning, 'severity:');
    const order = diags.find((d) => codeOf(d) === 'id-order')!;
    ok(doc.lineAt(order.range.start.line).text.startsWith('### P10:'), 'id-order is not on the renumbered heading');
  });

  test('the id-order quick fix renumbers P10 back to P09', async () => {
    const order = ours(doc.uri).find((d) => codeOf(d) === 'id-order')!;
    const fix = (await quickFixes(doc.uri, order.range)).find((a) => /Renumber/.test(a.title));
    ok(fix?.edit, 'no renumber quick fix');
    ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
    ok(doc.getText().includes('### P09: SLO Monitoring'), 'P09 heading not restored');
    ok(!doc.getText().includes('### P10:'), 'P10 still there');
    await until(async () => !ours(doc.uri).some((d) => codeOf(d) === 'id-order'), 'id-order diagnostic to clear');
  });

  test("the missing-criterion quick fix inserts the △ line in the key's own style", async () => {
    const missing = ours(doc.uri).find((d) => codeOf(d) === 'missing-criterion')!;
    const fix = (await quickFixes(doc.uri, missing.range)).find((a) => /criteri/i.test(a.title));
    ok(fix?.edit, 'no missing-criterion quick fix');
    ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit failed');
    const text = doc.getText();
    const p02 = text.slice(text.indexOf('### P02:'), text.indexOf('### P03:'));
    const lines = p02.split('\n').filter((l) => /^\s*- [○△×]/.test(l));
    equal(lines.length, 3, `criteria lines of P02 after the fix:\n${p02}\n`);
    ok(/^ {2}- △ \(Partial\): /.test(lines[1]!), `inserted line: "${lines[1]}"`);
    await until(
      async () => ours(doc.uri).length === 0 || !ours(doc.uri).some((d) => codeOf(d) === 'missing-criterion'),
      'missing-criterion to clear',
    );
  });

  test('reviews and other markdown files get no lint diagnostics', async () => {
    for (const path of ['reliability-design/results/v007-baseline-run1.md', 'reliability-design/perspective.md']) {
      const other = await vscode.workspace.openTextDocument(corpusUri(path));
      await vscode.window.showTextDocument(other);
      await new Promise((r) => setTimeout(r, 300));
      equal(ours(other.uri).length, 0, `${path} diagnostics:`);
    }
  });
});
