// Speed: the CLI grading all labelled runs (one process per key) against
// remark-parse alone on the same files; and the core's per-review latency.
// The CLI runs on one thread by default; the `-j 2` line is the same run on
// both cores (worker threads). Wall times: on a machine other work keeps busy, the figures say
// little (the load average is printed next to them). Only this part:
// `npm run bench -- speed`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseAnswerKey } from '../src/core/answerKey';
import { parseReview } from '../src/core/review';
import { gradeReview } from '../src/core/grade';
import { corpusPath, labels } from './corpus';

const records = labels();
const byKey = new Map<string, string[]>();
for (const r of records) {
  const list = byKey.get(r.key);
  if (list) list.push(r.review);
  else byKey.set(r.key, [r.review]);
}
const files = [...new Set([...byKey.keys(), ...records.map((r) => r.review)])].map(corpusPath);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

// 1. remark-parse alone, in a fresh process per key like the CLI (fair: both pay start-up).
// Paired: for each key every variant runs back to back, so load that comes and goes on a shared
// machine weighs on all of them alike and the ratios hold better than the absolute times.
const remarkScript = `const {unified}=require('unified');const rp=require('remark-parse').default;const fs=require('fs');const p=unified().use(rp);for(const f of process.argv.slice(1))p.parse(fs.readFileSync(f,'utf8'));`;
type Variant = (key: string, reviews: string[]) => string[];
function timeProcesses(variants: Variant[]): number[] {
  const totals = variants.map(() => 0);
  for (const [key, reviews] of byKey) {
    variants.forEach((cmd, i) => {
      const args = cmd(corpusPath(key), reviews.map(corpusPath));
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      totals[i] += performance.now() - t0;
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    });
  }
  return totals;
}
const runs = 3;
const remarkTimes: number[] = [];
const cliTimes: number[] = [];
const twoThreadTimes: number[] = [];
const coldTimes: number[] = [];
const warmTimes: number[] = [];
const loadBefore = loadavg()[0];
for (let i = 0; i < runs; i++) {
  const grade: Variant = (key, reviews) => ['dist/cli.js', 'grade', '--key', key, '--format', 'json', ...reviews];
  // --cache: an empty cache folder (cold, a key's entries written), then the same key again (warm, entries read)
  const cache = mkdtempSync(join(tmpdir(), 'rg-bench-cache-'));
  const cached: Variant = (key, reviews) => [...grade(key, reviews), '--cache-location', cache];
  const [remark, cli, two, cold, warm] = timeProcesses([
    (key, reviews) => ['-e', remarkScript, key, ...reviews],
    grade,
    (key, reviews) => [...grade(key, reviews), '-j', '2'],
    cached,
    cached,
  ]);
  rmSync(cache, { recursive: true, force: true });
  remarkTimes.push(remark);
  cliTimes.push(cli);
  twoThreadTimes.push(two);
  coldTimes.push(cold);
  warmTimes.push(warm);
}

// 2. In-process: parse-only vs full grading per review.
const p = unified().use(remarkParse);
const t0 = performance.now();
for (const f of files) p.parse(readFileSync(f, 'utf8'));
const parseOnly = performance.now() - t0;
const keyCache = new Map<string, ReturnType<typeof parseAnswerKey>>();
const latencies: number[] = [];
for (const r of records) {
  const keyText = readFileSync(corpusPath(r.key), 'utf8');
  const reviewText = readFileSync(corpusPath(r.review), 'utf8');
  const s = performance.now();
  let key = keyCache.get(r.key);
  if (!key) keyCache.set(r.key, (key = parseAnswerKey(keyText, r.key)));
  gradeReview(key, parseReview(reviewText, r.review));
  latencies.push(performance.now() - s);
}

const remark = median(remarkTimes);
const cli = median(cliTimes);
const twoThreads = median(twoThreadTimes);
const load = Math.max(loadBefore, loadavg()[0]);
console.log(`speed (${records.length} runs, ${byKey.size} keys, ${files.length} files; median of ${runs})`);
console.log(
  `  machine                                 : ${availableParallelism()} cores, load average ${load.toFixed(1)}${load >= availableParallelism() ? ' (busy: wall times are not comparable)' : ''}`,
);
console.log(`  remark-parse alone, one process per key : ${remark.toFixed(0)} ms`);
console.log(`  review-grader grade, one process per key: ${cli.toFixed(0)} ms  (${(cli / remark).toFixed(2)}× remark; bar ≤ 3×)`);
console.log(`  the same with -j 2 (worker threads)      : ${twoThreads.toFixed(0)} ms  (${(twoThreads / remark).toFixed(2)}× remark)`);
const cold = median(coldTimes);
const warm = median(warmTimes);
console.log(
  `  grade --cache, cold / warm              : ${cold.toFixed(0)} / ${warm.toFixed(0)} ms  (${(cold / remark).toFixed(2)}× / ${(warm / remark).toFixed(2)}× remark; bars ≤ 1.0× / ≤ 0.25×)`,
);
console.log(`  in-process remark-parse of all files    : ${parseOnly.toFixed(0)} ms`);
console.log(
  `  core per review (parse + grade)         : p50 ${median(latencies).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, max ${latencies.reduce((a, b) => (b > a ? b : a), 0).toFixed(1)} ms`,
);
