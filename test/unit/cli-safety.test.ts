// The rules of the house through the real CLI: outputs never replace a file
// the tool did not write or one edited since (unless --force), never write
// through a symlink, never leave a truncated file; links in reviews are
// followed only inside the working directory; no control character from a
// file reaches the terminal raw; `grade` says when a judge report sits beside
// a run. Every hostile case: exit 0/1/2, one line naming the file, inputs unchanged.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

// RG_CLI=path/to/old/cli.js runs these tests against another build (to see them fail on old code)
const CLI = resolve(process.env.RG_CLI ?? 'dist/cli.js');
const EXAMPLE = resolve('examples/order-service');

before(() => {
  if (process.env.RG_CLI) return;
  // always rebuild: these tests are about the code as it is now
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { stdio: 'inherit' });
  assert.equal(r.status, 0);
});

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd, maxBuffer: 1 << 30 });
  assert.doesNotMatch(r.stderr, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
  return r;
}
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const RUNS = ['results/v001-baseline-run1.md', 'results/v001-baseline-run2.md'];

/** A perspective folder: key, results/ with two runs. */
function exampleCopy(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'rg-safe-'));
  mkdirSync(join(tmp, 'results'));
  copyFileSync(join(EXAMPLE, 'answer-key-round-001.md'), join(tmp, 'answer-key-round-001.md'));
  for (const n of RUNS) copyFileSync(join(EXAMPLE, n), join(tmp, n));
  return tmp;
}

