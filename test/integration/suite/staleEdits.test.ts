// An edit lands where it was meant (issue 7, items 6, 9, 10), in the real
// workbench: a lens clicked after the review changed tags the finding it was
// shown on (or is refused), a quick fix resolved after an edit lands under its
// heading, a review that changed on disk is graded afresh after reopening, a
// judge report rewritten on disk is re-read, and Accept All leaves alone what
// the judge disputes. Files of our own are written into the mount, which keeps
// them in memory (the corpus on disk is untouched).
import { configOf } from '../../../src/extension/config';
import * as vscode from 'vscode';
import type { GradedReview } from '../../../src/core/model';
import { parseReview } from '../../../src/core/review';
import { acceptAllPlan, isFindingRef, type FindingRef } from '../../../src/core/tags';
import { GradingService } from '../../../src/extension/gradingService';
import { TagQuickFixProvider, type TagAction } from '../../../src/extension/quickFix';
import { nullLogger } from '../../../src/extension/service';
import { corpusUri, encode, equal, extension, memento, ok, waitFor } from './helpers';
import { lenses, until } from './keyHelpers';
import { headingLine, openReview, revert } from './reviewHelpers';

const DIR = 'zz-editor-stale';
const KEY_TEXT = [
  '# Answer Key - Round 001',
  '',
  '- **Embedded Problems**: 2',
  '',
  '### P01: Cache stampede on cold start',
  '- **Category**: Cache Design',
  '- **Severity**: Critical',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Names the stampede on a cold key AND proposes request coalescing or locking',
  '  - △ (Partial): Mentions load on the origin without the stampede mechanism',
  '  - × (Not Detected): No mention of cold-start load',
  '',
  '### P02: No TTL for session entries',
  '- **Category**: Cache Design',
  '- **Severity**: Medium',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Points out the missing TTL for session entries',
  '  - △ (Partial): Mentions memory growth only',
  '  - × (Not Detected): Nothing on expiry',
  '',
].join('\n');
const REVIEW_V1 = [
  '# Review',
  '',
  '#### C1: Cache stampede on a cold key',
  'On cold start every node refills the same cold key at once: a stampede floods the origin. Use request coalescing or a lock.',
  '',
  '#### C2: Session entries have no TTL',
  'Session entries never expire from the cache: add a TTL for session entries.',
  '',
].join('\n');
const judgeReport = (p01: string) =>
  [
    '# Scoring Report: v001-baseline',
    '',
    '## Detection Matrix',
    '',
    '| Problem ID | Run1 | Run2 | Notes |',
    '|------------|------|------|-------|',
    `| P01: Cache stampede | ${p01} | ○ | |`,
    '| P02: No TTL | ○ | ○ | |',
    '',
  ].join('\n');

/** A document object as VS Code hands out after a close and reopen: same uri, version 1, new text. */
function reopenedDocument(uri: vscode.Uri, text: string): vscode.TextDocument {
  const lines = text.split('\n');
  return {
    uri,
    version: 1,
    languageId: 'markdown',
    lineCount: lines.length,
    getText: (r?: vscode.Range) => (r ? lines.slice(r.start.line, r.end.line).join('\n') : text),
  } as unknown as vscode.TextDocument;
}

/** The acceptSuggestion lenses of a review: [finding ref, entries]. */
async function suggestionLenses(uri: vscode.Uri): Promise<{ ref: FindingRef; entries: unknown; lens: vscode.CodeLens }[]> {
  const all = await until(async () => {
    const l = await lenses(uri);
    return l.some((x) => x.command?.command === 'reviewGrader.acceptSuggestion') && l;
  }, 'suggestion lenses');
  return all.flatMap((lens) => {
    const [ref, entries] = lens.command?.arguments ?? [];
    return lens.command?.command === 'reviewGrader.acceptSuggestion' && isFindingRef(ref) ? [{ ref, entries, lens }] : [];
  });
}

