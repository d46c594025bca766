// Dashboard bars: for every perspective of the shared corpus, the time to
// grade its runs, the time to build + render the page, and the page's size.
// Bars: the page for a perspective builds + renders in under 1 s and is under
// 2 MB. Grading (parse + match, shared with `grade`) is timed beside it.
// Run: npx tsx bench/dashboard.ts
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadPerspective, perspectiveFolders } from '../src/cli/commands/dashboard';
import { buildPerspective, renderDashboardPage } from '../src/core/dashboard';

const corpus = resolve(process.cwd(), '../shared/corpus');
const warnings: string[] = [];
const rows: string[][] = [['perspective', 'runs', 'grade ms', 'render ms', 'total ms', 'size KB', 'browser ms', 'bars']];
let ok = true;
// The page as a person sees it: time from navigation to the load event in Debian's Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launch = () => chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
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
    const total = t1 - t0 + render;
    const load = await browserLoad(html);
    const pass = render < 1000 && size < 2 * 1024 * 1024 && (load === 'n/a' || Number(load) < 1000);
    ok &&= pass;
    rows.push([input.name, String(input.runs.length), (t1 - t0).toFixed(0), render.toFixed(1), total.toFixed(0), (size / 1024).toFixed(0), load, pass ? 'ok' : 'OVER']);
  }
  await browser?.close();
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  if (warnings.length) console.log(`${warnings.length} warning(s), first: ${warnings[0]}`);
  console.log(ok ? 'every perspective renders within 1 s and 2 MB' : 'some perspective is over a bar');
  process.exitCode = ok ? 0 : 1;
}

void main();