/** Hashes of every file under `dir` (symlinks as their target text). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out[p] = st.isSymbolicLink() ? `link:${existsSync(p) ? sha(p) : 'dangling'}` : sha(p);
    }
  };
  walk(dir);
  return out;
}

function oneLine(stderr: string, re: RegExp): void {
  assert.match(stderr, re);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
}

test('report -o and dashboard -o leave a file they did not write alone, unless --force', () => {
  const tmp = exampleCopy();
  // a judge's scoring report of another variant, a saved page: not inputs of this run, not ours
  writeFileSync(join(tmp, 'results/v001-other-scoring.md'), '# Scoring by the judge\n');
  writeFileSync(join(tmp, 'page.html'), "<html>someone else's page</html>\n");
  const before = snapshot(tmp);
  for (const [args, out] of [
    [['report', ...RUNS], 'results/v001-other-scoring.md'],
    [['dashboard', '.'], 'page.html'],
  ] as const) {
    const r = cli(tmp, ...args, '-o', out);
    assert.equal(r.status, 2, `${args[0]} -o ${out}: ${r.stderr}`);
    oneLine(r.stderr, new RegExp(`refusing to replace ${out.replace(/\./g, '\\.')}: not written by review-grader; pass --force`));
  }
  assert.deepEqual(snapshot(tmp), before);
  const forced = cli(tmp, 'report', ...RUNS, '-o', 'results/v001-other-scoring.md', '--force');
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(readFileSync(join(tmp, 'results/v001-other-scoring.md'), 'utf8'), /# Scoring Report: v001-baseline/);
});

test('an output review-grader wrote is replaced; once a person edits it, it is not', () => {
  const tmp = exampleCopy();
  for (const [args, out] of [
    [['report', ...RUNS], 'report.md'],
    [['dashboard', '.'], 'page.html'],
  ] as const) {
    assert.equal(cli(tmp, ...args, '-o', out).status, 0);
    const first = readFileSync(join(tmp, out), 'utf8');
    assert.match(first, /<!-- review-grader: sha256=[0-9a-f]{64} -->\n$/);
    const again = cli(tmp, ...args, '-o', out);
    assert.equal(again.status, 0, again.stderr);
    // a person's edit anywhere (here: a note in the middle) makes it theirs
    const edited = first.replace('\n', '\nMy note: P02 is really partial.\n');
    writeFileSync(join(tmp, out), edited);
    const r = cli(tmp, ...args, '-o', out);
    assert.equal(r.status, 2, r.stderr);
    oneLine(r.stderr, new RegExp(`refusing to replace ${out.replace(/\./g, '\\.')}: edited since review-grader wrote it; pass --force`));
    assert.equal(readFileSync(join(tmp, out), 'utf8'), edited);
    assert.equal(cli(tmp, ...args, '-o', out, '--force').status, 0);
  }
});

test('-o never writes through a symlink, dangling or not; --force replaces the link itself, not its target', () => {
  const tmp = exampleCopy();
  const elsewhere = mkdtempSync(join(tmpdir(), 'rg-elsewhere-'));
  writeFileSync(join(elsewhere, 'notes.md'), 'precious notes\n');
  symlinkSync(join(elsewhere, 'notes.md'), join(tmp, 'linked.md'));
  symlinkSync(join(elsewhere, 'created-by-us.md'), join(tmp, 'dangling.md'));
  symlinkSync(join(elsewhere, 'page.html'), join(tmp, 'dangling.html'));
  const before = { ...snapshot(tmp), ...snapshot(elsewhere) };
  for (const [args, out] of [
    [['report', ...RUNS], 'linked.md'],
    [['report', ...RUNS], 'dangling.md'],
    [['dashboard', '.'], 'dangling.html'],
  ] as const) {
    const r = cli(tmp, ...args, '-o', out);
    assert.equal(r.status, 2, `-o ${out}: ${r.stderr}`);
    oneLine(r.stderr, new RegExp(`refusing to write ${out.replace(/\./g, '\\.')}: it is a symbolic link .*--force`));
  }
  assert.deepEqual({ ...snapshot(tmp), ...snapshot(elsewhere) }, before);
  assert.ok(!existsSync(join(elsewhere, 'created-by-us.md')) && !existsSync(join(elsewhere, 'page.html')));
  const forced = cli(tmp, 'report', ...RUNS, '-o', 'linked.md', '--force');
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(!lstatSync(join(tmp, 'linked.md')).isSymbolicLink());
  assert.equal(readFileSync(join(elsewhere, 'notes.md'), 'utf8'), 'precious notes\n');
});

test(
  'a failed write (file size limit) leaves the existing output whole and no temp file behind',
  { skip: process.platform === 'win32' },
  () => {
    const tmp = exampleCopy();
    assert.equal(cli(tmp, 'dashboard', '.', '-o', 'page.html').status, 0);
    const before = sha(join(tmp, 'page.html'));
    assert.ok(readFileSync(join(tmp, 'page.html')).length > 12 * 1024, 'the page must be larger than the limit below');
    // ulimit -f 8: no file may grow past 8 KB; the write fails with EFBIG half-way
    const r = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${CLI}" dashboard . -o page.html`], {
      encoding: 'utf8',
      cwd: tmp,
      timeout: 60_000,
    });
    assert.equal(r.status, 2, r.stderr);
    oneLine(r.stderr, /dashboard: cannot write page\.html \(EFBIG\); the existing file is unchanged/);
    assert.equal(sha(join(tmp, 'page.html')), before);
    assert.deepEqual(
      readdirSync(tmp).filter((n) => n.endsWith('.tmp')),
      [],
    );
  },
);

test('an answer-key link outside the working directory is reported at its line and not read', () => {
  const tmp = exampleCopy();
  const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
  // a "key" outside the folder whose title must never reach the output
  writeFileSync(
    join(outside, 'secret.md'),
    readFileSync(join(EXAMPLE, 'answer-key-round-001.md'), 'utf8').replace(/### P01: .*/, '### P01: SECRET-TITLE-42'),
  );
  writeFileSync(join(outside, 'secret.txt'), 'not markdown\n');
  const review = (link: string) =>
    `# Review\n\n<!-- answer-key: ${link} -->\n\n### C1: Payment calls have no timeout\nThe gateway call has no timeout.\n`;
  const cases: [string, string, RegExp][] = [
    ['v002-abs-run1.md', join(outside, 'secret.md'), /is outside /],
    ['v002-up-run1.md', `../../${outside.split('/').slice(-1)[0]}/secret.md`, /is outside /],
    ['v002-txt-run1.md', 'answer-key.txt', /only a \.md file is followed/],
  ];
  writeFileSync(join(tmp, 'answer-key.txt'), 'not a key\n');
  for (const [name, link] of cases) writeFileSync(join(tmp, 'results', name), review(link));
  const before = { ...snapshot(tmp), ...snapshot(outside) };
  for (const [name, , why] of cases) {
    const r = cli(tmp, 'grade', `results/${name}`, '--format', 'json');
    assert.equal(r.status, 2, `${name}: ${r.stdout}${r.stderr}`);
    oneLine(r.stderr, new RegExp(`results/${name.replace(/\./g, '\\.')}:3: .*${why.source}`));
    assert.doesNotMatch(r.stdout, /SECRET-TITLE/);
  }
  // the dashboard skips such runs (with the same message) and the page holds nothing of the file
  const d = cli(tmp, 'dashboard', '.');
  assert.equal(d.status, 0, d.stderr);
  assert.match(d.stderr, /results\/v002-abs-run1\.md:3: answer-key link .* is outside .*not read/);
  assert.doesNotMatch(d.stdout, /SECRET-TITLE/);
  // a link that has a naming-convention key to fall back on: warned, graded by the convention
  writeFileSync(join(tmp, 'results/v001-linked-run1.md'), review(join(outside, 'secret.md')));
  const w = cli(tmp, 'grade', 'results/v001-linked-run1.md', '--format', 'json');
  assert.equal(w.status, 0, w.stderr);
  assert.match(w.stderr, /v001-linked-run1\.md:3: answer-key link .* is outside .*; not read; using answer-key-round-001\.md/);
  assert.equal(JSON.parse(w.stdout).reviews[0].key, 'answer-key-round-001.md');
  delete before[join(tmp, 'results/v001-linked-run1.md')];
  const after = { ...snapshot(tmp), ...snapshot(outside) };
  delete after[join(tmp, 'results/v001-linked-run1.md')];
  assert.deepEqual(after, before);
  // a link inside the working directory is still followed
  writeFileSync(join(tmp, 'results/v002-in-run1.md'), review('../answer-key-round-001.md'));
  assert.equal(cli(tmp, 'grade', 'results/v002-in-run1.md').status, 0);
});

