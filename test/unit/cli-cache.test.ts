// `--cache` (cli/cache.ts, core/cache.ts): a warm run prints the very bytes a
// cold run without the cache prints; a changed key, review, judge report,
// project setting or flag shows in the output; a corrupt entry, or a cache
// folder that is a symlink, is ignored, never a crash. Runs the CLI from
// source (tsx) as a subprocess in a made-up folder used as the working directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheId, entryText, readEntry, type CacheIdentity } from '../../src/core/cache';
import { parseReview } from '../../src/core/review';
import { runCli, writeFolder } from './cliHarness';

const KEY = `# Answer Key - Round 001

## Embedded Problem List

### P01: Lamp Controller Has No Watchdog
- **Severity**: Critical
- **Description**: The lamp controller loop hangs forever when the sensor bus stalls; nothing restarts it.
- **Detection Criteria**:
  - ○ (Detected): Names the missing watchdog on the lamp controller AND explains the stalled sensor bus hang
  - △ (Partial): Mentions controller hangs in general
  - × (Not Detected): No mention

### P02: Greenhouse Valve Opens Twice
- **Severity**: Significant
- **Description**: A repeated valve command waters the greenhouse twice because commands carry no sequence number.
- **Detection Criteria**:
  - ○ (Detected): Identifies duplicate valve commands AND proposes a sequence number
  - △ (Partial): Mentions duplicate commands in general
  - × (Not Detected): No mention
`;

const REVIEW = `# Review: Greenhouse

## Critical Issues

#### C1: Lamp controller has no watchdog
The lamp controller loop hangs when the sensor bus stalls and nothing restarts it. Add a hardware watchdog.

## Moderate Issues

#### M1: Greenhouse dashboard colours
The dashboard uses red and green only, which colour-blind staff cannot tell apart.

#### M2: Log rotation missing
Controller logs grow without bound on the SD card.
`;

const JUDGE = `# Scoring: v001-base

## Run 1
- P01: ○
- P02: ×
`;

function folder(): string {
  return writeFolder('rg-cache-', {
    'house/answer-key-round-001.md': KEY,
    'house/results/v001-base-run1.md': REVIEW,
    'house/results/v001-base-scoring.md': JUDGE,
  });
}

function cli(cwd: string, ...args: string[]) {
  const r = runCli(cwd, ...args);
  assert.equal(r.status, 0, r.stderr);
  return r;
}

const GRADE = ['grade', 'house/results/v001-base-run1.md', '--format', 'json', '--judge', 'auto'];
const DASHBOARD = ['dashboard', 'house', '--format', 'json'];
const entries = (dir: string) => readdirSync(join(dir, '.review-grader-cache'));

/** Cold without the cache, then cold and warm with it: all three the same bytes. */
function sameThrice(dir: string, args: string[]): string {
  const plain = cli(dir, ...args);
  const cold = cli(dir, ...args, '--cache');
  const warm = cli(dir, ...args, '--cache');
  assert.equal(cold.stdout, plain.stdout, `${args[0]}: cold --cache as without it`);
  assert.equal(warm.stdout, plain.stdout, `${args[0]}: warm --cache as without it`);
  assert.equal(warm.stderr, plain.stderr);
  return plain.stdout;
}

test('a warm --cache run prints the same bytes as a run without the cache (grade, dashboard)', () => {
  const dir = folder();
  sameThrice(dir, GRADE);
  assert.equal(entries(dir).length, 3, 'one entry each for the review, the key and the graded review');
  sameThrice(dir, DASHBOARD);
  assert.ok(entries(dir).length <= 4, 'the dashboard reads the same review and key entries');
  const located = cli(dir, ...GRADE, '--cache-location', 'elsewhere/c');
  assert.equal(readdirSync(join(dir, 'elsewhere/c')).length, 3, '--cache-location is the folder used');
  assert.equal(located.stdout, cli(dir, ...GRADE).stdout);
});

