// The CLI's language: --lang en|ja, else LC_ALL, LC_MESSAGES, LANG as POSIX
// tools read them; English by default. Text output, the report and lint speak
// it; --format json and the report's seal are the same in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliEnv, writeFolder } from './cliHarness';
import { cliLocale, langFlag, localeFromEnv } from '../../src/cli/locale';
import { lintAnswerKey, withoutLinePrefix } from '../../src/core/lint';
import { english, translator } from '../../src/core/i18n';

// made up for these tests: two problems, one bonus row without its condition, a count that disagrees
const KEY = `# Answer Key - Round 001

- **Embedded Problems**: 3 problems

### P01: Cache Without Expiry
- **Severity**: Critical
- **Detection Criteria**:
  - ○ (Detected): Names the \`ItemCache\` that never expires
  - △ (Partial): Mentions stale data in general
  - × (Not Detected): No mention

### P02: Queue Without Dead Letters
- **Severity**: Major
- **Detection Criteria**:
  - ○ (Detected): Names the missing dead-letter queue for \`OrderEvents\`
  - △ (Partial): Mentions message loss in general
  - × (Not Detected): No mention

## Bonus Problems

| ID | Content | Bonus Condition |
|----|---------|-----------------|
| B01 | Rate limiting | |
`;

const RUN = `# Review

#### C1: ItemCache never expires
<!-- grade: P01 ○ -->
The \`ItemCache\` keeps entries forever, so users see stale prices.

#### C2: Logging is noisy
Debug logs are written in production.
`;

const folder = () =>
  writeFolder('rg-lang-', {
    'answer-key-round-001.md': KEY,
    'results/v001-base-run1.md': RUN,
    'results/v001-base-run2.md': RUN.replace('<!-- grade: P01 ○ -->\n', ''),
  });

const RUN1 = 'results/v001-base-run1.md';
const RUN2 = 'results/v001-base-run2.md';

test('grade speaks English by default and Japanese with --lang ja', () => {
  const dir = folder();
  const en = runCliEnv(dir, {}, 'grade', RUN1);
  assert.equal(en.status, 0, en.stderr);
  assert.match(en.stdout, /P01 ○ detected tag {7}C1 \(l\.3\)/);
  assert.match(en.stdout, /\(key: answer-key-round-001\.md, 2 problems\)/);
  assert.match(en.stdout, /score: detection 1 \+ bonus 0 − penalty 0 = 1/);
  const ja = runCliEnv(dir, {}, 'grade', '--lang', 'ja', RUN1);
  assert.equal(ja.status, 0, ja.stderr);
  assert.match(ja.stdout, /P01 ○ 検出 {5}タグ/);
  assert.match(ja.stdout, /P02 × 未検出/);
  assert.match(ja.stdout, /（正解キー: answer-key-round-001\.md、問題 2 件）/);
  assert.match(ja.stdout, /スコア: 検出 1 \+ ボーナス 0 − ペナルティ 0 = 1/);
  assert.doesNotMatch(ja.stdout, /score:|detected|missed/);
  // --lang=ja spells the same
  assert.equal(runCliEnv(dir, {}, 'grade', `--lang=ja`, RUN1).stdout, ja.stdout);
});