test('a run file that is a symlink to outside the working directory is not followed', () => {
  const tmp = exampleCopy();
  const outside = mkdtempSync(join(tmpdir(), 'rg-outside-'));
  writeFileSync(join(outside, 'private.md'), '# Private\n\n### C1: SECRET-TITLE-43\nbody\n');
  symlinkSync(join(outside, 'private.md'), join(tmp, 'results/v001-evil-run1.md'));
  symlinkSync(join(tmp, 'results/v001-baseline-run1.md'), join(tmp, 'results/v001-inside-run1.md'));
  const r = cli(tmp, 'grade', 'results/v001-evil-run1.md');
  assert.equal(r.status, 2, r.stderr);
  oneLine(r.stderr, /results\/v001-evil-run1\.md: symbolic link to .*private\.md, outside .*; not followed/);
  assert.doesNotMatch(r.stdout, /SECRET-TITLE/);
  const d = cli(tmp, 'dashboard', '.');
  assert.equal(d.status, 0, d.stderr);
  assert.match(d.stderr, /v001-evil-run1\.md: symbolic link to .*outside .*not read; run skipped/);
  assert.doesNotMatch(d.stdout, /SECRET-TITLE/);
  // a symlink that stays inside is fine
  assert.equal(cli(tmp, 'grade', 'results/v001-inside-run1.md').status, 0);
});

test('control characters from a review never reach the terminal raw, in any output', () => {
  const tmp = exampleCopy();
  const evil = '\x1b]0;owned\x07Timeout \x1b[2J\x9b31m missing\r';
  writeFileSync(
    join(tmp, 'results/v001-evil-run1.md'),
    `# Review\n\n### C1: ${evil}\nPayment calls have no timeout.\n\n<!-- grade: P77\x1b[2J ○ -->\n`,
  );
  // a key whose title carries them too, and a lint finding (duplicate id) to print it
  const key = readFileSync(join(tmp, 'answer-key-round-001.md'), 'utf8').replace(/### P01: (.*)/, `### P01: $1 ${evil}`);
  writeFileSync(join(tmp, 'answer-key-round-001.md'), key);
  const outputs = [
    cli(tmp, 'grade', 'results/v001-evil-run1.md'),
    cli(tmp, 'grade', 'results/v001-evil-run1.md', '--format', 'json'),
    cli(tmp, 'report', 'results/v001-evil-run1.md'),
    cli(tmp, 'dashboard', '.'),
    cli(tmp, 'lint', 'answer-key-round-001.md'),
    cli(tmp, 'grade', `results/v001-${'\x1b[2J'}-run1.md`),
  ];
  for (const r of outputs) {
    assert.ok(r.status === 0 || r.status === 1 || r.status === 2, String(r.status));
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, JSON.stringify((r.stdout + r.stderr).slice(0, 300)));
  }
  assert.match(outputs[0].stdout, /\\u001b\]0;owned\\u0007Timeout/);
  // JSON stays JSON and keeps the text (escaped in the bytes, raw once parsed): the key's title, and the
  // finding's heading wherever it is listed (unmatched, or as a problem's evidence, as the thresholds decide)
  const graded = JSON.parse(outputs[1].stdout).reviews[0] as { problems: { title: string }[]; unmatched: { title: string }[] };
  assert.match(graded.problems[0].title, /\u001b\]0;owned\u0007Timeout/);
  assert.match([...graded.unmatched.map((u) => u.title), outputs[1].stdout].join(), /\\u001b\]0;owned/);
});

