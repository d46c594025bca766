// Parser diagnostics in the reader's language: a parser keeps its English
// message plus what it said (core/i18n `said`), and the edges say it again in
// the language asked (`messageIn`); JSON and caches stay English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCliEnv, writeFolder } from './cliHarness';
import { english, messageIn, said, translator } from '../../src/core/i18n';
import { lintAnswerKey, lintKeyFile, withoutLinePrefix } from '../../src/core/lint';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { parseProjectFile } from '../../src/core/project';
import { auditJudgeReport, parseJudgeReport } from '../../src/core/judge';
import { gradeReview } from '../../src/core/grade';
import { entryText, readEntry } from '../../src/core/cache';
import type { Diagnostic } from '../../src/core/model';

const ja = translator('ja');

// made up for these tests: a Japanese key whose second heading has no title
const JA_KEY = `# 正解キー - ラウンド 001

### P01: キャッシュの期限切れなし
- **検出判定基準**:
  - ○（検出）: \`ItemCache\` が期限切れにならないことを指摘
  - △（部分検出）: 古いデータに一般的に言及
  - ×（未検出）: 言及なし

### P02:
- **検出判定基準**:
  - ○（検出）: \`OrderEvents\` のデッドレターキューがないことを指摘
  - △（部分検出）: メッセージ消失に一般的に言及
  - ×（未検出）: 言及なし
`;

const REVIEW = `# Review

#### C1: ItemCache never expires
<!-- grade: P01 ? -->
The \`ItemCache\` keeps entries forever.

#### C2: Dead letters
<!-- grade: P07 ○ -->
No dead-letter queue for \`OrderEvents\`.
`;

test('messageIn: without a record the message as it is, in any language', () => {
  const d: Diagnostic = { code: 'x', severity: 'warning', line: 1, message: 'no findings recognised in this review' };
  assert.equal(messageIn(d, ja), 'no findings recognised in this review');
  assert.equal(messageIn({ message: 'anything' }, english), 'anything');
});

test('said keeps the English text byte for byte and the record says it again, nested records too', () => {
  const inner = said('expected a number ≥ {0}', 0);
  const outer = said('line {0}: {1}', 4, said('"{0}": {1}; the default is used', 'rubric.scale', inner));
  assert.equal(outer.message, 'line 4: "rubric.scale": expected a number ≥ 0; the default is used');
  assert.equal(messageIn(outer, english), outer.message);
  assert.equal(messageIn(outer, ja), '4 行目: "rubric.scale": 0 以上の数値が必要です。既定値を使います');
  // a record that survived a JSON round trip (the caches) still works
  assert.equal(messageIn(JSON.parse(JSON.stringify(outer)), ja), messageIn(outer, ja));
});

test('a bad record (a cache file edited by hand) is the English message, never a throw', () => {
  const message = 'line 2: x';
  for (const bad of [null, 7, 'text', { message: 3, args: [] }, { message: 'm', args: 'no' }, { message: '{0}', args: [{}] }])
    assert.equal(messageIn({ message, said: bad as never }, ja), message);
  // deeply nested records stop at a depth instead of recursing without end
  let deep = said('{0}', 'x');
  for (let i = 0; i < 50; i++) deep = said('{0}', deep);
  assert.equal(messageIn(deep, ja), deep.message);
});

test('a Japanese key with a heading without title: Japanese when linted in ja, English otherwise', () => {
  const inJa = lintAnswerKey(JA_KEY, 'answer-key-round-001.md', undefined, ja).find((d) => d.code === 'missing-title');
  assert.ok(inJa);
  assert.equal(inJa.message, "9 行目: P02 の見出しにタイトルがありません（'### P02: 短いタイトル' のように書いてください）");
  assert.equal(withoutLinePrefix(inJa, ja), "P02 の見出しにタイトルがありません（'### P02: 短いタイトル' のように書いてください）");
  const inEn = lintKeyFile(JA_KEY, 'answer-key-round-001.md').diagnostics.find((d) => d.code === 'missing-title');
  assert.equal(inEn?.message, "line 9: P02 heading has no title (expected e.g. '### P02: Short title')");
  // the parsed key itself stays English (it is cached and shared by every language)
  assert.equal(parseAnswerKey(JA_KEY).diagnostics[0]?.message, inEn?.message);
  // a key read back from the cache says it again in Japanese too
  const key = parseAnswerKey(JA_KEY);
  const cached = readEntry(entryText('id', 'key', key), 'id', 'key');
  assert.equal(lintAnswerKey(JA_KEY, undefined, cached, ja).find((d) => d.code === 'missing-title')?.message, inJa.message);
});

test('lint --lang ja prints the parser message in Japanese without its line; --format json stays English', () => {
  const dir = writeFolder('rg-diag-', { 'answer-key-round-001.md': JA_KEY });
  const text = runCliEnv(dir, {}, 'lint', '--lang', 'ja', 'answer-key-round-001.md');
  assert.match(
    text.stdout,
    /^answer-key-round-001\.md:9:1: warning \[missing-title\] P02 の見出しにタイトルがありません（'### P02: 短いタイトル' のように書いてください）$/m,
  );
  const json = JSON.parse(runCliEnv(dir, {}, 'lint', '--lang', 'ja', '--format', 'json', 'answer-key-round-001.md').stdout);
  const d = json.keys[0].diagnostics.find((x: { rule: string }) => x.rule === 'missing-title');
  assert.equal(d.message, "P02 heading has no title (expected e.g. '### P02: Short title')");
  assert.equal(d.said, undefined);
});