test('a changed key, review, judge report, project setting or flag shows through a warm cache', () => {
  for (const args of [GRADE, DASHBOARD]) {
    const dir = folder();
    let before = sameThrice(dir, args);
    const changes: [string, () => void][] = [
      ['key', () => writeFileSync(join(dir, 'house/answer-key-round-001.md'), KEY.replace(/### P01[\s\S]*?(?=### P02)/, ''))],
      ['judge', () => writeFileSync(join(dir, 'house/results/v001-base-scoring.md'), JUDGE.replace('P02: ×', 'P02: ○'))],
      [
        'review',
        () =>
          writeFileSync(
            join(dir, 'house/results/v001-base-run1.md'),
            `${REVIEW.replace('colours\n', 'colours\n<!-- grade: bonus -->\n')}\n<!-- grade: P02 × -->\n`,
          ),
      ],
      ['setting', () => writeFileSync(join(dir, '.review-grader.jsonc'), '{ "rubric": { "bonus": { "cap": 0 } } }\n')],
    ];
    for (const [what, change] of changes) {
      change();
      const after = sameThrice(dir, args);
      assert.notEqual(after, before, `${args[0]}: the ${what} change shows`);
      before = after;
    }
    const flagged = cli(dir, ...args, '--auto-only', '--cache');
    assert.notEqual(flagged.stdout, before, `${args[0]}: --auto-only shows`);
    assert.equal(flagged.stdout, cli(dir, ...args, '--auto-only').stdout);
  }
});

test('a corrupt or foreign cache entry is ignored and rebuilt, exit 0', () => {
  const dir = folder();
  const plain = sameThrice(dir, GRADE);
  const cache = join(dir, '.review-grader-cache');
  const names = entries(dir);
  const garbage = [Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]), '{"schema":1,"id":"x","kind":"review","value":{}}'];
  names.forEach((n, i) => writeFileSync(join(cache, n), garbage[i % garbage.length]));
  assert.equal(cli(dir, ...GRADE, '--cache').stdout, plain);
  for (const n of names) assert.equal(JSON.parse(readFileSync(join(cache, n), 'utf8')).schema, 1, `${n} rebuilt`);
  assert.equal(cli(dir, ...DASHBOARD, '--cache').stdout, cli(dir, ...DASHBOARD).stdout);
});

test('a cache folder that is a symlink or a file is not used: one warning, same output', () => {
  const dir = folder();
  const plain = cli(dir, ...GRADE).stdout;
  mkdirSync(join(dir, 'real'));
  symlinkSync(join(dir, 'real'), join(dir, 'link'));
  const linked = cli(dir, ...GRADE, '--cache-location', 'link');
  assert.equal(linked.stdout, plain);
  assert.match(linked.stderr, /link: is a symlink .*running without the cache/);
  assert.deepEqual(readdirSync(join(dir, 'real')), [], 'nothing written through the link');
  writeFileSync(join(dir, 'afile'), 'mine\n');
  const file = cli(dir, ...GRADE, '--cache-location', 'afile');
  assert.equal(file.stdout, plain);
  assert.match(file.stderr, /afile: is not a folder/);
  assert.equal(readFileSync(join(dir, 'afile'), 'utf8'), 'mine\n');
});

test('an entry id changes with every part of its identity; readEntry takes only its own entry', () => {
  const who: CacheIdentity = { kind: 'review', version: '0.1.0', build: 'b1', path: 'r.md', text: 'h' };
  const id = cacheId(who);
  assert.match(id, /^[0-9a-f]{64}$/);
  const variants: Partial<CacheIdentity>[] = [
    { kind: 'key' },
    { version: '0.2.0' },
    { build: 'b2' },
    { path: 'q.md' },
    { path: undefined },
    { scenario: 'T01' },
    { text: 'g' },
  ];
  for (const v of variants) assert.notEqual(cacheId({ ...who, ...v }), id, JSON.stringify(v));
  const review = parseReview(REVIEW, 'r.md');
  const text = entryText(id, 'review', review);
  assert.deepEqual(readEntry(text, id, 'review'), JSON.parse(JSON.stringify(review)));
  assert.equal(readEntry(text, cacheId({ ...who, build: 'b2' }), 'review'), undefined, 'another build');
  assert.equal(readEntry(text, id, 'key'), undefined, 'another kind');
  for (const bad of ['', 'null', '[]', '{"schema":1}', text.replace('"schema":1', '"schema":0'), text.slice(0, 40)])
    assert.equal(readEntry(bad, id, 'review'), undefined, bad);
  assert.equal(readEntry(JSON.stringify({ schema: 1, id, kind: 'graded', value: { problems: [] } }), id, 'graded'), undefined);
});
