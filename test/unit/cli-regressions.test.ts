// Regressions found by using the CLI like a prompt engineer: outputs that
// clobbered inputs, key discovery from inside results/, odd option values,
// and grading tags that named problems the key does not have.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { gradeReview } from '../../src/core/grade';

const CLI = resolve('dist/cli.js');
const EXAMPLE = resolve('examples/order-service');

before(() => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd });
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
  return r;
}
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A copy of the bundled example: perspective folder with key, results/ and two runs. */
function exampleCopy(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'rg-reg-'));
  mkdirSync(join(tmp, 'results'));
  copyFileSync(join(EXAMPLE, 'answer-key-round-001.md'), join(tmp, 'answer-key-round-001.md'));
  for (const n of ['v001-baseline-run1.md', 'v001-baseline-run2.md']) copyFileSync(join(EXAMPLE, 'results', n), join(tmp, 'results', n));
  return tmp;
}

test('report -o refuses every input however it is spelled: ./run, the key, the judge report, a symlink, an absolute path', () => {
  const tmp = exampleCopy();
  const judge = join(tmp, 'results/v001-baseline-scoring.md');
  writeFileSync(judge, '# Scoring\n\n| Problem | Run1 | Run2 |\n|---|---|---|\n| P01 | ○ | ○ |\n');
  symlinkSync('results/v001-baseline-run2.md', join(tmp, 'link.md'));
  const inputs = [
    'answer-key-round-001.md',
    'results/v001-baseline-run1.md',
    'results/v001-baseline-run2.md',
    'results/v001-baseline-scoring.md',
  ];
  const before = inputs.map((f) => sha(join(tmp, f)));
  const runs = ['results/v001-baseline-run1.md', 'results/v001-baseline-run2.md', '--judge', 'results/v001-baseline-scoring.md'];
  for (const out of [
    './results/v001-baseline-run1.md',
    'answer-key-round-001.md',
    'results/v001-baseline-scoring.md',
    'link.md',
    join(tmp, 'results/v001-baseline-run2.md'),
  ]) {
    const r = cli(tmp, 'report', ...runs, '-o', out);
    assert.equal(r.status, 2, `-o ${out}: ${r.stderr}`);
    assert.match(r.stderr, /refusing to overwrite input/);
  }
  assert.deepEqual(
    inputs.map((f) => sha(join(tmp, f))),
    before,
  );
  // a new file is still written
  const ok = cli(tmp, 'report', ...runs, '-o', 'out.md');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(readFileSync(join(tmp, 'out.md'), 'utf8'), /# Scoring Report: v001-baseline/);
});

test('dashboard -o refuses to overwrite a review or key it read', () => {
  const tmp = exampleCopy();
  const before = sha(join(tmp, 'results/v001-baseline-run1.md'));
  for (const out of ['results/v001-baseline-run1.md', 'answer-key-round-001.md']) {
    const r = cli(tmp, 'dashboard', '.', '-o', out);
    assert.equal(r.status, 2, `-o ${out}: ${r.stderr}`);
    assert.match(r.stderr, /refusing to overwrite input/);
  }
  assert.equal(sha(join(tmp, 'results/v001-baseline-run1.md')), before);
  assert.match(readFileSync(join(tmp, 'answer-key-round-001.md'), 'utf8'), /P01/);
});

test('from inside results/, a bare or ./ run name still finds ../answer-key-round-NNN.md', () => {
  const tmp = exampleCopy();
  for (const name of ['v001-baseline-run1.md', './v001-baseline-run1.md']) {
    const r = cli(join(tmp, 'results'), 'grade', name, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).reviews[0].key, '../answer-key-round-001.md');
  }
});

test('--bonus-cap with an empty or blank value is a usage error, not a cap of 0', () => {
  const tmp = exampleCopy();
  for (const v of ['', ' ']) {
    const r = cli(tmp, 'grade', 'results/v001-baseline-run1.md', '--bonus-cap', v);
    assert.equal(r.status, 2, `'${v}': ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /--bonus-cap takes a whole number/);
  }
  assert.equal(cli(tmp, 'grade', 'results/v001-baseline-run1.md', '--bonus-cap', '0').status, 0);
});

test('an unknown command lists every command, dashboard included', () => {
  const r = cli(process.cwd(), 'frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /dashboard/);
});

test('a grading tag naming a problem the key lacks is reported at its line, not dropped silently', () => {
  const key = parseAnswerKey(readFileSync(join(EXAMPLE, 'answer-key-round-001.md'), 'utf8'), 'answer-key-round-001.md');
  const text = '# Review\n\n### C1: Timeouts\n<!-- grade: P99 ○, P01 △ -->\nPayment calls have no timeout.\n';
  const g = gradeReview(key, parseReview(text, 'v001-x-run1.md'));
  const d = g.gradingDiagnostics.filter((x) => x.code === 'unknown-tag-id');
  assert.equal(d.length, 1);
  assert.equal(d[0].line, 4);
  assert.match(d[0].message, /P99/);
  assert.equal(g.problems.find((p) => p.id === 'P01')?.verdict, 'partial');
  // and the CLI prints it as file:line, and lists it in the JSON
  const tmp = exampleCopy();
  writeFileSync(join(tmp, 'results/v001-baseline-run1.md'), text);
  const r = cli(tmp, 'grade', 'results/v001-baseline-run1.md', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /results\/v001-baseline-run1\.md:4:1: warning \[unknown-tag-id\]/);
  assert.ok(
    JSON.parse(r.stdout).reviews[0].diagnostics.some(
      (x: { code: string; file: string }) => x.code === 'unknown-tag-id' && x.file === 'results/v001-baseline-run1.md',
    ),
  );
});

test('a review passed as --key, or a scoring report passed as a review, is a usage error (exit 2)', () => {
  const tmp = exampleCopy();
  writeFileSync(join(tmp, 'results/v001-baseline-scoring.md'), '# Scoring\n\n| P01 | ○ |\n');
  const asKey = cli(tmp, 'grade', '--key', 'results/v001-baseline-run2.md', 'results/v001-baseline-run1.md');
  assert.equal(asKey.status, 2, asKey.stderr);
  assert.match(asKey.stderr, /v001-baseline-run2\.md: no problems found/);
  const asReview = cli(tmp, 'grade', 'results/v001-baseline-scoring.md');
  assert.equal(asReview.status, 2, asReview.stderr);
  assert.match(asReview.stderr, /scoring report, not a review run; pass it with --judge/);
});

test("a review-level tag is not shown with the matcher's guess as its evidence", () => {
  const tmp = exampleCopy();
  const run = join(tmp, 'results/v001-baseline-run2.md');
  writeFileSync(run, `${readFileSync(run, 'utf8')}\n<!-- grade: P02 △ -->\n`);
  const r = cli(tmp, 'grade', run);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /P02 △ partial\s+tag\s+review tag\s/);
  const report = cli(tmp, 'report', run);
  assert.match(report.stdout, /P02 △ \(0\.5\) — tagged for the whole review/);
});