test('report markdown shows HTML and command links in titles as text', () => {
  const tmp = exampleCopy();
  const title = '<img src=x onerror=alert(1)> [run](command:workbench.action.terminal.new) **bold** `code` | pipe';
  const key = readFileSync(join(tmp, 'answer-key-round-001.md'), 'utf8').replace(/### P01: .*/, `### P01: ${title}`);
  writeFileSync(join(tmp, 'answer-key-round-001.md'), key);
  const r = cli(tmp, 'report', ...RUNS);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /<img|\[run\]\(command:|\*\*bold\*\*/);
  assert.match(
    r.stdout,
    /&lt;img src=x onerror=alert\(1\)&gt; \\\[run\\\]\(command:workbench\.action\.terminal\.new\) \\\*\\\*bold\\\*\\\* \\`code\\` \\\| pipe/,
  );
  // still a two-column table row for P01
  const row = r.stdout.split('\n').find((l) => l.startsWith('| P01:'))!;
  assert.equal(row.split(/(?<!\\)\|/).length, 5, row);
});

test('grade notes a judge report beside the run once, and --judge auto uses it', () => {
  const tmp = exampleCopy();
  writeFileSync(
    join(tmp, 'results/v001-baseline-scoring.md'),
    '# Scoring\n\n| Problem | Run1 | Run2 |\n|---|---|---|\n| P01 | × | × |\n| P02 | × | × |\n',
  );
  const plain = cli(tmp, 'grade', ...RUNS);
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal((plain.stdout.match(/judge report beside it/g) ?? []).length, 1, plain.stdout);
  assert.match(plain.stdout, /judge report beside it: results\/v001-baseline-scoring\.md; pass --judge to use it/);
  // JSON output stays the contract, no note
  assert.doesNotMatch(cli(tmp, 'grade', ...RUNS, '--format', 'json').stdout, /judge report beside/);
  const auto = cli(tmp, 'grade', ...RUNS, '--judge', 'auto', '--format', 'json');
  assert.equal(auto.status, 0, auto.stderr);
  for (const rev of JSON.parse(auto.stdout).reviews) {
    const p01 = rev.problems.find((p: { id: string }) => p.id === 'P01');
    assert.equal(p01.judge, 'missed');
  }
  // explicit --judge: no note
  assert.doesNotMatch(cli(tmp, 'grade', RUNS[0], '--judge', 'results/v001-baseline-scoring.md').stdout, /judge report beside/);
  // no judge beside a run: --judge auto says so and grades without
  const other = exampleCopy();
  const none = cli(other, 'grade', RUNS[0], '--judge', 'auto');
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stderr, /v001-baseline-run1\.md: no judge report beside it \(looked for results\/v001-baseline-scoring\.md\)/);
  // report -o refuses the judge found by auto as an input
  const r = cli(tmp, 'report', ...RUNS, '--judge', 'auto', '-o', 'results/v001-baseline-scoring.md', '--force');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /refusing to overwrite input results\/v001-baseline-scoring\.md/);
});

test('a flat review with 150 000 findings grades with exit 0 (no spread over one argument per finding)', () => {
  const tmp = exampleCopy();
  const lines = ['# Review', ''];
  for (let i = 0; i < 150_000; i++) lines.push(`### C${(i % 999) + 1}: finding number ${i} about timeouts`, `body ${i}`, '');
  writeFileSync(join(tmp, 'results/v001-flat-run1.md'), lines.join('\n'));
  const r = cli(tmp, 'grade', 'results/v001-flat-run1.md', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
});
