// The UI language, in the real workbench: the default run is English, and
// `node test/integration/runWeb.mjs --locale=ja` runs this suite alone with
// the workbench in Japanese (vscode.env.language 'ja'). The same tests check
// either language: lens titles (検出 / 部分検出 / 未検出), a hover, a Coverage
// view row, and the command titles and view name the workbench read from
// package.nls(.ja).json.
import * as vscode from 'vscode';
import { corpusUri, extension, ok } from './helpers';
import type { CoverageItem } from './helpers';
import { closeAll, hoverText, lenses, linesMatching, openKeyAndReview, until } from './keyHelpers';

const JA = vscode.env.language.toLowerCase().startsWith('ja');

/** What each language must show. */
const WORDS = JA
  ? {
      verdict: /^(検出|部分検出|未検出)[ ·]/,
      source: /\((自動 \d\.\d\d|タグ|ジャッジ)\)/,
      placeholder: /^Review Grader: 判定を見るレビューの実行結果を選ぶ…$/,
      score: /^スコア \d/,
      pairTitle: '正解キーと対応付ける…',
      viewName: 'カバレッジ',
      english: /\((auto \d|judge\)|tagged\))|\b(detected|partial|missed) /,
      comparison: /^# Review Grader とジャッジの比較: .*\n\n(ジャッジの判定は \d+ 問中 \d+ 問|この実行結果にはジャッジの判定がありません)/,
    }
  : {
      verdict: /^(detected|partial|missed)[ ·]/,
      source: /\((auto \d\.\d\d|tagged|judge)\)/,
      placeholder: /^Review Grader: pick a review run to see its verdicts…$/,
      score: /^Score \d/,
      pairTitle: 'Pair with Answer Key…',
      viewName: 'Coverage',
      english: undefined,
      comparison: /^# Review Grader vs judge: .*\n\n(Judge verdicts for \d+ of \d+ problems|No judge verdicts for this run)/,
    };

suite(`l10n: the extension speaks the UI language (${vscode.env.language})`, () => {
  suiteTeardown(closeAll);

  test('verdict lenses on a key use the UI language', async () => {
    const { keyDoc } = await openKeyAndReview();
    const titles = await until(async () => {
      const t = (await lenses(keyDoc.uri)).map((l) => l.command?.title ?? '').filter((t) => WORDS.verdict.test(t));
      return t.length >= 9 && t;
    }, 'verdict lenses');
    console.log(`[l10n ${vscode.env.language}] ${titles.slice(0, 4).join(' | ')}`);
    for (const t of titles) {
      ok(WORDS.source.test(t), `lens without its source: ${t}`);
      if (WORDS.english) ok(!WORDS.english.test(t), `English left in a Japanese lens: ${t}`);
    }
  });

  test('the placeholder lens of a key with no run shown', async () => {
    await closeAll();
    const uri = corpusUri('structural-quality-design/answer-key-round-002.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const title = await until(
      async () => (await lenses(uri)).map((l) => l.command?.title ?? '').find((t) => t.startsWith('Review Grader')),
      'placeholder lens',
    );
    ok(WORDS.placeholder.test(title), `placeholder: ${title}`);
  });

  test("a problem's hover names its verdict in the UI language", async () => {
    const { keyDoc } = await openKeyAndReview();
    const line = linesMatching(keyDoc, /^###\s+P01:/)[0]!;
    const text = await until(async () => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', keyDoc.uri, new vscode.Position(line, 6))) ??
        [];
      const t = hoverText(hovers);
      return /\*\*(detected|partial|missed|検出|部分検出|未検出)\*\*/.test(t) && t;
    }, 'a hover with the verdict');
    const verdict = /\*\*(detected|partial|missed|検出|部分検出|未検出)\*\*/.exec(text)![1];
    ok(JA === /検出/.test(verdict), `hover verdict "${verdict}" is not in ${vscode.env.language}`);
    ok(WORDS.source.test(text), `hover lacks the verdict source: ${text.slice(0, 300)}`);
  });

  test('the Coverage view labels its rows in the UI language', async () => {
    const { reviewDoc } = await openKeyAndReview();
    const items = await until(async () => {
      const all = await vscode.commands.executeCommand<CoverageItem[]>('reviewGrader._coverageItems', reviewDoc.uri);
      return all && all.length > 0 && all;
    }, 'Coverage rows');
    ok(WORDS.score.test(items[0]!.label), `first row: ${items[0]!.label}`);
  });

  test('Compare with Judge writes its comparison in the UI language', async () => {
    const { reviewDoc } = await openKeyAndReview();
    const text = (await vscode.commands.executeCommand<string>('reviewGrader.compareWithJudge', reviewDoc.uri)) ?? '';
    ok(WORDS.comparison.test(text), `comparison: ${text.slice(0, 200)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('command titles and the view name come from package.nls(.ja).json', () => {
    const manifest = extension().packageJSON as {
      contributes: { commands: { command: string; title: string }[]; views: Record<string, { name: string }[]> };
    };
    const pair = manifest.contributes.commands.find((c) => c.command === 'reviewGrader.pairWithKey');
    ok(pair?.title === WORDS.pairTitle, `pairWithKey title: ${pair?.title}`);
    const view = manifest.contributes.views.reviewGrader[0];
    ok(view?.name === WORDS.viewName, `Coverage view name: ${view?.name}`);
  });
});
