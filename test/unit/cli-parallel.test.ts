// `grade -j N` / `report -j N` (cli/parallel/*): worker threads parse and
// grade ahead, and the run prints the very bytes (stdout and stderr) and exit
// code of a single-threaded run, for every N, on repeated runs, with the cache
// cold and warm, on the error paths, and when a worker dies. Runs the CLI from
// source (tsx) in a made-up folder, and once through the bundle (dist/).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { gradeReview } from '../../src/core/grade';
import { judgeRunOf, parseJudgeReport } from '../../src/core/judge';
import { clearStore, putGrade, putKey, putReview, takeGrade, takeKey, takeReview } from '../../src/cli/parallel/store';
import { jobRunner, type GradeJob } from '../../src/cli/parallel/jobs';
import { AUTO_CHARS_PER_THREAD, idleThreads, threadsFor } from '../../src/cli/parallel/prefetch';
import { runCli, writeFolder } from './cliHarness';

const KEY = `# Answer Key - Round 001

### P01: Kiln Thermostat Has No Upper Limit
- **Severity**: Critical
- **Detection Criteria**:
  - ○ (Detected): Names the missing upper temperature limit on the kiln thermostat AND the cracked pottery it causes
  - △ (Partial): Mentions kiln temperature problems in general
  - × (Not Detected): No mention

### P02: Glaze Orders Are Never Confirmed
- **Severity**: Significant
- **Detection Criteria**:
  - ○ (Detected): Identifies that glaze orders get no confirmation AND proposes an acknowledgement step
  - △ (Partial): Mentions order handling in general
  - × (Not Detected): No mention
`;

/** A made-up review; `n` varies the text so every run grades differently. */
function review(n: number): string {
  const findings = [
    `#### C1: Kiln thermostat has no upper limit\nThe thermostat never caps the kiln temperature, so pottery cracks (run ${n}).\n`,
    `#### C2: Glaze orders unconfirmed\nGlaze orders are sent with no acknowledgement step; add one.\n`,
    `#### M1: Studio lighting\nThe studio lamps flicker at ${n * 10} Hz.\n`,
  ];
  const body = findings.slice(0, 1 + (n % 3)).join('\n');
  // a tag naming a problem the key lacks: a grading diagnostic at the review's line
  const tag = n % 2 ? '\n<!-- grade: P09 ○ -->\n' : '';
  return `# Review: Pottery studio ${n}\n\n## Issues\n\n${body}${tag}`;
}

const RUNS = [1, 2, 3, 4, 5, 6].map((n) => `studio/results/v001-${n % 2 ? 'base' : 'terse'}-run${Math.ceil(n / 2)}.md`);

function folder(extra: Record<string, string | Buffer> = {}): string {
  const files: Record<string, string> = { 'studio/answer-key-round-001.md': KEY };
  RUNS.forEach((r, i) => (files[r] = review(i + 1)));
  files['studio/results/v001-base-scoring.md'] = '# Scoring: v001-base\n\n## Run 1\n- P01: ○\n- P02: ×\n';
  const dir = writeFolder('rg-parallel-', files);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The CLI from source with the pool's test hooks (parallel/pool.ts); the trace line is taken out of stderr. */
function hooked(dir: string, hooks: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', resolve('node_modules/tsx/dist/loader.mjs'), resolve('src/cli/main.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REVIEW_GRADER_TEST_POOL: hooks },
  });
  assert.doesNotMatch(r.stderr, /\n\s+at .+[(:]\d+:\d+\)?/, 'no stack trace');
  const trace = /^pool-trace: (\d+) jobs; taken (\d+) reviews, (\d+) keys, (\d+) grades\n/m.exec(r.stderr);
  return { ...r, stderr: r.stderr.replace(trace?.[0] ?? '', ''), trace: trace?.slice(1).map(Number) };
}

const same = (a: ReturnType<typeof runCli>, b: ReturnType<typeof runCli>, what: string) => {
  assert.equal(a.stdout, b.stdout, `${what}: stdout`);
  assert.equal(a.stderr, b.stderr, `${what}: stderr`);
  assert.equal(a.status, b.status, `${what}: exit code`);
};

