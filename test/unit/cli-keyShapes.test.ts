// The CLI on made-up folders of other key shapes, as a subprocess: a table
// key (generic criteria, ids Q1/L1) and a scenario rubric paired by
// '<!-- answer-key: ../rubric.md#T01 -->' (weighted, '/ max × 10').
// Runs the TypeScript entry point, so it tests this tree, not a stale build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const DIR = 'test/fixtures/keyShapes';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
  return r;
}

test('grade --format json on a table key: ids as written, classic arithmetic, tags on Q2 count', () => {
  const r = cli('grade', `${DIR}/table/results/v001-baseline-run1.md`, `${DIR}/table/results/v001-baseline-run2.md`, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const [one, two] = JSON.parse(r.stdout).reviews;
  assert.deepEqual(
    one.problems.map((p: { id: string }) => p.id),
    ['Q1', 'Q2', 'L1', 'L2'],
  );
  assert.equal(one.score.detection, 2);
  assert.equal(one.score.detectionMax, 4);
  assert.equal(one.score.detectionRule, undefined);
  const q2 = two.problems.find((p: { id: string }) => p.id === 'Q2');
  assert.deepEqual([q2.verdict, q2.source], ['partial', 'tag']);
  assert.equal(two.score.detection, 2.5);
});

test('grade text on a table key says the generic criteria apply', () => {
  const r = cli('grade', `${DIR}/table/results/v001-terse-run1.md`);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /key: .*table\/answer-key\.md, 4 problems/);
  assert.match(r.stdout, /generic ○\/△\/× definitions apply/);
});

test('grade on a scenario: the link’s #T01 picks the scenario, detection by the weighted rule', () => {
  const r = cli(
    'grade',
    `${DIR}/scenario/results/v001-baseline-run1.md`,
    `${DIR}/scenario/results/v002-baseline-run1.md`,
    '--format',
    'json',
  );
  assert.equal(r.status, 0, r.stderr);
  const [t1, t2] = JSON.parse(r.stdout).reviews;
  assert.match(t1.key, /rubric\.md#T01$/);
  assert.deepEqual(
    t1.problems.map((p: { id: string }) => p.id),
    ['T01-C1', 'T01-C2', 'T01-C3'],
  );
  // C1 ○ (weight 2), C2 △ by tag (weight 1), C3 ×: (4 + 1) / 8 × 10
  assert.equal(t1.score.detection, 6.25);
  assert.equal(t1.score.detectionMax, 10);
  assert.match(t1.score.detectionRule, /○ 2, △ 1, × 0 × the item’s weight, summed, \/ max \(8\) × 10/);
  assert.match(t2.key, /rubric\.md#T02$/);
  assert.equal(t2.score.detection, 6.67);
  const text = cli('grade', `${DIR}/scenario/results/v001-baseline-run1.md`);
  assert.match(text.stdout, /score: detection 6\.25 \+ bonus 0 − penalty 0 = 6\.25\n {2}detection by the key's rule: ○ 2/);
});

test('grade --key rubric.md#T02 grades against that scenario', () => {
  const r = cli('grade', `${DIR}/scenario/results/v002-baseline-run1.md`, '--key', `${DIR}/scenario/rubric.md#T02`, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    JSON.parse(r.stdout).reviews[0].problems.map((p: { id: string }) => p.id),
    ['AK-T02-01', 'AK-T02-02'],
  );
});

test('report on a scenario states the key’s rule; on a table key, the generic criteria', () => {
  const r = cli('report', `${DIR}/scenario/results/v001-baseline-run1.md`, `${DIR}/scenario/results/v001-baseline-run2.md`);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Graded by review-grader: detection by the key's rule: ○ 2, △ 1, × 0 × the item’s weight/);
  assert.match(r.stdout, /\| Run 1 \| 6\.25 \| \+0 \| −0 \| 6\.25 \|/);
  assert.match(r.stdout, /\| Run 2 \| 2\.5 \|/);
  const t = cli('report', `${DIR}/table/results/v001-baseline-run1.md`);
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout, /○ detected 1, △ partial 0\.5, × missed 0/);
  assert.match(t.stdout, /generic ○\/△\/× definitions apply/);
});

test('dashboard --format json: a scenario folder (rule, #T01/#T02 per round) and a table-key folder', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'rg-shapes-')), 'd.json');
  const r = cli('dashboard', `${DIR}/scenario`, '--format', 'json', '-o', out);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(
    j.rounds.map((x: { key: string }) => x.key.replace(/.*\//, '')),
    ['rubric.md#T01', 'rubric.md#T02'],
  );
  assert.deepEqual(j.rounds[0].variants[0].scores, [6.25, 2.5]);
  assert.equal(j.rounds[0].detectionMax, 10);
  assert.match(j.rounds[0].detectionRule, /× the item’s weight/);
  const t = cli('dashboard', `${DIR}/table`, '--format', 'json');
  assert.equal(t.status, 0, t.stderr);
  const tj = JSON.parse(t.stdout);
  const round = tj.rounds[0];
  assert.equal(round.detectionRule, undefined);
  assert.equal(round.genericCriteria, true);
  assert.deepEqual(
    round.variants.map((v: { variant: string; scores: number[] }) => [v.variant, v.scores]),
    [
      ['baseline', [2, 2.5]],
      ['terse', [1]],
    ],
  );
  assert.equal(round.recommendation.winner, 'baseline');
});

test('report -o onto the scenario rubric it read is refused (the key path carries #T01)', () => {
  const r = cli('report', `${DIR}/scenario/results/v001-baseline-run1.md`, '-o', `${DIR}/scenario/rubric.md`, '--force');
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stderr, /refusing to overwrite input .*rubric\.md/);
});