suite('stale edits: lenses, quick fixes and the cache after a change', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('a lens clicked after a finding was inserted above tags its own finding, never the one now at its index', async () => {
    const editor = await openReview();
    const doc = editor.document;
    try {
      const found = (await suggestionLenses(doc.uri)).find((s) => s.ref.index >= 1 && Array.isArray(s.entries));
      ok(found, 'no suggestion lens with an entries argument past the first finding');
      ok(found.lens.range.start.line === found.ref.line - 1, 'the lens sits on its heading line');
      const review = parseReview(doc.getText(), doc.uri.path);
      const target = review.findings[found.ref.index];
      const before = review.findings[found.ref.index - 1];
      // a human tags the finding above, then a new finding is inserted above it: every index shifts
      const humanLine = before.headingSpan.start.line; // 0-based line after the heading
      await editor.edit((b) => b.insert(new vscode.Position(humanLine, 0), '<!-- grade: P09 ○ -->\n'));
      await editor.edit((b) =>
        b.insert(new vscode.Position(before.headingSpan.start.line - 1, 0), '#### C0: A finding inserted above\nInserted body.\n\n'),
      );
      const now = parseReview(doc.getText(), doc.uri.path);
      equal(now.findings[found.ref.index].heading, before.heading, 'the old index now points at the finding above:');

      const changed = await vscode.commands.executeCommand<boolean>(found.lens.command!.command, ...found.lens.command!.arguments!);
      ok(changed, 'the stale lens should re-resolve its finding by heading and write');
      const text = doc.getText();
      ok(text.includes(`${before.heading}\n<!-- grade: P09 ○ -->\n`), `the human tag of "${before.heading}" changed`);
      const targetAt = text.split('\n').findIndex((l) => l.replace(/^#+\s*/, '') === target.heading);
      ok(/^<!-- grade: .+ -->$/.test(doc.lineAt(targetAt + 1).text), `no tag under "${target.heading}": ${doc.lineAt(targetAt + 1).text}`);
      equal(text.match(/<!-- grade:/g)?.length, 2, 'tags in the review:');
    } finally {
      await revert(doc);
    }
  });

  test('a stale lens whose heading is no longer unique is refused and writes nothing', async () => {
    const editor = await openReview();
    const doc = editor.document;
    try {
      const found = (await suggestionLenses(doc.uri)).find((s) => Array.isArray(s.entries));
      ok(found, 'no suggestion lens');
      const heading = doc.lineAt(found.ref.line - 1).text;
      await editor.edit((b) =>
        b.insert(new vscode.Position(found.ref.line - 1, 0), `${heading}\nA second finding with the same heading.\n\n`),
      );
      const text = doc.getText();
      const changed = await vscode.commands.executeCommand<boolean>(found.lens.command!.command, ...found.lens.command!.arguments!);
      equal(changed, false, 'an ambiguous stale lens:');
      equal(doc.getText(), text, 'the refused lens changed the text:');
    } finally {
      await revert(doc);
    }
  });

  test('a quick fix resolved after lines were inserted above lands under its heading, or is refused', async () => {
    const service = new GradingService(memento(), nullLogger);
    const provider = new TagQuickFixProvider({ grading: service, log: nullLogger, config: () => configOf(vscode.workspace) });
    const editor = await openReview();
    const doc = editor.document;
    try {
      const heading = headingLine(doc, 'C3');
      const pos = new vscode.Position(heading, 0);
      const actions = await provider.provideCodeActions(doc, new vscode.Range(pos, pos));
      const tag = actions.find((a) => a.title.startsWith('Tag as P01 '));
      ok(tag, `no "Tag as P01" among ${actions.map((a) => a.title).join(' | ')}`);
      ok(!tag.edit, 'the edit is built at resolve time, not with the light bulb');
      await editor.edit((b) => b.insert(new vscode.Position(heading, 0), '#### C2b: Inserted finding\nInserted body.\n'));
      const resolved: TagAction = provider.resolveCodeAction(tag);
      ok(resolved.edit, 'the moved finding should be found by its heading');
      ok(await vscode.workspace.applyEdit(resolved.edit), 'applyEdit failed');
      const c3 = headingLine(doc, 'C3');
      equal(c3, heading + 2, 'C3 moved by the two inserted lines:');
      ok(/^<!-- grade: P01 [○△] -->$/.test(doc.lineAt(c3 + 1).text), `line after C3: ${doc.lineAt(c3 + 1).text}`);
      ok(!doc.lineAt(heading + 1).text.startsWith('<!--'), 'the tag landed under the inserted finding');

      // the heading renamed: nothing to find, nothing written
      const again = (await provider.provideCodeActions(doc, new vscode.Range(new vscode.Position(c3, 0), new vscode.Position(c3, 0)))).find(
        (a) => a.title === 'Mark penalty',
      );
      ok(again, 'no Mark penalty action');
      await editor.edit((b) => b.insert(new vscode.Position(c3, doc.lineAt(c3).text.length), ' (renamed)'));
      equal(provider.resolveCodeAction(again).edit, undefined, 'a fix for a heading that is gone:');
    } finally {
      await revert(doc);
      service.dispose();
    }
  });

  test('a review reopened after it changed on disk is graded afresh (lenses on the new lines)', async () => {
    const key = corpusUri(`${DIR}/answer-key-round-001.md`);
    const uri = corpusUri(`${DIR}/results/v001-baseline-run1.md`);
    await vscode.workspace.fs.writeFile(key, encode(KEY_TEXT));
    await vscode.workspace.fs.writeFile(uri, encode(REVIEW_V1));
    const service = new GradingService(memento(), nullLogger);
    try {
      // the cache itself: a document at version 1 again, with another text, is not the one graded before
      const first = await service.gradedOf(reopenedDocument(uri, REVIEW_V1));
      ok(first && first.review.findings.length === 2, 'the made-up review should grade with two findings');
      const v2 = `#### C0: Inserted on disk\nbody\n\n${REVIEW_V1}`;
      const second = (await service.gradedOf(reopenedDocument(uri, v2))) as GradedReview;
      equal(second.review.findings.length, 3, 'findings after the file changed (version 1 both times):');
      equal(second.review.findings[1].headingSpan.start.line, first.review.findings[0].headingSpan.start.line + 3, 'C1 line:');

      // the extension, through the workbench: open, close, change on disk, reopen
      let doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const lineOf = (d: vscode.TextDocument, label: string) => headingLine(d, label);
      const old = await suggestionLenses(uri);
      ok(
        old.some((s) => s.lens.range.start.line === lineOf(doc, 'C1')),
        'a lens on C1 before the change',
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.writeFile(uri, encode(v2));
      doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      await waitFor(() => doc.getText() === v2, 'the document to show the new text on disk');
      const fresh = await until(async () => {
        const s = await suggestionLenses(uri);
        return s.some((x) => x.lens.range.start.line === lineOf(doc, 'C1')) && s;
      }, 'a lens on C1 at its new line');
      for (const s of fresh) {
        const line = s.lens.range.start.line;
        ok(/^#{2,6} /.test(doc.lineAt(line).text), `lens at line ${line + 1} is not on a heading: ${doc.lineAt(line).text}`);
        equal(s.ref.heading, doc.lineAt(line).text.replace(/^#+\s*/, ''), 'lens ref heading:');
      }
      // and accepting it writes under C1's heading, not between two headings
      const c1 = fresh.find((s) => s.lens.range.start.line === lineOf(doc, 'C1'))!;
      ok(Array.isArray(c1.entries), 'C1 should have a problem suggestion (an unmatched one would ask in a quick pick)');
      ok(await vscode.commands.executeCommand<boolean>(c1.lens.command!.command, ...c1.lens.command!.arguments!), 'accept on C1');
      ok(doc.lineAt(lineOf(doc, 'C1') + 1).text.startsWith('<!-- grade: '), `after C1: ${doc.lineAt(lineOf(doc, 'C1') + 1).text}`);
      await revert(doc);
    } finally {
      service.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('a judge report rewritten on disk is re-read', async () => {
    const uri = corpusUri(`${DIR}/results/v001-baseline-run1.md`);
    const scoring = corpusUri(`${DIR}/results/v001-baseline-scoring.md`);
    await vscode.workspace.fs.writeFile(corpusUri(`${DIR}/answer-key-round-001.md`), encode(KEY_TEXT));
    await vscode.workspace.fs.writeFile(uri, encode(REVIEW_V1));
    await vscode.workspace.fs.writeFile(scoring, encode(judgeReport('×')));
    // let the 'created' events of these writes pass, so only the rewrite below can make the report be read again
    await new Promise((r) => setTimeout(r, 500));
    const service = new GradingService(memento(), nullLogger);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const judgeOfP01 = async () => (await service.gradedOf(doc))?.problems.find((p) => p.id === 'P01')?.judge;
      equal(await judgeOfP01(), 'missed', 'judge verdict read first:');
      let fired = false;
      const sub = service.onDidChange(() => {
        fired = true;
      });
      await vscode.workspace.fs.writeFile(scoring, encode(judgeReport('○')));
      await until(async () => (await judgeOfP01()) === 'detected', 'the rewritten judge report to be read');
      await waitFor(() => fired, 'a change event for the views');
      sub.dispose();
    } finally {
      service.dispose();
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(corpusUri(DIR)), { recursive: true }).then(undefined, () => undefined);
    }
  });

  test('Accept All writes no ○ where the judge said △ or ×, and says what it skipped', async () => {
    const editor = await openReview();
    const doc = editor.document;
    const config = vscode.workspace.getConfiguration('reviewGrader');
    // low thresholds: many ○ suggestions, so some meet a judge who disagrees
    await config.update('thresholds.detected', 0.2, vscode.ConfigurationTarget.Global);
    await config.update('thresholds.partial', 0.1, vscode.ConfigurationTarget.Global);
    const service = new GradingService(memento(), nullLogger);
    try {
      const graded = await service.gradedOf(doc);
      ok(graded, 'the review should be graded');
      const plan = acceptAllPlan(graded);
      const judge = new Map(graded.problems.map((p) => [p.id, p.judge]));
      const count = await vscode.commands.executeCommand<number>('reviewGrader.acceptAll', doc.uri, { disputed: 'skip' });
      equal(count, plan.undisputed.size, 'findings tagged:');
      const written = [...doc.getText().matchAll(/(P\d+) ○/g)].map((m) => m[1]);
      for (const id of written)
        ok(judge.get(id) === undefined || judge.get(id) === 'detected', `${id} ○ written although the judge says ${judge.get(id)}`);
      for (const d of plan.disputed) ok(!written.includes(d.id), `disputed ${d.id} was written`);
      console.log(`[acceptAll] ${plan.undisputed.size} findings undisputed, ${plan.disputed.length} suggestions disputed by the judge`);
    } finally {
      service.dispose();
      await config.update('thresholds.detected', undefined, vscode.ConfigurationTarget.Global);
      await config.update('thresholds.partial', undefined, vscode.ConfigurationTarget.Global);
      await revert(doc);
    }
  });
});
