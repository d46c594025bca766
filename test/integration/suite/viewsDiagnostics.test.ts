// Review diagnostics in the editor (issue 8.4): what `review-grader grade`
// prints on stderr — a malformed tag, a tag naming an id the key lacks, a
// review with no findings — appears in the Problems view through the same
// collection as key lint, and clears when fixed.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok } from './helpers';
import { closeAll, until } from './keyHelpers';
import { FOLDER, removeFixture, writeFixture } from './viewsFixture';

const TAGGED = `${FOLDER}/results/v001-tagged-run1.md`;
const EMPTY = `${FOLDER}/results/v001-empty-run1.md`;
const TAGGED_TEXT = [
  '# Review with broken tags',
  '',
  '#### C1: Payment gateway retries without backoff',
  '<!-- grade: P09 ○ -->',
  'Retries have no backoff and no jitter, a retry storm follows.',
  '',
  '#### C2: Ledger database has one replica',
  '<!-- grade: P02 maybe -->',
  'Single replica, no failover.',
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'review-grader');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

suite('review diagnostics', function () {
  let enabled = false;
  suiteSetup(async function () {
    await extension().activate();
    enabled = await writeFixture();
    if (!enabled) return this.skip(); // needs the in-memory web mount
    const put = (p: string, t: string) => vscode.workspace.fs.writeFile(corpusUri(p), new TextEncoder().encode(t));
    await put(TAGGED, TAGGED_TEXT);
    await put(EMPTY, '# Notes\n\nNothing here.\n'); // no heading, label or point long enough to be a finding
  });
  suiteTeardown(async () => {
    await closeAll();
    if (enabled) await removeFixture();
  });

  test('a malformed tag and an unknown problem id are diagnostics at their lines; fixing the tag clears them', async () => {
    const doc = await vscode.workspace.openTextDocument(corpusUri(TAGGED));
    await vscode.window.showTextDocument(doc);
    const diags = await until(async () => {
      const d = ours(doc.uri);
      return d.some((x) => codeOf(x) === 'unknown-tag-id') && d.some((x) => codeOf(x) === 'malformed-tag') && d;
    }, 'review diagnostics');
    console.log(`[reviewDiagnostics] ${diags.map((d) => `${d.range.start.line + 1}:${codeOf(d)} ${d.message}`).join(' | ')}`);
    const unknown = diags.find((d) => codeOf(d) === 'unknown-tag-id')!;
    equal(unknown.range.start.line, 3, 'unknown-tag-id line (0-based):');
    ok(/P09/.test(unknown.message) && /P01.P03/.test(unknown.message), `message: ${unknown.message}`);
    equal(unknown.severity, vscode.DiagnosticSeverity.Warning, 'unknown id severity:');
    const malformed = diags.find((d) => codeOf(d) === 'malformed-tag')!;
    equal(malformed.range.start.line, 7, 'malformed-tag line (0-based):');
    equal(malformed.severity, vscode.DiagnosticSeverity.Error, 'malformed severity:');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(7).range, '<!-- grade: P02 △ -->');
      edit.replace(doc.uri, doc.lineAt(3).range, '<!-- grade: P01 ○ -->');
      ok(await vscode.workspace.applyEdit(edit), 'applyEdit failed');
      await until(async () => ours(doc.uri).length === 0, 'diagnostics to clear after the fix');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a run with no findings says so once, at its first line', async () => {
    const doc = await vscode.workspace.openTextDocument(corpusUri(EMPTY));
    await vscode.window.showTextDocument(doc);
    const diags = await until(async () => {
      const d = ours(doc.uri);
      return d.length > 0 && d;
    }, 'no-findings diagnostic');
    equal(diags.length, 1, 'diagnostics of an empty run:');
    equal(codeOf(diags[0]!), 'no-findings', 'code:');
    equal(diags[0]!.range.start.line, 0, 'line:');
  });

  test('a clean review has none', async () => {
    const doc = await vscode.workspace.openTextDocument(corpusUri(`${FOLDER}/results/v001-baseline-run1.md`));
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 500));
    equal(ours(doc.uri).length, 0, 'diagnostics of a clean run:');
  });
});
