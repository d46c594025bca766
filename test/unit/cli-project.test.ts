// The CLI reads the project file .review-grader.json(c) (cli/project.ts): a
// key pattern and a bonus cap set there take effect, --bonus-cap wins, and a
// broken file stops with file:line:col and no stack trace. Runs the CLI from
// source (tsx) in a made-up folder used as the working directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsFor } from '../../src/cli/project';
import { UsageError } from '../../src/cli/io';
import { PROJECT_KEY, PROJECT_REVIEW } from '../fixtures/project/round';
import { runCli, writeFolder } from './cliHarness';

const KEY = PROJECT_KEY;
const REVIEW = PROJECT_REVIEW;
const PROJECT = `// made-up project settings
{
  "keys": { "patterns": ["../keys/key-{round}.md"], },
  "rubric": { "bonus": { "cap": 1 } }, /* one bonus counts */
}
`;

const folder = (files: Record<string, string>) => writeFolder('rg-project-', files);
const cli = runCli;

const layout = (project: string) =>
  folder({
    '.review-grader.jsonc': project,
    'perspective/keys/key-001.md': KEY, // found only by the project file's pattern
    'perspective/results/v001-base-run1.md': REVIEW,
  });

test('grade finds the key by the project file pattern and scores with its bonus cap', () => {
  const dir = layout(PROJECT);
  const r = cli(dir, 'grade', 'perspective/results/v001-base-run1.md', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const rev = JSON.parse(r.stdout).reviews[0];
  assert.match(rev.key, /keys\/key-001\.md$/);
  assert.equal(rev.score.bonusCount, 3);
  assert.equal(rev.score.bonus, 0.5, 'cap 1: one bonus of 0.5 counts');
  assert.equal(rev.score.total, 1.5);
});

test('--bonus-cap wins over the project file', () => {
  const dir = layout(PROJECT);
  const r = cli(dir, 'grade', 'perspective/results/v001-base-run1.md', '--format', 'json', '--bonus-cap', '2');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).reviews[0].score.bonus, 1);
});

test('without a project file the key is not found by that pattern', () => {
  const dir = folder({ 'perspective/keys/key-001.md': KEY, 'perspective/results/v001-base-run1.md': REVIEW });
  const r = cli(dir, 'grade', 'perspective/results/v001-base-run1.md');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no answer key found/);
});

test('a broken project file: exit 2 with file:line:col, no stack trace, for grade, report, audit and dashboard', () => {
  const dir = layout('{\n  "rubric": { "bonus": { "cap": 1 } }\n  "keys": {}\n}\n');
  for (const args of [
    ['grade', 'perspective/results/v001-base-run1.md'],
    ['report', 'perspective/results/v001-base-run1.md'],
    ['audit', 'perspective/results/v001-base-scoring.md'],
    ['dashboard', 'perspective', '--format', 'json'],
  ]) {
    const r = cli(dir, ...args);
    assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
    assert.match(
      r.stderr,
      /^review-grader: \.review-grader\.jsonc:3:3: not valid JSON: expected ',' or '}' after the value of "rubric"$/m,
      args[0],
    );
    assert.equal(r.stdout, '', args[0]);
  }
});

test('a wrong setting is a warning with its line; the rest of the file applies', () => {
  const dir = layout('{\n  "keys": { "patterns": ["../keys/key-{round}.md"] },\n  "rubric": { "bonus": { "cap": "one" } }\n}\n');
  const r = cli(dir, 'grade', 'perspective/results/v001-base-run1.md', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /\.review-grader\.jsonc:3:\d+: warning \[project-setting\] "rubric\.bonus\.cap": expected a whole number/);
  assert.equal(JSON.parse(r.stdout).reviews[0].score.bonus, 1.5, 'the default cap (5)');
});

test('a project file above the working directory is not read', () => {
  const dir = layout(PROJECT);
  const r = cli(join(dir, 'perspective'), 'grade', 'results/v001-base-run1.md');
  assert.equal(r.status, 2, 'the pattern lives in the project file above the cwd');
  assert.match(r.stderr, /no answer key found/);
});

test('dashboard uses the project file for key patterns and the bonus cap', () => {
  const dir = layout(PROJECT);
  const r = cli(dir, 'dashboard', 'perspective', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const round = JSON.parse(r.stdout).rounds[0];
  assert.equal(round.key, 'perspective/keys/key-001.md');
  assert.deepEqual(round.variants[0].scores, [1.5], 'P01 ○ + one bonus of three (cap 1)');
});

test('in one process, every file below a broken project file stops, not only the first', () => {
  const dir = layout('{ "rubric": }');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    for (const file of ['perspective/results/v001-base-run1.md', 'perspective/results/v001-base-run2.md']) {
      assert.throws(
        () => settingsFor(file),
        (e: unknown) => e instanceof UsageError && /^\.review-grader\.jsonc:1:\d+: not valid JSON/.test(e.message),
        file,
      );
    }
  } finally {
    process.chdir(cwd);
  }
});

test("dashboard decides by the project file's recommendation thresholds, and says them", () => {
  const baseline = PROJECT_REVIEW.replace('<!-- grade: P01 ○ -->', '<!-- grade: P01 × -->').replace(/<!-- grade: bonus -->/g, '');
  const files = (project?: string) =>
    folder({
      ...(project ? { 'perspective/.review-grader.json': project } : {}),
      'perspective/answer-key-round-001.md': KEY,
      'perspective/results/v001-baseline-run1.md': baseline, // 0
      'perspective/results/v001-baseline-run2.md': baseline,
      'perspective/results/v001-variant-run1.md': REVIEW, // 1 + 1.5 = 2.5
      'perspective/results/v001-variant-run2.md': REVIEW,
    });
  const round = (dir: string) => {
    const r = cli(dir, 'dashboard', 'perspective', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).rounds[0];
  };
  assert.equal(round(files()).recommendation.rule, 'higher-mean', 'gap +2.5 > 1.0 by the rubric');
  const strict = files('{ "thresholds": { "recommendation": { "clear": 3, "close": 2 } } }');
  const rec = round(strict).recommendation;
  assert.equal(rec.rule, 'lower-sd', 'gap +2.5 within 2–3 by the project file');
  assert.match(rec.reason, /within 2\.0–3\.0/);
  const page = cli(strict, 'dashboard', 'perspective', '-o', 'page.html');
  assert.equal(page.status, 0, page.stderr);
  assert.match(readFileSync(join(strict, 'page.html'), 'utf8'), /&gt; 3\.0 → the variant; 2\.0 to 3\.0 → the lower SD/);
});