test('grade and report print the same bytes with -j 1, -j 2, -j 3, -j auto and the default, run after run', () => {
  const dir = folder();
  // invalid UTF-8 in one run: a warning naming its line, in its place among the others
  writeFileSync(join(dir, RUNS[2]), Buffer.concat([Buffer.from(review(3)), Buffer.from([0xff, 0x0a])]));
  const commands = [
    ['grade', ...RUNS, '--format', 'json', '--judge', 'auto'],
    ['grade', ...RUNS],
    ['report', ...RUNS.filter((r) => r.includes('-base-'))],
  ];
  for (const args of commands) {
    const one = runCli(dir, ...args, '-j', '1');
    assert.equal(one.status, 0, one.stderr);
    for (const jobs of [['-j', '2'], ['--jobs', '3'], [], ['-j', 'auto'], ['-j', '2']])
      same(runCli(dir, ...args, ...jobs), one, `${args[0]} ${jobs.join(' ')}`);
    // every file done by a worker, and every result taken from the store, not computed again
    const workers = hooked(dir, 'idle-main trace', ...args, '-j', '3');
    same(workers, one, `${args[0]}, workers only`);
    const files = args.filter((a) => a.endsWith('.md')).length;
    assert.deepEqual(workers.trace, [files, files, 1, files], `${args[0]}: jobs; reviews, keys, grades taken`);
  }
});

test('--cache with workers: cold and warm runs print what a single-threaded run without the cache prints', () => {
  const dir = folder();
  const args = ['grade', ...RUNS, '--format', 'json', '--judge', 'auto'];
  const plain = runCli(dir, ...args, '-j', '1');
  same(runCli(dir, ...args, '-j', '2', '--cache'), plain, 'cold');
  same(runCli(dir, ...args, '-j', '2', '--cache'), plain, 'warm');
  same(hooked(dir, 'idle-main', ...args, '-j', '2', '--cache-location', 'cold2'), plain, 'cold, workers only');
  writeFileSync(join(dir, RUNS[3]), review(40));
  same(runCli(dir, ...args, '-j', '2', '--cache'), runCli(dir, ...args, '-j', '1'), 'one review changed');
});

test('errors stop the run at the same file with the same message and exit code as a single-threaded run', () => {
  const dir = folder({ 'notes.md': '# Notes\n\nNo problems here.\n' });
  const cases = [
    ['grade', RUNS[0], RUNS[1], 'studio/results/missing-run1.md', RUNS[2], RUNS[3]],
    ['grade', RUNS[0], RUNS[1], 'studio/results/v001-base-scoring.md', RUNS[2]],
    ['grade', '--key', 'notes.md', RUNS[0], RUNS[1], RUNS[2]],
    ['report', RUNS[0], RUNS[1], 'studio', RUNS[2]],
  ];
  for (const args of cases) {
    const one = runCli(dir, ...args, '-j', '1');
    assert.equal(one.status, 2, `${args.join(' ')}: ${one.stderr}`);
    same(runCli(dir, ...args, '-j', '2'), one, args.join(' '));
    same(hooked(dir, 'idle-main', ...args, '-j', '2'), one, `${args.join(' ')}, workers only`);
  }
});

test('a worker that dies is one warning: every file is still graded, same output, exit 0', () => {
  const dir = folder();
  const args = ['grade', ...RUNS, '--format', 'json'];
  const one = runCli(dir, ...args, '-j', '1');
  for (const hooks of ['crash', 'crash idle-main']) {
    const r = hooked(dir, hooks, ...args, '-j', '3');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, one.stdout);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('worker thread stopped'));
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(
      warnings[0],
      /^review-grader: warning: a worker thread stopped \(.*worker fault injected.*\); its files are graded on the main thread$/,
    );
    assert.equal(r.stderr.replace(`${warnings[0]}\n`, ''), one.stderr);
  }
});

test('--jobs takes a whole number ≥ 1 or auto', () => {
  const dir = folder();
  for (const bad of ['0', 'x', '-1', '1.5']) {
    const r = runCli(dir, 'grade', RUNS[0], `--jobs=${bad}`);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`grade: --jobs takes a whole number ≥ 1 or auto, got '${bad.replace('.', '\\.')}'`));
  }
});

const CLI = resolve('dist/cli.js');
before(() => {
  if (!existsSync(resolve('dist/cli-worker.js'))) spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { stdio: 'inherit' });
});

test('the bundle (dist/cli.js with dist/cli-worker.js) prints the same bytes with -j 2 as with -j 1', () => {
  const dir = folder();
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'grade', ...RUNS, '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  const one = run('-j', '1');
  assert.equal(one.status, 0, one.stderr);
  for (let i = 0; i < 3; i++) {
    const two = run('-j', '2');
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
  }
});