test('a review tag error and an unknown tag id in Japanese', () => {
  const review = parseReview(REVIEW, 'results/v001-base-run1.md');
  const bad = review.diagnostics.find((d) => d.code === 'malformed-tag');
  assert.ok(bad);
  assert.equal(
    bad.message,
    "malformed grading tag: unknown verdict '?' for P01: expected ○ (o, detected), △ (^, partial) or × (x, missed)",
  );
  assert.equal(
    messageIn(bad, ja),
    "採点タグの形式が不正です: P01 の判定 '?' は不明です: ○（o, detected）、△（^, partial）、×（x, missed）のいずれかを書いてください",
  );
  const graded = gradeReview(parseAnswerKey(JA_KEY), review);
  const unknown = graded.gradingDiagnostics.find((d) => d.code === 'unknown-tag-id');
  assert.ok(unknown);
  assert.equal(unknown.message, 'grading tag names P07, which the answer key does not have (P01–P02); it is ignored');
  assert.equal(messageIn(unknown, ja), '採点タグの P07 は正解キーにありません（正解キーは P01–P02）。このタグは無視します');
});

test('grade --lang ja prints a review tag error in Japanese; --format json keeps it English', () => {
  const dir = writeFolder('rg-diag-', { 'answer-key-round-001.md': JA_KEY, 'results/v001-base-run1.md': REVIEW });
  const r = runCliEnv(dir, {}, 'grade', '--lang', 'ja', 'results/v001-base-run1.md');
  assert.match(r.stderr, /v001-base-run1\.md:4:1: error \[malformed-tag\] 採点タグの形式が不正です: P01 の判定 '\?' は不明です/);
  const json = runCliEnv(dir, {}, 'grade', '--lang', 'ja', '--format', 'json', 'results/v001-base-run1.md').stdout;
  assert.ok(json.includes("malformed grading tag: unknown verdict '?' for P01"));
  assert.ok(!json.includes('採点タグ'));
});

test('a project-file warning in Japanese via formatDiagnostic with --lang ja; a broken file stops in Japanese', () => {
  const project = '{\n  "rubric": {\n    "bonus": { "cap": 2.5 }\n  },\n  "colour": 1\n}\n';
  const dir = writeFolder('rg-diag-', {
    '.review-grader.json': project,
    'answer-key-round-001.md': JA_KEY,
    'results/v001-base-run1.md': REVIEW,
  });
  const ja1 = runCliEnv(dir, {}, 'grade', '--lang', 'ja', 'results/v001-base-run1.md').stderr;
  assert.match(
    ja1,
    /^review-grader: \.review-grader\.json:3:16: warning \[project-setting\] "rubric\.bonus\.cap": 0 以上 1000 以下の整数が必要です。既定値を使います$/m,
  );
  assert.match(
    ja1,
    /^review-grader: \.review-grader\.json:5:3: warning \[project-setting\] 不明な設定 "colour" です（keys, runs, rubric, thresholds のいずれかが使えます）。無視します$/m,
  );
  const en = runCliEnv(dir, {}, 'grade', 'results/v001-base-run1.md').stderr;
  assert.match(
    en,
    /^review-grader: \.review-grader\.json:3:16: warning \[project-setting\] "rubric\.bonus\.cap": expected a whole number ≥ 0 and ≤ 1000; the default is used$/m,
  );

  const broken = writeFolder('rg-diag-', { '.review-grader.json': '{ "rubric": { "bonus": 1 }', 'results/v001-base-run1.md': REVIEW });
  const r = runCliEnv(broken, {}, 'grade', '--lang', 'ja', 'results/v001-base-run1.md');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^review-grader: \.review-grader\.json:1:27: JSON として不正です: "rubric" の値の後に ',' か '\}' が必要です$/m);
  const en2 = runCliEnv(broken, {}, 'grade', 'results/v001-base-run1.md');
  assert.match(
    en2.stderr,
    /^review-grader: \.review-grader\.json:1:27: not valid JSON: expected ',' or '\}' after the value of "rubric"$/m,
  );
});

test('project file messages: the English text unchanged, the Japanese with its line prefix', () => {
  const { diagnostics } = parseProjectFile('{\n  "thresholds": { "stability": { "high": 2, "medium": 1 } }\n}\n');
  assert.equal(diagnostics[0]?.message, 'line 2: "thresholds.stability.high" (2) is above "medium" (1); expected high ≤ medium');
  assert.equal(
    messageIn(diagnostics[0]!, ja),
    '2 行目: "thresholds.stability.high"（2）が "medium"（1）より大きくなっています。high ≤ medium にしてください',
  );
  assert.equal(withoutLinePrefix(diagnostics[0]!, ja).startsWith('"thresholds.stability.high"'), true);
});

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, re) : re.test(name) ? [p] : [];
  });
}

// the corpus keys and reviews are clean; its judge reports give some eighty audit messages
test('corpus: every key and judge-report message said again in English is its message byte for byte, and has a Japanese text', () => {
  const corpus = '../shared/corpus';
  const all: Diagnostic[] = [];
  for (const p of files(corpus, /^answer-key.*\.md$/)) all.push(...parseAnswerKey(readFileSync(p, 'utf8'), p).diagnostics);
  for (const p of files(corpus, /-scoring\.md$/)) {
    const report = parseJudgeReport(readFileSync(p, 'utf8'), p);
    all.push(...report.diagnostics, ...auditJudgeReport(report));
  }
  assert.ok(all.length > 10, `only ${all.length} diagnostics in the corpus`);
  for (const d of all) {
    assert.ok(d.said, `${d.code} has no record: ${d.message}`);
    assert.equal(messageIn(d, english), d.message);
    assert.notEqual(messageIn(d, ja), d.message, `no Japanese for ${d.message}`);
  }
});
