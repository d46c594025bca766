// The round dashboard: the pure view model on hand-made runs, then the real
// page — CLI on a corpus perspective, opened in Chromium, its matrix checked
// against `grade --format json`, tooltips, keyboard, and screenshots to media/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  buildPerspective,
  compareNames,
  dashboardJson,
  renderDashboardPage,
  renderDashboardShell,
  renderRound,
  roundId,
  roundLabel,
  type DashboardRunInput,
} from '../../src/core/dashboard';
import { agreementReport } from '../../src/core/agreement';
import { translator } from '../../src/core/i18n';
import { DEFAULT_ROUND_RULE, fmt } from '../../src/core/score';
import { key, run } from '../fixtures/dashboard/graded';
import { writePerspective } from '../fixtures/dashboard/folder';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';

describe('dashboard model (pure)', () => {
  const k = key(['Fault', 'Fault', 'Data', 'Ops']);
  const round1 = [
    run(k, { round: 1, variant: 'variant-b', run: 1, marks: '○○○○', bonus: 2, judged: true, auto: '○△○○' }),
    run(k, { round: 1, variant: 'baseline', run: 2, marks: '○○○×', judged: true }),
    run(k, { round: 1, variant: 'baseline', run: 1, marks: '○○△×', judged: true, statedTotal: 3 }),
    run(k, { round: 1, variant: 'variant-b', run: 2, marks: '○○○△', bonus: 1, judged: true }),
  ];
  const view = buildPerspective({ name: 'My Perspective', runs: round1 });
  const r = view.rounds[0];

  test('columns: baseline first, runs in order; cells follow problems × columns', () => {
    assert.deepEqual(
      r.columns.map((c) => `${c.variant}/${c.run}`),
      ['baseline/1', 'baseline/2', 'variant-b/1', 'variant-b/2'],
    );
    assert.deepEqual(
      r.cells.map((row) => row.map((c) => c.verdict[0]).join('')),
      ['dddd', 'dddd', 'pddd', 'mmdp'],
    );
    assert.equal(r.cells[1][2].auto, 'partial');
    assert.equal(r.cells[1][2].disagreement, true);
    assert.equal(r.disagreements, 1);
  });

  test('variants, recommendation and its one-sentence reason follow the rubric', () => {
    const [base, b] = r.variants.map((v) => v.summary);
    assert.deepEqual([base.mean, base.sd, base.stability], [2.75, 0.25, 'high']);
    assert.deepEqual([b.mean, b.sd], [4.5, 0.5]); // (4 + 1) and (3.5 + 0.5)
    assert.equal(r.recommendation?.winner, 'variant-b');
    assert.equal(r.recommendation?.rule, 'higher-mean');
    assert.match(
      r.verdictSentence,
      /^Adopt variant-b: mean gap \+1\.75 \(variant-b 4\.5 − baseline 2\.75\) > 1\.0: the higher mean wins\.$/,
    );
    assert.equal(r.improvement, 1.75);
    assert.equal(r.variants[1].bonusCount, 3);
  });

  test('every figure says what it sums', () => {
    assert.match(r.columns[0].tip, /detection 2\.5 = 2 ○ × 1 \+ 1 △ × 0\.5/);
    assert.match(r.columns[2].tip, /total 5 = 4 \+ 1 − 0/);
    assert.match(r.variants[0].meanTip, /mean of 2 run totals \(2\.5, 3\) = 2\.75/);
    assert.match(r.cells[1][2].tip, /judge: ○ detected/);
    assert.match(r.cells[1][2].tip, /auto: △ partial/);
  });

  test("history: convergence over each round's improvement on its own baseline; detection rate by category", () => {
    // Baseline-only rounds keep the baseline: improvement 0 each, so two in a row converge.
    const rounds = [5, 5.25, 5.5].flatMap((m, i) =>
      [1, 2].map((n) => run(k, { round: i + 2, variant: 'baseline', run: n, marks: '○○○○', bonus: (m - 4) * 2 })),
    );
    const only = buildPerspective({ name: 'p', runs: rounds });
    assert.deepEqual(only.series[0].improvements, [undefined, undefined, undefined]); // only the baseline ran: no call
    assert.equal(only.series[0].converged, false);
    // Means move round to round (new documents); each round's variant beats its own baseline by only 0.25.
    const climbing = [4, 2, 3].flatMap((b, i) => [
      ...[1, 2].map((n) =>
        run(k, { round: i + 1, variant: 'baseline', run: n, marks: b >= 4 ? '○○○○' : b >= 3 ? '○○○×' : '○○××', bonus: 0 }),
      ),
      ...[1, 2].map((n) =>
        run(k, { round: i + 1, variant: 'v', run: n, marks: b >= 4 ? '○○○○' : b >= 3 ? '○○○×' : '○○××', bonus: n === 1 ? 1 : 0 }),
      ),
    ]);
    const h = buildPerspective({ name: 'p', runs: climbing });
    assert.deepEqual(h.series[0].improvements, [0, 0, 0]); // +0.25 each: the baseline is kept
    assert.deepEqual(
      h.rounds.map((r) => r.improvement),
      [0, 0, 0],
    );
    assert.equal(h.series[0].converged, true);
    assert.match(
      h.series[0].sentence,
      /^May have converged: the last two rounds improved on their baseline by 0 then 0 \(each < 0\.5\)\.$/,
    );
    // One big win in the last round: keep going (the old best-mean rule compared means across documents).
    const win = buildPerspective({
      name: 'p',
      runs: [
        ...climbing,
        ...[1, 2].flatMap((n) => [
          run(k, { round: 4, variant: 'baseline', run: n, marks: '○○××' }),
          run(k, { round: 4, variant: 'v', run: n, marks: '○○○○' }),
        ]),
      ],
    });
    assert.deepEqual(win.series[0].improvements, [0, 0, 0, 2]);
    assert.equal(win.series[0].converged, false);
    assert.match(win.series[0].sentence, /^Keep going: the last two rounds improved on their baseline by 0 then \+2/);
    const fault = view.categories.find((c) => c.category === 'Fault');
    assert.deepEqual([fault?.credit, fault?.count], [8, 8]);
    const data = view.categories.find((c) => c.category === 'Data');
    assert.equal(data?.byRound[r.id].partial, 1);
  });

  test('ordering is locale-independent: baseline first, then code points with numbers by value', () => {
    const names = ['variant-a', 'v10', 'baseline', 'variant-Z', 'v2', 'Ärger'];
    const runs = names.map((n) => run(k, { round: 1, variant: n, run: 1, marks: '○○○○' }));
    const cols = buildPerspective({ name: 'p', runs }).rounds[0].columns.map((c) => c.variant);
    assert.deepEqual(cols, ['baseline', 'v2', 'v10', 'variant-Z', 'variant-a', 'Ärger']);
    assert.ok(compareNames('r9', 'r10') < 0 && compareNames('b', 'a') > 0 && compareNames('x', 'x') === 0);
    assert.ok(compareNames('a\u{1F600}', 'a\uFFFF') > 0, 'astral after the BMP: code points, not UTF-16 units');
  });

  test('a round without a baseline makes no call and says why', () => {
    const v = buildPerspective({ name: 'p', runs: [run(k, { round: 3, variant: 'x', run: 1, marks: '○○○○', doc: 1 })] });
    assert.equal(v.rounds[0].recommendation, undefined);
    assert.match(v.rounds[0].verdictSentence, /No baseline ran/);
    assert.equal(v.rounds[0].label, 'Round 3 · doc 1');
  });

  test('HTML: escaped text, nonce CSP, no network, judge-stated total beside ours, cellLink messages', () => {
    const html = renderDashboardPage([view], { nonce: 'abc123', cellLink: (t) => ({ message: { open: t.path, line: t.line } }) });
    assert.doesNotMatch(html, /Problem 1 <b>/);
    assert.match(html, /Problem 1 &lt;b&gt;/);
    assert.match(html, /script-src &#39;nonce-abc123&#39;/);
    assert.match(html, /<script nonce="abc123">/);
    assert.doesNotMatch(html, /https?:\/\/|src="|@import|url\(/);
    assert.match(html, /data-stated="3"/); // baseline run 1: ours 2.5, the judge states 3
    assert.match(html, /data-message="\{&quot;open&quot;:&quot;results\/v1-baseline-run1\.md&quot;,&quot;line&quot;:10\}"/);
    assert.doesNotMatch(html, / style="/);
  });

  test('HTML: the same view gives the same bytes; the derived nonce follows the content', () => {
    const a = renderDashboardPage([view], {});
    const b = renderDashboardPage([buildPerspective({ name: 'My Perspective', runs: round1 })], {});
    assert.equal(a, b);
    const nonce = /<script nonce="([0-9a-f]{32})">/.exec(a)?.[1];
    assert.ok(nonce, 'a 128-bit nonce');
    assert.match(a, new RegExp(`style-src &#39;nonce-${nonce}&#39;`));
    const other = renderDashboardPage([buildPerspective({ name: 'Other', runs: round1 })], {});
    assert.notEqual(/<script nonce="([0-9a-f]+)">/.exec(other)?.[1], nonce);
    // a host's own nonce (the webview's fresh one) is used as given
    assert.match(renderDashboardPage([view], { nonce: 'fresh1' }), /<script nonce="fresh1">/);
  });

  test('HTML: perspectives judged by different project files each state their own rule; one rule goes in the header', () => {
    const strict = { ...DEFAULT_ROUND_RULE, recommendation: { clear: 2, close: 1 } };
    const a = buildPerspective({ name: 'A', runs: round1 });
    const b = buildPerspective({ name: 'B', runs: round1, rule: strict });
    const mixed = renderDashboardPage([a, b], { nonce: 'n' });
    const header = /<header>[\s\S]*?<\/header>/.exec(mixed)![0];
    assert.doesNotMatch(header, /Stability: SD/, 'no single rule claimed for both');
    assert.match(header, /differ by perspective/);
    const stated = [...mixed.matchAll(/<p class="rule">([^<]*)<\/p>/g)].map((m) => m[1]);
    assert.equal(stated.length, 2);
    assert.match(stated[0], /&gt; 1.0 → the variant/);
    assert.match(stated[1], /&gt; 2.0 → the variant/);
    const same = renderDashboardPage([a, buildPerspective({ name: 'C', runs: round1 })], { nonce: 'n' });
    assert.match(/<header>[\s\S]*?<\/header>/.exec(same)![0], /Stability: SD ≤ 0.5 high/);
    assert.doesNotMatch(same, /<p class="rule">/);
  });

  test('HTML: the strip shades only above the baseline (the signed rule)', () => {
    const html = renderDashboardPage([view], { nonce: 'n' });
    const strip = html.slice(html.indexOf('<tr data-variant="baseline"'));
    const zone = (name: string) => {
      const m = new RegExp(`data-zone="${name}" x="([\\d.]+)" y="0" width="([\\d.]+)"`).exec(strip);
      assert.ok(m, `zone ${name}`);
      return [Number(m[1]), Number(m[1]) + Number(m[2])];
    };
    const base = Number(/<line class="base-line" x1="([\d.]+)"/.exec(strip)?.[1]);
    const [k0, k1] = zone('keep');
    const [s0, s1] = zone('lower-sd');
    const [a0] = zone('adopt');
    assert.ok(k0 < base && base < k1, 'everything left of baseline + 0.5, below the baseline included, keeps it');
    assert.ok(Math.abs(k1 - s0) < 0.11 && Math.abs(s1 - a0) < 0.11, 'keep | lower SD | adopt, side by side');
    assert.ok(Math.abs(k1 - base - (s1 - s0)) < 0.21, 'the keep zone ends 0.5 above the baseline, the SD zone spans 0.5 more');
    assert.match(html, /a mean left of \+0\.5 keeps the baseline \(every mean below it too\)/);
  });

  test('HTML: bonus and penalty counts are shown apart from points; the cap printed is the one used', () => {
    const capped = [1, 2].map((n) =>
      run(k, {
        round: 1,
        variant: 'baseline',
        run: n,
        marks: '○○○○',
        bonus: 8,
        penalty: 1,
        rubric: { bonusPoints: 0.5, bonusCap: 1, penaltyPoints: 0.5 },
      }),
    );
    const html = renderDashboardPage([buildPerspective({ name: 'p', runs: capped })], { nonce: 'n' });
    assert.match(html, /bonus \+0\.5 each \(at most 1 count\), penalty −0\.5 each/);
    assert.doesNotMatch(html, /at most 5/);
    assert.match(html, /\+0\.5<\/span> <small class="count">8 found, 1 count<\/small>/);
    assert.match(html, /−0\.5<\/span> <small class="count">1 found<\/small>/);
    assert.doesNotMatch(html, />\+8<|Bonus \/ penalty/);
    assert.match(html, /bonus \+0\.5: 8 bonus findings found, 1 count \(at most 1\) × 0\.5/);
  });
});

// ------------------------------------------------- agreement, languages, frame

describe('dashboard agreement section, Japanese page, progressive frame (pure)', () => {
  const k = key(['Fault', 'Fault', 'Data', 'Ops']);
  // the judge's verdicts are `marks`; the matcher's differ where `auto` says
  const runs = (): DashboardRunInput[] => [
    run(k, { round: 1, variant: 'baseline', run: 1, marks: '○○△×', auto: '△○△×', judged: true }),
    run(k, { round: 1, variant: 'baseline', run: 2, marks: '○○○×', auto: '△○○×', judged: true }),
    run(k, { round: 1, variant: 'v', run: 1, marks: '○△○×', auto: '△△○○', judged: true }),
    run(k, { round: 1, variant: 'v', run: 2, marks: '○○○○', judged: true }),
  ];
  const tagged = (): DashboardRunInput[] => {
    const rs = runs();
    // a human tagged P01 ○ in every run (the judge agrees, the matcher mostly not), P04 × in one
    for (const r of rs) r.graded.problems[0].tag = 'detected';
    rs[1].graded.problems[3].tag = 'missed';
    return rs;
  };

  test('agreement: kappa, n, the confusion matrix with headers and caption, the lean in words, disputed problems linked to their round', () => {
    const input = runs();
    const view = buildPerspective({ name: 'P', runs: input });
    const html = renderDashboardPage([view], { nonce: 'n' });
    const section = html.slice(
      html.indexOf('<section class="agreement"'),
      html.indexOf('</section>', html.indexOf('<section class="agreement"')),
    );
    assert.ok(section.length > 0, 'an agreement section');
    assert.match(section, /id="p-agreement" aria-labelledby="p-agreement-h"/);
    assert.match(html, /<a href="#p-agreement">agreement<\/a>/, 'in the contents');
    // the figures are core/agreement's, not recomputed here
    const report = agreementReport(input);
    const ja = report.pairs.find((p) => p.a === 'judge' && p.b === 'auto')!;
    assert.equal(ja.n, 16);
    assert.ok(ja.kappa !== null);
    assert.match(section, new RegExp(`data-pair="judge-auto" data-kappa="${fmt(ja.kappa)}" data-n="16"`));
    assert.match(section, new RegExp(`κ ${fmt(ja.kappa).replace('.', '\\.')}</span>`));
    assert.match(section, /n = 16/);
    // the matrix: a caption, column and row headers, and the counts (judge ○ / matcher △ three times)
    assert.match(section, /<caption>Rows: judge · columns: auto matcher<\/caption>/);
    assert.equal((section.match(/<th scope="col">[○△×] (detected|partial|missed)<\/th>/g) ?? []).length, 3);
    assert.equal((section.match(/<th scope="row">[○△×] (detected|partial|missed)<\/th>/g) ?? []).length, 3);
    assert.match(section, /judge ○, auto matcher △: 3 verdicts/);
    // the lean: the largest off-diagonal cell relative to its row (× → ○ 1 of 3 beats ○ → △ 3 of 11), said as the issue asks
    assert.match(section, /<strong>Lean:<\/strong> the matcher gives ○ where the judge says × in 1 of 3 cases<\/p>/);
    // most disputed: P01 differs in 3 of 4 runs, linked to round 1's matrix
    assert.match(
      section,
      /<a href="#p-r1"><span class="pid">P01<\/span> Problem 1 &lt;b&gt;<\/a><\/th><td><span title="answer-key\.md">R1<\/span><\/td><td>3 of 4<\/td>/,
    );
    // no tags anywhere: both tag pairs say why they have no figures
    assert.equal((section.match(/No overlap: no run carries grading tags\./g) ?? []).length, 2);
  });

  test('agreement with human tags: the judge and the matcher measured against them', () => {
    const view = buildPerspective({ name: 'P', runs: tagged() });
    const html = renderDashboardPage([view], { nonce: 'n' });
    assert.match(html, /data-pair="tag-judge" data-kappa="1" data-n="5"/);
    assert.match(html, /data-pair="tag-judge"[\s\S]*?they never disagree/);
    assert.match(html, /the matcher gives △ where your tags say ○ in 3 of 4 cases/);
    assert.doesNotMatch(html, /No overlap/);
  });

  test('dashboard JSON carries the agreement figures', async () => {
    const { dashboardJson } = await import('../../src/core/dashboard');
    const j = dashboardJson(buildPerspective({ name: 'P', runs: tagged() }));
    assert.deepEqual(j.agreement.sources, { tag: 4, judge: 4, auto: 4 });
    assert.deepEqual(
      j.agreement.pairs.map((p) => [p.a, p.b, p.n]),
      [
        ['tag', 'judge', 5],
        ['tag', 'auto', 5],
        ['judge', 'auto', 16],
      ],
    );
    assert.deepEqual(j.agreement.scale, ['detected', 'partial', 'missed']);
  });

  test('Japanese page: lang="ja", headings, verdict words, the lean and the tooltips in Japanese; same bytes twice', () => {
    const t = translator('ja');
    const page = () => renderDashboardPage([buildPerspective({ name: 'P', runs: tagged() }, t)], { locale: 'ja' });
    const html = page();
    assert.equal(html, page());
    assert.match(html, /<html lang="ja">/);
    for (const text of ['ラウンド 1', '履歴', '採点元の間の一致度', '検出マトリクス', '問題カテゴリ別の検出率', 'ベースライン', '安定性'])
      assert.ok(html.includes(text), `missing ${text}`);
    assert.match(html, /○ 検出 1<\/span><span class="lg v-partial">△ 部分検出 0\.5/);
    assert.match(html, /あなたのタグが ○ のところを自動照合は △ としています（4 件中 3 件）/);
    assert.match(html, /検出 \d+(\.\d+)? = ○ \d+ × 1/); // a score tooltip
    // the recommendation's reason too; `--format json` keeps it in English
    assert.match(html, /平均の差 [+−]?[\d.]+（/);
    const view = buildPerspective({ name: 'P', runs: tagged() }, t);
    assert.match(dashboardJson(view).rounds[0].recommendation?.reason ?? '', /^mean gap /);
    // no English left in the page's own words
    for (const text of [
      'mean gap',
      'Agreement between sources',
      'Detection rate by problem category',
      'History <small>',
      '>Variant<',
      'Hover or focus',
    ])
      assert.ok(!html.includes(text), `English left: ${text}`);
    // English stays the default
    assert.match(
      renderDashboardPage([buildPerspective({ name: 'P', runs: tagged() })], {}),
      /<html lang="en">[\s\S]*Agreement between sources/,
    );
  });

  test('frame: a status line and a pending section per round, with the ids the graded rounds take', () => {
    const input = runs();
    const view = buildPerspective({ name: 'P', runs: input });
    const id = roundId('p', 1);
    assert.equal(view.rounds[0].id, id);
    assert.equal(roundLabel(1, undefined), view.rounds[0].label);
    const frame = renderDashboardShell([{ name: 'P', id: 'p', rounds: [{ id, label: roundLabel(1, undefined) }] }], {
      nonce: 'n1',
      status: 'Grading 0 of 4 runs…',
      statusState: 'grading',
      generation: 3,
    });
    assert.match(frame, /<body data-generation="3">/);
    assert.match(frame, /<p id="rg-status" class="status grading" role="status" aria-live="polite">Grading 0 of 4 runs…<\/p>/);
    assert.match(frame, new RegExp(`<section class="round pending" id="${id}"[^>]*aria-busy="true">`));
    assert.match(frame, /<div class="summary" id="p-summary"><p class="muted pending-summary">History and agreement appear/);
    assert.match(frame, /<script nonce="n1">/);
    // filled with every part, the frame is the static page plus its live attributes and status line
    const full = renderDashboardPage([view], { nonce: 'n1' });
    const filled = renderDashboardShell(
      [{ name: 'P', id: 'p', rounds: [{ id, label: view.rounds[0].label, html: renderRound(view.rounds[0]) }] }],
      { nonce: 'n1' },
    );
    assert.equal(
      filled.replace(/<div class="summary"[\s\S]*?(?=\n<section class="round")/, ''),
      full
        .replace(/<div class="summary"[\s\S]*?(?=\n<section class="round")/, '')
        .replace(/<span id="rg-rubric">[^<]*/, '<span id="rg-rubric">…'),
    );
  });
});

// ------------------------------------------------------- CLI, made-up folder

describe('dashboard --format json on a made-up folder (the rubric, end to end)', () => {
  const BIN = process.env.REVIEW_GRADER_CLI ?? resolve('dist/cli.js');
  let tmp = '';
  let folder = '';
  const rg = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  const json = (...args: string[]) => {
    const r = rg([...args, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  before(() => {
    if (!existsSync(BIN)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'rg-rubric-'));
    // One round per rubric case; the last two keep their baseline, so the perspective may have converged.
    folder = writePerspective(tmp, 'made-up', [
      { round: 1, runs: { baseline: [7, 7], 'variant-a': [8.5, 8.5] } }, // +1.5 → variant
      { round: 2, runs: { baseline: [7, 8], 'variant-a': [6.5, 7] } }, // −0.75, lower SD → still the baseline
      { round: 3, runs: { baseline: [6, 7], 'variant-a': [7, 8] } }, // +1.0 exactly, equal SDs → variant
      { round: 4, runs: { baseline: [6, 6], 'variant-a': [8, 8], 'variant-b': [7.5, 8.5], 'variant-c': [7, 7.5] } }, // a, b tie on 8 → a (lower SD)
      { round: 5, runs: { baseline: [6, 6], 'variant-b': [8, 8], 'variant-a': [8, 8] } }, // tie on mean and SD
      { round: 6, runs: { baseline: [9, 9], 'variant-a': [9, 10] } }, // +0.5 exactly, baseline lower SD → baseline
      { round: 7, runs: { baseline: [5, 5.5], 'variant-a': [5.5, 5.5] } }, // +0.25 → baseline
    ]);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('one object of exactly the documented shape', () => {
    const out = json('dashboard', folder);
    assert.deepEqual(Object.keys(out), ['perspective', 'rounds', 'convergence', 'agreement']);
    assert.equal(out.perspective, 'made-up');
    for (const r of out.rounds) {
      assert.deepEqual(Object.keys(r), ['round', 'key', 'variants', 'recommendation']);
      assert.match(r.key, /answer-key-round-00\d\.md$/);
      for (const v of r.variants) assert.deepEqual(Object.keys(v), ['variant', 'scores', 'mean', 'sd', 'stability']);
      assert.deepEqual(Object.keys(r.recommendation), ['winner', 'rule', 'gap', 'reason']);
    }
    assert.deepEqual(Object.keys(out.convergence), ['converged', 'improvements']);
    // the agreement section's figures: exactly `agreement --format json`, less the perspective's name
    const agreement = json('agreement', folder);
    delete agreement.perspective;
    assert.deepEqual(out.agreement, agreement);
    assert.deepEqual(Object.keys(out.agreement), ['runs', 'sources', 'scale', 'pairs']);
  });

  test('every rubric rule holds through the CLI', () => {
    const out = json('dashboard', folder);
    const rec = (n: number) => out.rounds.find((r: { round: number }) => r.round === n).recommendation;
    assert.deepEqual([rec(1).winner, rec(1).rule, rec(1).gap], ['variant-a', 'higher-mean', 1.5]);
    assert.deepEqual([rec(2).winner, rec(2).rule, rec(2).gap], ['baseline', 'keep-baseline', -0.75]);
    assert.match(rec(2).reason, /mean gap −0\.75 .*never adopted/);
    assert.deepEqual([rec(3).winner, rec(3).rule, rec(3).gap], ['variant-a', 'lower-sd', 1]);
    assert.match(rec(3).reason, /SDs are equal \(0\.5\)/);
    assert.deepEqual([rec(4).winner, rec(4).gap], ['variant-a', 2]);
    assert.match(rec(4).reason, /variant-a and variant-b tie on the highest mean \(8\); variant-a has the lower SD/);
    assert.match(rec(5).reason, /variant-a and variant-b tie on the highest mean \(8\) and on SD \(0\): .*choose by hand/);
    assert.deepEqual([rec(6).winner, rec(6).rule, rec(6).gap], ['baseline', 'lower-sd', 0.5]);
    assert.deepEqual([rec(7).winner, rec(7).rule, rec(7).gap], ['baseline', 'keep-baseline', 0.25]);
    // improvement per round on its own baseline; the last two are 0 → may have converged
    assert.deepEqual(out.convergence, { converged: true, improvements: [1.5, 0, 1, 2, 2, 0, 0] });
  });

  test('a results/ folder stands for its perspective', () => {
    const out = json('dashboard', join(folder, 'results'));
    assert.equal(out.perspective, 'made-up');
    assert.equal(out.rounds.length, 7);
  });

  test('--bonus-cap 1: the figures and the page use the cap given, never a literal 5', () => {
    const capped = writePerspective(tmp, 'capped', [{ round: 1, runs: { baseline: [6, 6] }, bonus: { baseline: [3, 0] } }]);
    assert.deepEqual(json('dashboard', capped, '--bonus-cap', '1').rounds[0].variants[0].scores, [6.5, 6]);
    assert.deepEqual(json('dashboard', capped).rounds[0].variants[0].scores, [7.5, 6]);
    const r = rg(['dashboard', capped, '--bonus-cap', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /at most 1 count/);
    assert.doesNotMatch(r.stdout, /at most 5/);
  });

  test('dashboard -o: same input, same bytes, whatever the locale', () => {
    // Names that en-US and sv-SE collate differently (sv puts ä after z).
    const named = writePerspective(tmp, 'named', [
      { round: 1, runs: { baseline: [6, 6], 'variant-z': [6, 7], 'variant-ä': [7, 7], 'variant-Z': [5, 6], 'variant-a': [6, 6] } },
    ]);
    const a = join(tmp, 'a.html');
    const b = join(tmp, 'b.html');
    const en = { LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' };
    const sv = { LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' };
    assert.equal(rg(['dashboard', named, '-o', a], en).status, 0);
    assert.equal(rg(['dashboard', named, '-o', b], sv).status, 0);
    assert.ok(readFileSync(a).equals(readFileSync(b)), 'byte-identical pages');
    assert.match(readFileSync(a, 'utf8'), /<script nonce="[0-9a-f]{32}">/);
    const order = (env: NodeJS.ProcessEnv) =>
      JSON.parse(rg(['dashboard', named, '--format', 'json'], env).stdout).rounds[0].variants.map((v: { variant: string }) => v.variant);
    assert.deepEqual(order(en), ['baseline', 'variant-Z', 'variant-a', 'variant-z', 'variant-ä']);
    assert.deepEqual(order(sv), order(en));
  });

  test('--format takes html or json', () => {
    const r = rg(['dashboard', folder, '--format', 'xml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be html or json/);
  });
});

// ------------------------------------------------------------------ browser

const CLI = process.env.REVIEW_GRADER_CLI ?? resolve('dist/cli.js'); // override: test a CLI bundle elsewhere
const CORPUS = path();
const PERSPECTIVE = 'reliability-design';
const CHROMIUM = chromiumPath;
const FLAGS = ['--headless', ...chromiumFlags];

function path(): string {
  return resolve(process.cwd(), '../shared/corpus');
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

describe('dashboard page in Chromium', { skip: !existsSync(CHROMIUM) && `no ${CHROMIUM}` }, () => {
  let tmp = '';
  let out = '';
  before(() => {
    if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    tmp = mkdtempSync(join(tmpdir(), 'rg-dash-'));
    out = join(tmp, 'dashboard.html');
    cli('dashboard', join(CORPUS, PERSPECTIVE), '-o', out);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('matrix, tooltips, keyboard and screenshots', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
      const failed: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) failed.push(req.url());
      });
      page.on('pageerror', (e) => failed.push(String(e)));
      await page.goto(pathToFileURL(out).href);

      // The page's matrix for round 1 against the CLI's own JSON for the same runs (judge report included).
      const results = join(CORPUS, PERSPECTIVE, 'results');
      const variants = readdirSync(results)
        .filter((f) => /^v001-.*-scoring\.md$/.test(f))
        .map((f) => f.slice(5, -'-scoring.md'.length));
      let checked = 0;
      for (const v of variants) {
        const runs = readdirSync(results)
          .filter((f) => f.startsWith(`v001-${v}-run`))
          .map((f) => join(results, f));
        const json = JSON.parse(cli('grade', ...runs, '--judge', join(results, `v001-${v}-scoring.md`), '--format', 'json').stdout);
        for (const review of json.reviews) {
          for (const p of review.problems) {
            const sel = `#${PERSPECTIVE}-r1 td.c[data-problem="${p.id}"][data-variant="${v}"][data-run="${review.run}"]`;
            const cell = await page.$eval(sel, (td) => ({ ...(td as HTMLElement).dataset }));
            assert.equal(cell.verdict, p.verdict, `${sel} verdict`);
            assert.equal(cell.source, p.source, `${sel} source`);
            assert.equal(cell.auto, p.auto, `${sel} auto`);
            checked++;
          }
          const total = await page.$eval(
            `#${PERSPECTIVE}-r1 .variants tr[data-variant="${v}"] .run-score >> nth=${review.run - 1}`,
            (e) => e.textContent,
          );
          assert.equal(Number(total), review.score.total);
        }
      }
      assert.ok(checked >= 18, `checked ${checked} cells`);

      // Hover a number: the tooltip says what it sums.
      const score = page.locator(`#${PERSPECTIVE}-r1 .run-score`).first();
      await score.hover();
      const tip = page.locator('#rg-tip');
      await tip.waitFor({ state: 'visible' });
      assert.match(await tip.innerText(), /detection [\d.]+ = \d+ ○ × 1 \+ \d+ △ × 0\.5[\s\S]*total [\d.]+ = /);

      // Keyboard: a focused cell shows its tooltip, arrows move, Enter activates.
      const first = page.locator(`#${PERSPECTIVE}-r1 td.c .cell`).first();
      await first.focus();
      assert.match(await tip.innerText(), /^P01 · /);
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('td')?.getAttribute('data-run')), '2');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('td')?.getAttribute('data-problem')), 'P02');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('td.c')), 'Tab reaches the next cell');
      await page.evaluate(() => {
        document.addEventListener('click', (e) => e.preventDefault()); // stay on the page
        document.addEventListener('review-grader:cell', (e) => {
          (window as unknown as { last: unknown }).last = (e as CustomEvent).detail;
        });
      });
      await page.keyboard.press('Enter');
      const last = await page.evaluate(() => (window as unknown as { last?: { problem: string } }).last);
      assert.equal(last?.problem, 'P02');
      assert.deepEqual(failed, [], 'no network requests and no script errors');

      // Screenshots for the README: the newest round and the history view. Written to
      // media/ only on request (REVIEW_GRADER_SCREENSHOTS=1), so a test run changes no tracked file.
      const shots = process.env.REVIEW_GRADER_SCREENSHOTS === '1' ? 'media' : mkdtempSync(join(tmpdir(), 'rg-shots-'));
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The newest round with three or more variants shows the most (falls back to the newest).
      const rounds = page.locator('section.round');
      const idx = await rounds.evaluateAll((els) =>
        Math.max(
          0,
          els.findIndex((e) => e.querySelectorAll('th.vg').length >= 3),
        ),
      );
      await rounds.nth(idx).screenshot({ path: join(shots, 'dashboard-round.png') });
      await page
        .locator('section.history')
        .first()
        .screenshot({ path: join(shots, 'dashboard-history.png') });
    } finally {
      await browser.close();
    }
  });

  test('progressive page: says ready, takes rounds and the summary as posted, ignores another generation, keeps its scroll', async () => {
    const k = key(['Fault', 'Data']);
    const input = [1, 2].flatMap((round) =>
      ['baseline', 'v'].flatMap((variant) => [1, 2].map((n) => run(k, { round, variant, run: n, marks: '○△', judged: true, auto: '○×' }))),
    );
    const view = buildPerspective({ name: 'P', runs: input });
    const rounds = view.rounds.map((r) => ({ id: r.id, label: r.label }));
    const frame = join(tmp, 'frame.html');
    writeFileSync(
      frame,
      renderDashboardShell([{ name: 'P', id: 'p', rounds }], { nonce: 'n1', status: 'Grading 0 of 8 runs…', generation: 7 }),
    );
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 500 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // the webview's API, recording what the page posts and keeps
      // (a string: tsx would wrap named functions in a helper the page lacks)
      await page.addInitScript(
        'window.posted = []; window.saved = undefined; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), setState: (s) => { window.saved = s; }, getState: () => window.saved });',
      );
      await page.goto(pathToFileURL(frame).href);
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { posted: unknown[] }).posted), [{ type: 'ready', generation: 7 }]);
      assert.equal(await page.locator('section.round.pending').count(), 2);
      const send = (m: Record<string, unknown>) => page.evaluate((x) => window.postMessage(x, '*'), m);
      // an older page's message is ignored; this page's round replaces its pending section, tooltips ready
      await send({ type: 'round', generation: 6, id: view.rounds[1].id, html: renderRound(view.rounds[1]) });
      await send({
        type: 'round',
        generation: 7,
        id: view.rounds[1].id,
        html: renderRound(view.rounds[1]),
        status: 'Grading 4 of 8 runs…',
        state: 'grading',
      });
      await page.waitForFunction(() => document.querySelectorAll('section.round.pending').length === 1);
      assert.equal(await page.locator(`#${view.rounds[1].id} td.c`).count(), 2 * 4);
      assert.equal(await page.locator(`#${view.rounds[1].id} [title]`).count(), 0, 'titles moved to data-tip');
      assert.equal(await page.locator('#rg-status').textContent(), 'Grading 4 of 8 runs…');
      await send({ type: 'round', generation: 7, id: view.rounds[0].id, html: renderRound(view.rounds[0]) });
      await page.evaluate(() => scrollTo(0, 300));
      const y = await page.evaluate(() => scrollY);
      const { summaryBox, renderSummary, renderToc } = await import('../../src/core/dashboard');
      await send({
        type: 'summary',
        generation: 7,
        id: 'p-summary',
        html: summaryBox('p', renderSummary(view)),
        toc: renderToc({ name: 'P', id: 'p', rounds }),
        rubric: 'bonus +0.5 each',
        absent: [],
        status: 'done',
        state: 'done',
      });
      await page.waitForSelector('section.agreement');
      assert.equal(await page.locator('section.history').count(), 1);
      assert.equal(await page.locator('#rg-rubric').textContent(), 'bonus +0.5 each');
      assert.equal(await page.locator('#rg-status').getAttribute('class'), 'status done');
      assert.equal(await page.locator('section.round.pending').count(), 0);
      // the position is kept in the webview state (a reload restores it)
      await page.waitForFunction(() => (window as unknown as { saved?: { y: number } }).saved !== undefined);
      const saved = await page.evaluate(() => (window as unknown as { saved: { y: number } }).saved.y);
      assert.ok(Math.abs(saved - y) < 2 || saved > 0, `scroll state ${saved} vs ${y}`);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  test('half width (1200, 900 and 680 px): the page never scrolls sideways; the matrix scrolls inside, its first column pinned', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      // 1200 px: between the wide layout and the narrow one, where the variants' strip header once pushed the page wider
      for (const width of [1200, 900, 680]) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        await page.goto(pathToFileURL(out).href);
        const m = await page.evaluate(() => {
          const de = document.documentElement;
          // anything poking past the viewport outside the two scrolling wrappers
          const wide = Array.from(document.querySelectorAll('body *'))
            .filter((e) => !e.closest('.matrix-wrap, .cat-wrap, .conf-wrap') && e.getBoundingClientRect().right > de.clientWidth + 1)
            .slice(0, 3)
            .map((e) => `${e.tagName}.${e.getAttribute('class') ?? ''}`);
          // the widest matrix (the round with the most runs)
          const wrap = Array.from(document.querySelectorAll<HTMLElement>('.matrix-wrap')).reduce((a, b) =>
            b.scrollWidth > a.scrollWidth ? b : a,
          );
          const head = wrap.querySelector('th.ph') as HTMLElement;
          const before = head.getBoundingClientRect().left;
          wrap.scrollLeft = 400;
          return {
            scrollW: de.scrollWidth,
            clientW: de.clientWidth,
            wide,
            scrolls: wrap.scrollWidth > wrap.clientWidth,
            moved: wrap.scrollLeft,
            pinned: Math.abs(head.getBoundingClientRect().left - before) < 1,
          };
        });
        assert.equal(m.scrollW, m.clientW, `${width}px: the page scrolls sideways (${m.wide.join(', ')})`);
        // at 1200 px the widest matrix may fit; narrower, it scrolls inside its box with the problem column pinned
        if (width <= 900) {
          assert.ok(m.scrolls && m.moved > 0, `${width}px: the matrix scrolls inside its own box`);
          assert.ok(m.pinned, `${width}px: the problem column stays in view`);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
