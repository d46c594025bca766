// The round dashboard: the pure view model on hand-made runs, then the real
// page — CLI on a corpus perspective, opened in Chromium, its matrix checked
// against `grade --format json`, tooltips, keyboard, and screenshots to media/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildPerspective, renderDashboardPage } from '../../src/core/dashboard';
import { key, run } from '../fixtures/dashboard/graded';

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
    assert.deepEqual(r.columns.map((c) => `${c.variant}/${c.run}`), ['baseline/1', 'baseline/2', 'variant-b/1', 'variant-b/2']);
    assert.deepEqual(r.cells.map((row) => row.map((c) => c.verdict[0]).join('')), ['dddd', 'dddd', 'pddd', 'mmdp']);
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
    assert.match(r.verdictSentence, /^Adopt variant-b: mean gap 1\.75 > 1\.0/);
    assert.equal(r.variants[1].bonusCount, 3);
  });

  test('every figure says what it sums', () => {
    assert.match(r.columns[0].tip, /detection 2\.5 = 2 ○ × 1 \+ 1 △ × 0\.5/);
    assert.match(r.columns[2].tip, /total 5 = 4 \+ 1 − 0/);
    assert.match(r.variants[0].meanTip, /mean of 2 run totals \(2\.5, 3\) = 2\.75/);
    assert.match(r.cells[1][2].tip, /judge: ○ detected/);
    assert.match(r.cells[1][2].tip, /auto: △ partial/);
  });

  test('history: convergence over best means, detection rate by category', () => {
    const rounds = [5, 5.25, 5.5].flatMap((m, i) => [1, 2].map((n) => run(k, { round: i + 2, variant: 'baseline', run: n, marks: '○○○○', bonus: (m - 4) * 2 })));
    const h = buildPerspective({ name: 'p', runs: rounds });
    assert.equal(h.series.length, 1);
    assert.deepEqual(h.series[0].improvements, [0.25, 0.25]);
    assert.equal(h.series[0].converged, true);
    assert.match(h.series[0].sentence, /May have converged/);
    const fault = view.categories.find((c) => c.category === 'Fault');
    assert.deepEqual([fault?.credit, fault?.count], [8, 8]);
    const data = view.categories.find((c) => c.category === 'Data');
    assert.equal(data?.byRound[r.id].partial, 1);
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
});

// ------------------------------------------------------------------ browser

const CLI = process.env.REVIEW_GRADER_CLI ?? resolve('dist/cli.js'); // override: test a CLI bundle elsewhere
const CORPUS = path();
const PERSPECTIVE = 'reliability-design';
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function path(): string {
  return resolve(process.cwd(), '../shared/corpus');
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return r;
}

describe('dashboard page in Chromium', { skip: !existsSync(CHROMIUM) && 'no /usr/bin/chromium' }, () => {
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
      page.on('request', (req) => { if (!req.url().startsWith('file:')) failed.push(req.url()); });
      page.on('pageerror', (e) => failed.push(String(e)));
      await page.goto(pathToFileURL(out).href);

      // The page's matrix for round 1 against the CLI's own JSON for the same runs (judge report included).
      const results = join(CORPUS, PERSPECTIVE, 'results');
      const variants = readdirSync(results).filter((f) => /^v001-.*-scoring\.md$/.test(f)).map((f) => f.slice(5, -'-scoring.md'.length));
      let checked = 0;
      for (const v of variants) {
        const runs = readdirSync(results).filter((f) => f.startsWith(`v001-${v}-run`)).map((f) => join(results, f));
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
          const total = await page.$eval(`#${PERSPECTIVE}-r1 .variants tr[data-variant="${v}"] .run-score >> nth=${review.run - 1}`, (e) => e.textContent);
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
        document.addEventListener('review-grader:cell', (e) => { (window as unknown as { last: unknown }).last = (e as CustomEvent).detail; });
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
      const idx = await rounds.evaluateAll((els) => Math.max(0, els.findIndex((e) => e.querySelectorAll('th.vg').length >= 3)));
      await rounds.nth(idx).screenshot({ path: join(shots, 'dashboard-round.png') });
      await page.locator('section.history').first().screenshot({ path: join(shots, 'dashboard-history.png') });
    } finally {
      await browser.close();
    }
  });
});