test('the store hands a value out once, and only for the very inputs it was computed from', () => {
  clearStore();
  const key = parseAnswerKey(KEY, 'k.md');
  const text = review(2);
  const job: GradeJob = { path: 'r.md', text, key: 0, opts: { autoOnly: false, rubric: undefined, match: undefined, keyPath: 'k.md' } };
  const ahead = jobRunner()(job, key);
  assert.deepEqual(ahead.graded, gradeReview(key, parseReview(text, 'r.md'), ahead.opts), 'a job grades as gradeFiles does');
  putKey('k.md', undefined, KEY, key);
  putReview('r.md', text, ahead.review);
  putGrade('k.md', undefined, 'r.md', ahead.opts, ahead.graded!);
  assert.equal(takeReview(`${text} `, 'r.md'), undefined, 'another text');
  assert.equal(takeReview(text, 'q.md'), undefined, 'another path');
  assert.equal(takeKey(KEY, 'k.md', 'T01'), undefined, 'another scenario');
  const r = takeReview(text, 'r.md')!;
  const k = takeKey(KEY, 'k.md', undefined)!;
  assert.equal(takeReview(text, 'r.md'), undefined, 'taken once');
  assert.equal(takeGrade(k, r, { ...ahead.opts, autoOnly: true }), undefined, 'other options');
  assert.equal(takeGrade(key, parseReview(text, 'r.md'), ahead.opts), undefined, 'a review not from the store');
  const g = takeGrade(k, r, JSON.parse(JSON.stringify(ahead.opts)))!;
  assert.equal(g.review, r);
  assert.equal(g.key, k);
  assert.equal(takeGrade(k, r, ahead.opts), undefined, 'taken once');
  clearStore();
});

test('a job with a judge report grades as gradeFiles: the run the review names (here by a header line), its options in their order', () => {
  const key = parseAnswerKey(KEY, 'k.md');
  const judge = { path: 'scoring.md', text: '# Scoring: v001-base\n\n## Run 1\n- P01: ○\n- P02: ×\n\n## Run 2\n- P01: ×\n- P02: ○\n' };
  const text = `**Run**: 2\n\n${review(1)}`;
  const opts = { autoOnly: false, rubric: undefined, match: undefined, keyPath: 'k.md' };
  const ahead = jobRunner()({ path: 'r.md', text, key: 0, judge, opts }, key);
  const parsed = parseReview(text, 'r.md');
  assert.equal(parsed.run, 2, 'the run from the header line');
  const judgeRun = judgeRunOf(parseJudgeReport(judge.text, judge.path, ['P01', 'P02']), parsed.run);
  assert.equal(judgeRun?.run, 2);
  // gradeFiles' options object (commands/grade.ts): the store finds a grade by its JSON
  const gradeFiles = { autoOnly: opts.autoOnly, judge: judgeRun, rubric: opts.rubric, match: opts.match, keyPath: opts.keyPath };
  assert.equal(JSON.stringify(ahead.opts), JSON.stringify(gradeFiles));
  assert.deepEqual(ahead.graded, gradeReview(key, parsed, gradeFiles));
  assert.equal(ahead.graded?.problems[0]?.judge, judgeRun?.verdicts.P01, "run 2's verdict, not run 1's");
  assert.notEqual(judgeRun?.verdicts.P01, judgeRunOf(parseJudgeReport(judge.text, judge.path, ['P01', 'P02']), 1)?.verdicts.P01);
});

test('-j auto heeds the load average: one per idle core, this process counted', () => {
  assert.equal(idleThreads(2, 0), 2, 'a quiet machine: both cores');
  assert.equal(idleThreads(2, 1), 2, 'the run itself is the load');
  assert.equal(idleThreads(2, 1.4), 2);
  assert.equal(idleThreads(2, 1.6), 1, 'the other core is mostly busy');
  assert.equal(idleThreads(2, 8), 1, 'a busy machine: this thread only');
  assert.equal(idleThreads(8, 3), 6);
  assert.equal(idleThreads(1, 0), 1);
});

test('-j auto starts no worker for a run the size of one corpus key, and one per 400 KB past that', () => {
  const idle = 2;
  assert.equal(threadsFor(undefined, idle, 6, 250_000), 1, 'a typical key: six reviews, 250 KB');
  assert.equal(threadsFor(undefined, idle, 22, 400_000), 1, 'the largest key: 22 reviews, 400 KB');
  assert.equal(threadsFor(undefined, idle, 216, 5_400_000), 2, 'the whole corpus at once, two idle cores');
  assert.equal(threadsFor(undefined, 1, 216, 5_400_000), 1, 'no idle core');
  assert.equal(threadsFor(undefined, 8, 3, 10 * AUTO_CHARS_PER_THREAD), 3, 'never more threads than files');
  assert.equal(threadsFor(2, 2, 6, 1_000), 2, 'an explicit -j 2 is honoured for a small run');
  assert.equal(threadsFor(3, 3, 2, 1_000), 2, 'at most one thread per file');
});
