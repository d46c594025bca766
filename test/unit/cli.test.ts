// The CLI contract: exit codes, one-line messages naming the file, JSON shape,
// key discovery, and that no input file is ever changed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const CLI = resolve('dist/cli.js');
const CORPUS = resolve('../shared/corpus');
const EXAMPLE = resolve('examples/order-service');

before(() => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
  return r;
}
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

test('grade --format json prints one object in the contract shape', () => {
  const run1 = join(EXAMPLE, 'results/v001-baseline-run1.md');
  const r = cli('grade', run1, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.reviews.length, 1);
  const rev = out.reviews[0];
  assert.equal(rev.path, run1);
  assert.match(rev.key, /answer-key-round-001\.md$/);
  assert.equal(rev.problems.length, 4);
  for (const p of rev.problems) {
    assert.match(p.id, /^P\d\d$/);
    assert.ok(['detected', 'partial', 'missed'].includes(p.verdict));
    assert.equal(p.credit, { detected: 1, partial: 0.5, missed: 0 }[p.verdict as string]);
    assert.ok(['tag', 'auto', 'judge'].includes(p.source));
    assert.ok(p.confidence >= 0 && p.confidence <= 1);
    for (const f of p.findings) assert.equal(typeof f.line, 'number');
  }
  // the human tag on C1 wins and is reported as such
  assert.equal(rev.problems[0].source, 'tag');
  assert.equal(rev.problems[0].verdict, 'detected');
  for (const k of ['detection', 'bonus', 'penalty', 'total']) assert.equal(typeof rev.score[k], 'number');
  assert.ok(Array.isArray(rev.bonus) && Array.isArray(rev.unmatched));
});

test('--auto-only ignores tags', () => {
  const r = cli('grade', join(EXAMPLE, 'results/v001-baseline-run1.md'), '--format', 'json', '--auto-only');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).reviews[0].problems.every((p: { source: string }) => p.source === 'auto'));
});

test('text output ends each review with a score line', () => {
  const r = cli('grade', join(EXAMPLE, 'results/v001-baseline-run1.md'), join(EXAMPLE, 'results/v001-baseline-run2.md'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stdout.match(/score: detection .* = /g) ?? []).length, 2);
});

test('the key is found by the corpus naming conventions, both layouts', () => {
  const a = cli('grade', join(CORPUS, 'reliability-design/results/v007-baseline-run1.md'), '--format', 'json');
  assert.equal(a.status, 0, a.stderr);
  assert.match(JSON.parse(a.stdout).reviews[0].key, /reliability-design\/answer-key-round-007\.md$/);
  const b = cli('grade', join(CORPUS, 'security-design-reviewer/results/v001-baseline-doc2-run1.md'), '--format', 'json');
  assert.equal(b.status, 0, b.stderr);
  assert.match(JSON.parse(b.stdout).reviews[0].key, /answer-key-2\.md$/);
});

test('--judge ranks the judge above auto and keeps both', () => {
  const dir = join(CORPUS, 'reliability-design/results');
  const r = cli('grade', join(dir, 'v007-baseline-run1.md'), '--judge', join(dir, 'v007-baseline-scoring.md'), '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const problems = JSON.parse(r.stdout).reviews[0].problems;
  assert.ok(problems.every((p: { source: string }) => p.source === 'judge'));
  assert.equal(problems.find((p: { id: string }) => p.id === 'P03').verdict, 'missed');
});

test('bad input: exit 2 and one line naming the file, never a trace', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rg-'));
  const binary = join(tmp, 'v001-a-run1.md');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  const cases: [string[], RegExp][] = [
    [['grade', join(tmp, 'missing.md')], /missing\.md: no such file/],
    [['grade', tmp], /is a directory/],
    [['grade', '--key', join(EXAMPLE, 'answer-key-round-001.md'), binary], /binary/],
    [['grade', join(tmp, 'notes.md')], /notes\.md/],
    [['grade', '--format', 'xml', binary], /--format/],
    [['grade'], /no review file/],
    [['frobnicate'], /unknown command/],
    [['grade', '--nope', binary], /--nope/],
  ];
  writeFileSync(join(tmp, 'notes.md'), '# notes\n');
  for (const [args, message] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('an empty review and odd line ends grade without error, and inputs stay unchanged', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rg-'));
  mkdirSync(join(tmp, 'results'));
  copyFileSync(join(EXAMPLE, 'answer-key-round-001.md'), join(tmp, 'answer-key-round-001.md'));
  const body = readFileSync(join(EXAMPLE, 'results/v001-baseline-run1.md'), 'utf8');
  const files = {
    'v001-empty-run1.md': '',
    'v001-crlf-run1.md': `\uFEFF${body.replace(/\n/g, '\r\n')}`,
    'v001-cr-run1.md': body.replace(/\n/g, '\r'),
    'v001-latin1-run1.md': Buffer.from([0x23, 0x20, 0xe9, 0xe8, 0x0a]),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(tmp, 'results', name), content);
  const paths = Object.keys(files).map((n) => join(tmp, 'results', n));
  const before = paths.map(sha);
  const r = cli('grade', ...paths, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).reviews.length, 4);
  assert.match(r.stderr, /invalid UTF-8/);
  assert.deepEqual(paths.map(sha), before);
});

test('lint exits 1 with file:line messages on a broken key, 0 on a clean one', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'rg-'));
  const broken = join(tmp, 'answer-key-round-001.md');
  const text = readFileSync(join(EXAMPLE, 'answer-key-round-001.md'), 'utf8').replace('### P03:', '### P02:');
  writeFileSync(broken, text);
  const bad = cli('lint', broken);
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\w+ \\[duplicate-id\\]`));
  const good = cli('lint', join(EXAMPLE, 'answer-key-round-001.md'));
  assert.equal(good.status, 0, good.stdout + good.stderr);
});

test('audit flags a judge report whose stated subtotal disagrees with its verdicts', () => {
  const dir = join(CORPUS, 'reliability-design/results');
  const r = cli('audit', join(dir, 'v001-baseline-scoring.md'), join(dir, 'v007-baseline-scoring.md'));
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
});

test('report renders a variant with matrix, totals and mean/SD', () => {
  const r = cli('report', join(EXAMPLE, 'results/v001-baseline-run1.md'), join(EXAMPLE, 'results/v001-baseline-run2.md'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /# Scoring Report: v001-baseline/);
  assert.match(r.stdout, /\| P01: .* \| ○ tag \|/);
  assert.match(r.stdout, /\*\*Mean\*\*: /);
  assert.match(r.stdout, /Stability/);
});
