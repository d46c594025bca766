// CodeLenses on the real corpus: verdicts above every problem and bonus row of
// a key while its review is active, suggestions above review findings, the
// placeholder when no review is active, and the on/off setting.
import * as vscode from 'vscode';
import { corpusUri, equal, ok } from './helpers';
import { closeAll, KEY, lenses, linesMatching, openKeyAndReview, until } from './keyHelpers';

// "detected · C3 (auto 0.82)", "detected · 1 Short title… (judge)", "partial (judge) · judge: no finding cited", "missed (judge) ≠ auto detected"
const PROBLEM_LENS =
  /^(?:(?:detected|partial) · .+ \((?:auto \d\.\d\d|tagged|judge)\)|(?:detected|partial) \(judge\) · judge: .+|missed \((?:auto \d\.\d\d|tagged|judge)\)|missed · .+ \(judge\))(?: ≠ .+)?$/; // a judge's × may name the finding it weighed
const BONUS_LENS = /^bonus(?: · .+ \((?:auto|tagged|judge)\) · (?:counts|over the cap|not counted: .+)|: not found)$/;
const OURS = /^(detected|partial|missed|bonus|→|✓|unmatched|Review Grader|Grading)/;

const ours = (all: vscode.CodeLens[]) => all.filter((l) => OURS.test(l.command?.title ?? ''));

suite('answer-key CodeLens', () => {
  suiteTeardown(closeAll);

  test('a key with no review open shows one placeholder lens at the top', async () => {
    await closeAll();
    const uri = corpusUri('structural-quality-design/answer-key-round-002.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const found = await until(async () => {
      const l = ours(await lenses(uri));
      return l.length > 0 && l;
    }, 'placeholder lens');
    equal(found.length, 1, 'lenses without an active review:');
    equal(found[0]!.range.start.line, 0, 'placeholder line:');
    ok(/pick a review run/i.test(found[0]!.command!.title), `placeholder title: ${found[0]!.command!.title}`);
    equal(found[0]!.command!.command, 'reviewGrader.pickRun', 'the placeholder is the run picker:');
  });

  test("every problem heading and bonus row of the key gets the active review's verdict", async () => {
    const { keyDoc } = await openKeyAndReview();
    const problemLines = linesMatching(keyDoc, /^###\s+P\d+:/);
    const bonusLines = linesMatching(keyDoc, /^\|\s*B\d+\s*\|/);
    equal(problemLines.length, 9, 'P-items in the key:');
    const found = await until(async () => {
      const l = ours(await lenses(keyDoc.uri));
      return l.some((x) => PROBLEM_LENS.test(x.command!.title)) && l;
    }, 'verdict lenses on the key');
    for (const line of problemLines) {
      const here = found.filter((l) => l.range.start.line === line);
      equal(here.length, 1, `lenses on line ${line + 1}:`);
      ok(PROBLEM_LENS.test(here[0]!.command!.title), `line ${line + 1}: unexpected title "${here[0]!.command!.title}"`);
    }
    for (const line of bonusLines) {
      const here = found.filter((l) => l.range.start.line === line);
      equal(here.length, 1, `bonus lenses on line ${line + 1}:`);
      ok(BONUS_LENS.test(here[0]!.command!.title), `bonus line ${line + 1}: "${here[0]!.command!.title}"`);
    }
    const titles = found.map((l) => l.command!.title);
    console.log(`[keyLens] ${titles.join(' | ')}`);
    ok(
      titles.some((t) => /^(detected|partial) /.test(t)),
      'at least one problem found in the baseline run',
    );
  });

  test('clicking a verdict lens reveals the evidence finding in the review', async () => {
    const { keyDoc, reviewDoc } = await openKeyAndReview();
    await vscode.window.showTextDocument(keyDoc, vscode.ViewColumn.One);
    // the corpus judge cites no finding (its lenses offer candidates: viewsJudge.test.ts); the matcher's verdicts have evidence
    const config = vscode.workspace.getConfiguration('reviewGrader');
    await config.update('useJudgeReports', false, vscode.ConfigurationTarget.Global);
    let lens: vscode.CodeLens | undefined;
    try {
      lens = await until(
        async () => (await lenses(keyDoc.uri)).find((l) => /^(detected|partial) · /.test(l.command?.title ?? '')),
        'an auto verdict lens',
      );
    } finally {
      await config.update('useJudgeReports', undefined, vscode.ConfigurationTarget.Global);
    }
    ok(lens?.command?.command, 'no clickable verdict lens');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const editor = await until(async () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === reviewDoc.uri.toString() && e;
    }, 'the review to come to the front');
    const line = editor.document.lineAt(editor.selection.start.line).text;
    ok(/^#{1,6}\s/.test(line), `selection is not on a finding heading: "${line}"`);
    const label = lens.command.title.split(' · ')[1]!.split(' (')[0]!.split(' ')[0]!;
    ok(label === 'line' || line.includes(label), `heading "${line}" does not carry the label ${label}`);
  });

  test('review findings get suggestions, and accepting one writes the tag', async () => {
    const { reviewDoc } = await openKeyAndReview(KEY, 'reliability-design/results/v007-baseline-run2.md');
    const found = await until(async () => {
      const l = ours(await lenses(reviewDoc.uri));
      return l.length > 0 && l;
    }, 'review lenses');
    const titles = found.map((l) => l.command!.title);
    console.log(`[reviewLens] ${titles.join(' | ')}`);
    for (const t of titles)
      ok(/^(→ (P\d+ (detected|partial)|bonus B\d+)\?|✓ .+ \(tagged\)|unmatched: bonus.*\/penalty\?)$/.test(t), `odd review lens "${t}"`);
    const suggestion = found.find((l) => /^→ P\d+ (detected|partial)\?$/.test(l.command!.title));
    ok(suggestion, 'no problem suggestion in the review');
    const [, id, verdict] = /^→ (P\d+) (detected|partial)\?$/.exec(suggestion.command!.title)!;
    const mark = verdict === 'detected' ? '○' : '△';
    try {
      await vscode.commands.executeCommand(suggestion.command!.command, ...(suggestion.command!.arguments ?? []));
      const next = reviewDoc.lineAt(suggestion.range.start.line + 1).text;
      ok(next.includes('<!-- grade:') && next.includes(`${id} ${mark}`), `no tag under the heading: "${next}"`);
      const after = await until(async () => {
        const l = (await lenses(reviewDoc.uri)).find((x) => x.range.start.line === suggestion.range.start.line);
        return l?.command?.title.startsWith('✓') && l;
      }, 'the lens to show the tag');
      ok(
        after.command!.title.includes(`${id} ${mark}`) && after.command!.title.endsWith('(tagged)'),
        `lens after accepting: ${after.command!.title}`,
      );
    } finally {
      await vscode.window.showTextDocument(reviewDoc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('reviewGrader.lenses.enabled = false hides every lens', async () => {
    const { keyDoc, reviewDoc } = await openKeyAndReview();
    const config = vscode.workspace.getConfiguration('reviewGrader');
    await config.update('lenses.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await until(async () => ours(await lenses(keyDoc.uri)).length === 0, 'key lenses to go');
      equal(ours(await lenses(reviewDoc.uri)).length, 0, 'review lenses while disabled:');
    } finally {
      await config.update('lenses.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await until(async () => ours(await lenses(keyDoc.uri)).length > 0, 'key lenses to come back');
  });

  test('other markdown files get no lenses', async () => {
    const uri = corpusUri('reliability-design/perspective.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    equal(ours(await lenses(uri)).length, 0, 'lenses on perspective.md:');
  });
});
