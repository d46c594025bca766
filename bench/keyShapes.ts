// Key shapes end to end: the made-up table-key folders (English and
// Japanese, generic criteria) and the scenario rubric in
// test/fixtures/keyShapes, graded through the built CLI (`grade --format
// json`, `dashboard --format json`) and checked against the verdicts and
// subtotals they were written to yield. Prints one line per folder.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CLI = existsSync('dist/cli.js') ? ['dist/cli.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
const DIR = 'test/fixtures/keyShapes';
const MARK: Record<string, string> = { detected: '○', partial: '△', missed: '×' };

interface Folder {
  name: string;
  runs: Record<string, string>;
  detection: Record<string, number>;
  rule: boolean;
}
const FOLDERS: Folder[] = [
  {
    name: 'table',
    rule: false,
    runs: { 'v001-baseline-run1.md': '○××○', 'v001-baseline-run2.md': '×△○○', 'v001-terse-run1.md': '○×××' },
    detection: { 'v001-baseline-run1.md': 2, 'v001-baseline-run2.md': 2.5, 'v001-terse-run1.md': 1 },
  },
  { name: 'table-ja', rule: false, runs: { 'v001-baseline-run1.md': '×○○' }, detection: { 'v001-baseline-run1.md': 2 } },
  {
    name: 'scenario',
    rule: true,
    runs: { 'v001-baseline-run1.md': '○△×', 'v001-baseline-run2.md': '××○', 'v002-baseline-run1.md': '○×' },
    detection: { 'v001-baseline-run1.md': 6.25, 'v001-baseline-run2.md': 2.5, 'v002-baseline-run1.md': 6.67 },
  },
];

function cli(...args: string[]): unknown {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`review-grader ${args.join(' ')}: exit ${r.status}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

let failed = 0;
for (const f of FOLDERS) {
  const files = Object.keys(f.runs).map((n) => join(DIR, f.name, 'results', n));
  const t0 = performance.now();
  const graded = cli('grade', ...files, '--format', 'json') as {
    reviews: { path: string; problems: { verdict: string }[]; score: { detection: number; detectionRule?: string } }[];
  };
  const dash = cli('dashboard', join(DIR, f.name), '--format', 'json') as {
    rounds: { detectionRule?: string; genericCriteria?: boolean }[];
  };
  const ms = performance.now() - t0;
  let verdicts = 0;
  let right = 0;
  let subtotals = 0;
  for (const r of graded.reviews) {
    const name = r.path.slice(r.path.lastIndexOf('/') + 1);
    const want = [...f.runs[name]];
    r.problems.forEach((p, i) => {
      verdicts++;
      if (MARK[p.verdict] === want[i]) right++;
    });
    if (r.score.detection === f.detection[name] && Boolean(r.score.detectionRule) === f.rule) subtotals++;
  }
  const stated = dash.rounds.every((x) => Boolean(x.detectionRule) === f.rule && Boolean(x.genericCriteria) === !f.rule);
  const ok = right === verdicts && subtotals === graded.reviews.length && stated;
  if (!ok) failed++;
  console.log(
    `key shapes ${f.name}: ${graded.reviews.length} runs, verdicts ${right}/${verdicts}, detection subtotals ${subtotals}/${graded.reviews.length}` +
      ` (${f.rule ? "the key's weighted rule" : 'classic, generic criteria'}), dashboard states it: ${stated ? 'yes' : 'NO'}; ${ms.toFixed(0)} ms${ok ? '' : '  ← FAIL'}`,
  );
}
process.exit(failed ? 1 : 0);