test('without --lang the environment decides: LC_ALL, then LC_MESSAGES, then LANG; C and POSIX are English', () => {
  const dir = folder();
  const score = (env: Record<string, string>, ...flags: string[]) => {
    const r = runCliEnv(dir, env, 'grade', ...flags, RUN1);
    assert.equal(r.status, 0, r.stderr);
    return /スコア:/.test(r.stdout) ? 'ja' : /score:/.test(r.stdout) ? 'en' : '?';
  };
  assert.equal(score({ LANG: 'ja_JP.UTF-8' }), 'ja');
  assert.equal(score({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
  assert.equal(score({ LC_ALL: 'POSIX', LC_MESSAGES: 'ja_JP.UTF-8' }), 'en');
  assert.equal(score({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
  assert.equal(score({ LC_ALL: '', LANG: 'ja_JP.UTF-8' }), 'ja'); // empty is not set
  assert.equal(score({ LANG: 'de_DE.UTF-8' }), 'en'); // a language we do not have: English
  assert.equal(score({ LANG: 'ja_JP.UTF-8' }, '--lang', 'en'), 'en'); // the flag wins
  assert.equal(score({ LC_ALL: 'C' }, '--lang', 'ja'), 'ja');
});

test('--format json is byte-for-byte the same in both languages (grade, lint, agreement)', () => {
  const dir = folder();
  for (const args of [
    ['grade', '--format', 'json', RUN1, RUN2],
    ['lint', '--format', 'json', 'answer-key-round-001.md'],
    ['agreement', '--format', 'json', '.'],
  ]) {
    const en = runCliEnv(dir, {}, ...args);
    const ja = runCliEnv(dir, { LANG: 'ja_JP.UTF-8' }, ...args);
    const flag = runCliEnv(dir, {}, '--lang', 'ja', ...args);
    assert.equal(en.status, ja.status, `${args[0]}: ${ja.stderr}`);
    assert.ok(en.stdout.startsWith('{'), `${args[0]}: ${en.stderr}`);
    assert.equal(ja.stdout, en.stdout, args[0]);
    assert.equal(flag.stdout, en.stdout, args[0]);
  }
});

test('the report in Japanese: headings, verdict sources and the summary; its seal lets either language replace it', () => {
  const dir = folder();
  const r = runCliEnv(dir, {}, 'report', '--lang', 'ja', RUN1, RUN2, '-o', 'report.md');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /report\.md に書き出しました/);
  const ja = readFileSync(join(dir, 'report.md'), 'utf8');
  for (const heading of [
    '# 採点レポート: v001-base',
    '## 検出マトリクス',
    '## Run 1 — ',
    '### 検出',
    '### ペナルティ（0 件）',
    '## まとめ',
  ])
    assert.ok(ja.includes(heading), heading);
  assert.match(ja, /\| 問題 \| Run 1 \| Run 2 \|/);
  assert.match(ja, /\| P01: Cache Without Expiry \| ○ タグ \|/);
  assert.match(ja, /- \*\*安定性\*\*: (高|中|低)（/);
  assert.match(ja, /\n<!-- review-grader: sha256=[0-9a-f]{64} -->\n$/);
  assert.doesNotMatch(ja, /Detection Matrix|Summary|not found/);
  // the seal is language-free: an English run replaces the Japanese report it wrote, and back
  const en = runCliEnv(dir, {}, 'report', RUN1, RUN2, '-o', 'report.md');
  assert.equal(en.status, 0, en.stderr);
  assert.match(readFileSync(join(dir, 'report.md'), 'utf8'), /^# Scoring Report: v001-base\n/);
  assert.equal(runCliEnv(dir, { LANG: 'ja_JP.UTF-8' }, 'report', RUN1, RUN2, '-o', 'report.md').status, 0);
  // the two reports differ only in words: same lines, same ids and marks
  const stdoutEn = runCliEnv(dir, {}, 'report', RUN1, RUN2).stdout;
  assert.equal(ja.split('\n').length - 1, stdoutEn.split('\n').length); // the seal line apart
});

test('lint in Japanese: messages, "(fixable)" and the summary; severity words and codes stay as tools parse them', () => {
  const dir = folder();
  const en = runCliEnv(dir, {}, 'lint', 'answer-key-round-001.md');
  const ja = runCliEnv(dir, {}, 'lint', '--lang', 'ja', 'answer-key-round-001.md');
  assert.equal(en.status, 1);
  assert.equal(ja.status, 1);
  assert.match(
    en.stdout,
    /answer-key-round-001\.md:3:1: warning \[count-mismatch\] the header states 3 problems but 2 problem headings were found \(P01…P02\)/,
  );
  assert.match(
    ja.stdout,
    /answer-key-round-001\.md:3:1: warning \[count-mismatch\] ヘッダーには問題 3 件とありますが、問題の見出しは 2 件です \(P01…P02\)。両者を一致させてください （自動修正可）$/m,
  );
  assert.match(ja.stdout, /（自動修正可）/);
  assert.match(ja.stdout, /warning \[bonus-without-condition\] ボーナス B01 にボーナス条件がありません/);
  assert.doesNotMatch(ja.stdout, /行目: /, 'the line is printed once, in file:line:col');
  assert.equal(en.stdout.split('\n').length, ja.stdout.split('\n').length);
  assert.match(en.stderr, /^2 issues in 1 key\n$/);
  assert.match(ja.stderr, /^正解キー 1 件: 不備 2 件\n$/);
});

test('an unknown --lang exits 2 with one line, in the environment’s language, like any bad flag', () => {
  const dir = folder();
  const r = runCliEnv(dir, {}, 'grade', '--lang', 'fr', RUN1);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "review-grader: grade: --lang must be en or ja, got 'fr'\n");
  const bad = runCliEnv(dir, {}, 'grade', '--format', 'xml', RUN1);
  assert.equal(bad.stderr, "review-grader: grade: --format must be text or json, got 'xml'\n");
  const ja = runCliEnv(dir, { LANG: 'ja_JP.UTF-8' }, 'lint', '--lang=jp', 'answer-key-round-001.md');
  assert.equal(ja.status, 2);
  assert.equal(ja.stderr, "review-grader: lint: --lang には en か ja を指定してください（指定値: 'jp'）\n");
  const bare = runCliEnv(dir, {}, '--lang', 'xx', '--help');
  assert.equal(bare.status, 2);
  assert.equal(bare.stderr, "review-grader: --lang must be en or ja, got 'xx'\n");
});

test('usage and errors in Japanese; the synopsis lines are the same in both languages', () => {
  const dir = folder();
  const en = runCliEnv(dir, {}, '--help');
  const ja = runCliEnv(dir, {}, '--lang', 'ja', '--help');
  assert.equal(en.status, 0);
  assert.equal(ja.status, 0);
  assert.match(en.stdout, /^Usage:$/m);
  assert.match(en.stdout, /--lang LANG {6}messages in en/);
  assert.match(ja.stdout, /^使い方:$/m);
  assert.match(ja.stdout, /^オプション:$/m);
  const synopsis = (s: string) => s.split('\n').filter((l) => l.startsWith('  review-grader '));
  assert.equal(synopsis(en.stdout).length, 6);
  assert.deepEqual(synopsis(ja.stdout), synopsis(en.stdout));
  assert.equal(runCliEnv(dir, {}, 'help', '--lang', 'ja').stdout, ja.stdout);
  const missing = runCliEnv(dir, { LANG: 'ja_JP.UTF-8' }, 'grade', 'nope.md');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'review-grader: nope.md: ファイルがありません\n');
  const unknown = runCliEnv(dir, {}, 'grdae', '--lang', 'ja');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^review-grader: 不明なコマンド 'grdae'/);
  const none = runCliEnv(dir, {}, 'audit', '--lang', 'ja');
  assert.equal(none.stderr, 'review-grader: audit: 採点レポートが指定されていません（--help を参照）\n');
});

test('localeFromEnv, langFlag and cliLocale read the flag and the environment as POSIX tools do', () => {
  assert.equal(localeFromEnv({}), 'en');
  assert.equal(localeFromEnv({ LANG: 'ja_JP.UTF-8' }), 'ja');
  assert.equal(localeFromEnv({ LC_ALL: 'C.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
  assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'ja', LANG: 'en_US' }), 'ja');
  assert.equal(langFlag(['grade', '--lang', 'ja', 'x.md']), 'ja');
  assert.equal(langFlag(['grade', '--lang=en']), 'en');
  assert.equal(langFlag(['grade', '--', '--lang', 'ja']), undefined); // after '--' it is a file name
  assert.equal(langFlag(['grade', '--lang']), undefined); // no value: parseArgs says so
  assert.equal(cliLocale('grade', ['--lang', 'ja'], { LC_ALL: 'C' }), 'ja');
  assert.equal(cliLocale('grade', [], { LANG: 'ja_JP.UTF-8' }), 'ja');
  assert.throws(() => cliLocale('grade', ['--lang', 'ja_JP'], {}), /grade: --lang must be en or ja, got 'ja_JP'/);
});

test('lintAnswerKey takes a translator for the editor; English stays the default and withoutLinePrefix strips either prefix', () => {
  const en = lintAnswerKey(KEY);
  const ja = lintAnswerKey(KEY, undefined, undefined, translator('ja'));
  assert.deepEqual(
    ja.map((d) => [d.code, d.line, d.severity]),
    en.map((d) => [d.code, d.line, d.severity]),
  );
  assert.deepEqual(lintAnswerKey(KEY, undefined, undefined, english), en);
  const count = (ds: typeof en) => ds.find((d) => d.code === 'count-mismatch')!;
  assert.match(count(en).message, /^line 3: the header states 3 problems/);
  assert.match(count(ja).message, /^3 行目: ヘッダーには問題 3 件とありますが/);
  assert.equal(count(en).fix?.title, 'Change the stated count to 2');
  assert.equal(count(ja).fix?.title, '記載の件数を 2 に変更');
  assert.match(withoutLinePrefix(count(ja), translator('ja')), /^ヘッダーには/);
  assert.match(withoutLinePrefix(count(en)), /^the header states/);
});

test('a command name that Object.prototype holds (toString, constructor) is an unknown command, not a stack trace', () => {
  const dir = folder();
  for (const name of ['toString', 'constructor', '__proto__']) {
    const r = runCliEnv(dir, {}, name);
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^review-grader: unknown command '${name}'`));
  }
});

test("a review whose answer key cannot be found is named in the CLI's language", () => {
  const dir = writeFolder('rg-lang-nokey-', { 'results/v002-base-run1.md': RUN });
  const ja = runCliEnv(dir, {}, 'grade', '--lang', 'ja', 'results/v002-base-run1.md');
  assert.notEqual(ja.status, 0);
  assert.match(ja.stderr, /results\/v002-base-run1\.md: 正解キーが見つかりません（探した場所: .*answer-key-round-002\.md/);
  assert.doesNotMatch(ja.stderr, /no answer key found/);
  const en = runCliEnv(dir, {}, 'grade', 'results/v002-base-run1.md');
  assert.match(en.stderr, /results\/v002-base-run1\.md: no answer key found \(looked for .*answer-key-round-002\.md/);
});

test("dashboard's refusals are in the CLI's language", () => {
  const dir = folder();
  const ja = runCliEnv(dir, {}, 'dashboard', '--lang', 'ja', '--judge', '--no-judge', '.');
  assert.notEqual(ja.status, 0);
  assert.match(ja.stderr, /dashboard: --judge と --no-judge は同時に指定できません/);
  const en = runCliEnv(dir, {}, 'dashboard', '--judge', '--no-judge', '.');
  assert.match(en.stderr, /dashboard: --judge and --no-judge contradict each other/);
});
