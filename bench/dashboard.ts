// Dashboard bars: for every perspective of the shared corpus, the time to
// grade its runs, the time to build + render the page, and the page's size.
// Bars: the page for a perspective builds + renders in under 1 s and is under
// 2 MB. Grading (parse + match, shared with `grade`) is timed beside it.
// Also counts, on the judges' figures, the rounds whose recommendation the
// signed-gap rubric changes against the old |gap| rule (issue 7, item 1).
// Run: npx tsx bench/dashboard.ts
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadPerspective, perspectiveFolders } from '../src/cli/commands/dashboard';
import { buildPerspective, renderDashboardPage, type PerspectiveView } from '../src/core/dashboard';
import { recommendRound, round, summarizeVariant, type VariantSummary } from '../src/core/score';
import { chromiumFlags, chromiumPath } from '../scripts/chromium.mjs';

/** The rule before issue 7: |gap|, ties on SD keep the baseline, first-highest mean wins. Kept here only to count the change. */
function oldRecommendRound(base: VariantSummary, variants: VariantSummary[]): string {
  const one = (v: VariantSummary) => {
    const gap = round(Math.abs(v.mean - base.mean));
    if (gap > 1.0) return v.mean > base.mean ? v : base;
    if (gap >= 0.5) return v.sd < base.sd ? v : base;
    return base;
  };
  const hit = [...variants].sort((a, b) => b.mean - a.mean).find((v) => one(v) === v);
  return hit ? hit.variant : base.variant;
}

interface Changed {
  where: string;
  old: string;
  now: string;
  why: string;
}
/** Rounds compared, and those whose winner differs; `stated`: use the judge's stated run totals instead of ours. */
function rubricChanges(view: PerspectiveView, stated: boolean): { rounds: number; pairs: number; pairChanged: number; changed: Changed[] } {
  let rounds = 0;
  let pairs = 0;
  let pairChanged = 0;
  const changed: Changed[] = [];
  for (const r of view.rounds) {
    const sums = r.variants.map((v) => {
      const totals = v.columns.map((i) => (stated ? r.columns[i].judge?.total : r.columns[i].score.total));
      return { v, totals };
    });
    if (stated && sums.some((x) => x.totals.some((t) => t === undefined))) continue;
    const summaries = sums.map((x) => ({ base: x.v.isBaseline, s: summarizeVariant(x.v.summary.variant, x.totals as number[]) }));
    const base = summaries.find((x) => x.base)?.s;
    const others = summaries.filter((x) => !x.base).map((x) => x.s);
    if (!base || others.length === 0) continue;
    rounds++;
    const old = oldRecommendRound(base, others);
    const rec = recommendRound(base, others);
    for (const v of others) {
      pairs++;
      if (oldRecommendRound(base, [v]) !== recommendRound(base, [v]).winner) pairChanged++;
    }
    if (old !== rec.winner) changed.push({ where: `${view.name} ${r.label}`, old, now: rec.winner, why: rec.reason });
  }
  return { rounds, pairs, pairChanged, changed };
}

const corpus = resolve(process.cwd(), '../shared/corpus');
const warnings: string[] = [];
const rows: string[][] = [['perspective', 'runs', 'grade ms', 'render ms', 'total ms', 'size KB', 'browser ms', 'bars']];
let ok = true;
// The page as a person sees it: time from navigation to the load event in Debian's Chromium.
const launch = () =>
  chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', ...chromiumFlags],
  });
let browser: Awaited<ReturnType<typeof launch>> | undefined;
const tmp = mkdtempSync(join(tmpdir(), 'rg-dash-'));
async function browserLoad(html: string): Promise<string> {
  if (!browser) return 'n/a';
  const file = join(tmp, 'page.html');
  writeFileSync(file, html);
  const page = await browser.newPage();
  const t0 = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const ms = performance.now() - t0;
  await page.close();
  return ms.toFixed(0);
}
async function main(): Promise<void> {
  browser = existsSync(chromiumPath) ? await launch() : undefined;
  const rubric = {
    ours: { rounds: 0, pairs: 0, pairChanged: 0, changed: [] as Changed[] },
    stated: { rounds: 0, pairs: 0, pairChanged: 0, changed: [] as Changed[] },
  };
  for (const dir of perspectiveFolders(corpus)) {
    const t0 = performance.now();
    const input = loadPerspective(dir, { judge: true }, (w) => warnings.push(w));
    const t1 = performance.now();
    // Render a few times and take the best: the first pass includes JIT warm-up.
    let html = '';
    let render = Infinity;
    for (let i = 0; i < 3; i++) {
      const r0 = performance.now();
      html = renderDashboardPage([buildPerspective(input)], { nonce: 'bench', cellLink: (t) => ({ href: t.path }) });
      render = Math.min(render, performance.now() - r0);
    }
    const size = Buffer.byteLength(html);
    for (const kind of ['ours', 'stated'] as const) {
      const c = rubricChanges(buildPerspective(input), kind === 'stated');
      rubric[kind].rounds += c.rounds;
      rubric[kind].pairs += c.pairs;
      rubric[kind].pairChanged += c.pairChanged;
      rubric[kind].changed.push(...c.changed);
    }
    const total = t1 - t0 + render;
    const load = await browserLoad(html);
    const pass = render < 1000 && size < 2 * 1024 * 1024 && (load === 'n/a' || Number(load) < 1000);
    ok &&= pass;
    rows.push([
      input.name,
      String(input.runs.length),
      (t1 - t0).toFixed(0),
      render.toFixed(1),
      total.toFixed(0),
      (size / 1024).toFixed(0),
      load,
      pass ? 'ok' : 'OVER',
    ]);
  }
  await browser?.close();
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (warnings.length) console.log(`${warnings.length} warning(s), first: ${warnings[0]}`);
  for (const [kind, label] of [
    ['ours', "figures from the judges' verdicts and counts"],
    ['stated', "the judges' own stated run totals"],
  ] as const) {
    const c = rubric[kind];
    console.log(
      `rubric: ${c.changed.length} of ${c.rounds} rounds (${c.pairChanged} of ${c.pairs} baseline-vs-variant pairs) change recommendation, |gap| rule → signed gap (${label})`,
    );
    for (const x of c.changed) console.log(`  ${x.where}: ${x.old} → ${x.now} (${x.why})`);
  }
  console.log(ok ? 'every perspective renders within 1 s and 2 MB' : 'some perspective is over a bar');
  process.exitCode = ok ? 0 : 1;
}

void main();
