import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseAnswerKey } from '../../src/core/answerKey';
import type { AnswerKey, Span } from '../../src/core/model';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/keys');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const slice = (text: string, s: Span) => text.slice(s.start.offset, s.end.offset);

function corpusKeys(): string[] {
  return readdirSync(CORPUS)
    .filter((d) => statSync(path.join(CORPUS, d)).isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(CORPUS, d))
        .filter((f) => /^answer-key.*\.md$/.test(f))
        .map((f) => `${d}/${f}`),
    )
    .sort();
}

test('every corpus key parses completely and matches labels.json', () => {
  const keys = corpusKeys();
  assert.equal(keys.length, 33);
  const labels = JSON.parse(readFileSync(path.join(CORPUS, 'labels.json'), 'utf8')) as { key: string; labels: Record<string, string> }[];
  let problems = 0;
  for (const rel of keys) {
    const text = readFileSync(path.join(CORPUS, rel), 'utf8');
    const key = parseAnswerKey(text, rel);
    const errors = key.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, [], rel);
    assert.ok(key.problems.length > 0, rel);
    for (const p of key.problems) {
      assert.ok(p.title, `${rel} ${p.id} title`);
      assert.ok(p.severity && p.category && p.description, `${rel} ${p.id} fields`);
      for (const v of ['detected', 'partial', 'missed'] as const) {
        assert.ok(p.criteria[v]?.text, `${rel} ${p.id} ${v}`);
        assert.ok(slice(text, p.criteria[v]!.span).includes(p.criteria[v]!.text.split('\n')[0]!), `${rel} ${p.id} ${v} span`);
      }
      assert.match(slice(text, p.headingSpan), new RegExp(`^#+\\s*${p.id}`));
    }
    const ids = key.problems.map((p) => p.id).sort();
    for (const r of labels.filter((l) => l.key === rel)) assert.deepEqual(Object.keys(r.labels).sort(), ids, `${rel} vs labels.json`);
    if (key.statedCount !== undefined) assert.equal(key.statedCount, key.problems.length, rel);
    assert.ok(key.perspective, `${rel} perspective`);
    assert.ok(key.bonus.length > 0 && key.bonus.every((b) => /^B\d\d$/.test(b.id) && b.text && b.condition), `${rel} bonus`);
    if (/round-(\d+)/.test(rel)) assert.equal(key.round, Number(/round-(\d+)/.exec(rel)![1]), rel);
    problems += key.problems.length;
  }
  // every labelled key is in the corpus
  for (const r of labels) assert.ok(keys.includes(r.key), r.key);
  assert.ok(problems > 300);
});

test('corpus language: Japanese keys are ja, English keys are en', () => {
  const lang = (rel: string) => parseAnswerKey(readFileSync(path.join(CORPUS, rel), 'utf8'), rel).language;
  assert.equal(lang('reliability-design/answer-key-round-001.md'), 'ja');
  assert.equal(lang('reliability-design/answer-key-round-006.md'), 'en');
  assert.equal(lang('security-design-reviewer/answer-key-1.md'), 'ja');
  assert.equal(lang('security-design/answer-key-round-017.md'), 'en');
});

test('English fixture: header, fields, criteria, spans, bonus table', () => {
  const text = fixture('en-basic.md');
  const key = parseAnswerKey(text, 'keys/en-basic.md');
  assert.equal(key.language, 'en');
  assert.equal(key.round, 3);
  assert.equal(key.perspective, 'caching');
  assert.equal(key.statedCount, 3);
  assert.equal(key.statedCountLine, 6);
  assert.deepEqual(key.diagnostics, []);
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['P01', 'P02', 'P03'],
  );
  const [p1, p2, p3] = key.problems as [AnswerKey['problems'][0], AnswerKey['problems'][0], AnswerKey['problems'][0]];
  assert.equal(p1.title, 'Cache stampede on cold start');
  assert.equal(p1.number, 1);
  assert.equal(p1.category, 'Cache Design');
  assert.equal(p1.severity, 'Critical');
  assert.equal(p1.location, 'Section 2 (Read path)');
  assert.equal(p1.description, 'Every node refills the same cold key at once\nand the origin is flooded.');
  assert.deepEqual(
    p1.fields.map((f) => [f.name, f.label]),
    [
      ['category', 'Category'],
      ['severity', 'Severity'],
      ['location', 'Location'],
      ['description', 'Problem Description'],
      ['criteria', 'Detection Criteria'],
    ],
  );
  assert.equal(p1.criteria.partial?.text, 'Mentions load on the origin without the stampede mechanism');
  assert.equal(slice(text, p1.criteria.missed!.span), '× (Not Detected): No mention of cold-start load');
  assert.equal(p1.criteria.missed!.span.start.line, 19);
  assert.equal(p1.criteria.missed!.span.start.column, 5);
  assert.equal(slice(text, p1.headingSpan), '### P01: Cache stampede on cold start');
  assert.ok(slice(text, p1.span).endsWith('No mention of cold-start load'));
  assert.equal(p2.description, 'Sessions never expire from the cache.');
  assert.equal(p3.description, 'Writes do not invalidate the cache.');
  assert.equal(p3.criteria.detected?.text, 'Identifies stale reads after a write\nand recommends invalidation on write');
  assert.equal(p3.criteria.detected?.span.end.line, p3.criteria.detected!.span.start.line + 1);
  assert.ok(!slice(text, p3.span).includes('Bonus'));
  assert.deepEqual(
    key.bonus.map((b) => [b.id, b.category, b.text, b.condition]),
    [
      ['B01', 'Observability', 'No hit-ratio metric', 'Recommends a hit-ratio metric'],
      ['B02', 'Capacity', 'Eviction policy unstated', 'Asks for an eviction policy (LRU, LFU)'],
    ],
  );
  assert.equal(key.bonus[0]!.span.start.line, 46);
});

test('Japanese fixture: full-width colons and digits, unlabeled marks, 検出難易度', () => {
  const text = fixture('ja-basic.md');
  const key = parseAnswerKey(text, 'answer-key-round-007.md');
  assert.equal(key.language, 'ja');
  assert.equal(key.round, 7, 'round from the file name');
  assert.equal(key.perspective, 'キャッシュ');
  assert.equal(key.statedCount, 2);
  assert.deepEqual(key.diagnostics, []);
  const [p1, p2] = key.problems;
  assert.equal(p2!.title, '書き込み後の古い読み取り');
  assert.equal(p1!.severity, '重大');
  assert.equal(p1!.fields[1]!.label, '重大度');
  assert.equal(p1!.description, 'セッション情報の有効期限が記載されていない。');
  assert.equal(p1!.criteria.partial?.text, 'メモリ使用量の増加にのみ言及している');
  assert.equal(p2!.severity, '中 (Medium)');
  assert.equal(p2!.fields.find((f) => f.name === 'difficulty')?.value, 'hard');
  assert.equal(p2!.criteria.detected?.text, '書き込み後の古い読み取りを指摘し、無効化を提案している');
  assert.equal(p2!.criteria.missed?.text, '指摘なし');
  assert.deepEqual(
    key.bonus.map((b) => [b.id, b.category, b.condition]),
    [['B01', '可観測性', 'ヒット率メトリクスを提案した場合']],
  );
});

test('heading and criterion variants', () => {
  const text = fixture('variants.md');
  const key = parseAnswerKey(text);
  assert.equal(key.round, 12);
  assert.equal(key.perspective, 'queues');
  assert.equal(key.statedCount, 6);
  assert.deepEqual(key.diagnostics, []);
  assert.deepEqual(
    key.problems.map((p) => [p.id, p.title]),
    [
      ['P01', 'Full-width colon after the id'],
      ['P02', 'Dash separator'],
      ['P03', 'Space only'],
      ['P04', 'Short id'],
      ['P05', 'Bold pseudo-heading'],
      ['P06', 'Bracketed id'],
    ],
  );
  for (const p of key.problems) {
    assert.deepEqual(Object.keys(p.criteria).sort(), ['detected', 'missed', 'partial'], p.id);
    assert.ok(p.severity, p.id);
  }
  assert.equal(key.problems[1]!.criteria.partial?.text, 'ascii partial');
  assert.equal(key.problems[3]!.criteria.missed?.text, 'missed four');
  assert.equal(key.problems[4]!.criteria.detected?.text, 'detected five');
  assert.deepEqual(
    key.bonus.map((b) => [b.id, b.text, b.condition, b.category]),
    [
      ['B01', 'Dead-letter queue metrics', 'Recommends DLQ depth alerts', 'Observability'],
      ['B02', 'Poison message handling', 'Names poison messages', undefined],
    ],
  );
});

test('three-digit ids, parse diagnostics and odd inputs', () => {
  const big = parseAnswerKey('### P100: Hundredth\n- ○: a\n- △: b\n- ×: c\n');
  assert.equal(big.problems[0]!.id, 'P100');
  const bare = parseAnswerKey('# Key\n\n### P03: Has no criteria\n- **Severity**: Low\n\n### P04\n- ○: a\n- △: b\n- ×: c\n');
  assert.deepEqual(
    bare.diagnostics.map((d) => [d.code, d.line]),
    [
      ['no-criteria', 3],
      ['missing-title', 6],
    ],
  );
  assert.match(bare.diagnostics[0]!.message, /line 3: P03 heading found but no detection criteria/);
  assert.deepEqual(
    parseAnswerKey('').diagnostics.map((d) => d.code),
    ['no-problems'],
  );
  assert.deepEqual(
    parseAnswerKey('\u0000\u0001binary\u0000').diagnostics.map((d) => d.code),
    ['not-text'],
  );
  const crlf = parseAnswerKey(fixture('en-basic.md').replace(/\n/g, '\r\n'));
  assert.equal(crlf.problems.length, 3);
  assert.equal(crlf.problems[0]!.criteria.missed?.text, 'No mention of cold-start load');
  assert.equal(parseAnswerKey(null as unknown as string).problems.length, 0);
  const plain = parseAnswerKey('# Answer Key\n\nEmbedded Problems: 2\nPerspective: perf\n\n### P01: a\n- ○: a\n- △: b\n- ×: c\n');
  assert.deepEqual([plain.statedCount, plain.statedCountLine, plain.perspective], [2, 3, 'perf']);
});

test('huge and deeply nested inputs parse quickly', () => {
  const unit = fixture('en-basic.md').split('## Bonus')[0]!.split('## Embedded Problems')[1]!;
  const huge = Array.from({ length: 300 }, (_, i) =>
    unit.replace(/P0(\d)/g, (_m, d) => `P${String(i * 3 + Number(d)).padStart(2, '0')}`),
  ).join('\n');
  const t = Date.now();
  assert.equal(parseAnswerKey(huge).problems.length, 900);
  const nested = '> '.repeat(20000) + '### P01: deep\n' + '  '.repeat(20000) + '- ○: x\n';
  parseAnswerKey(nested);
  parseAnswerKey('- '.repeat(50000) + '\n' + '|'.repeat(100000) + '\n|-|\n' + '*'.repeat(100000));
  parseAnswerKey('### P01: ' + 'a'.repeat(1_000_000) + '\n  - ○ (' + '('.repeat(100000));
  assert.ok(Date.now() - t < 5000, `took ${Date.now() - t} ms`);
});

const fragment = fc.oneof(
  fc.constantFrom(
    '# 正解キー',
    '## Bonus Problems',
    '## ボーナス問題リスト',
    '### P01: Title',
    '### P1',
    '### P01',
    '**P02: bold**',
    '### P999: x',
    '### B01: bonus',
    '- **Severity**: High',
    '- **深刻度**: 中',
    '- **Embedded Problems**: 3',
    '- **埋め込み問題数**: ３問',
    '- **Detection Criteria**:',
    '- **検出判定基準**:',
    '  - ○ (Detected): a',
    '  - △（部分検出）：b',
    '  - ×: c',
    '  - x:',
    '- o (',
    '| ID | Category | Description | Bonus Condition |',
    '|----|---|---|---|',
    '| B01 | c | d | e |',
    '| B02 |',
    '|',
    '```',
    '~~~',
    '<!--',
    '-->',
    '---',
    '',
    '    ',
    '\t- ×',
    '> ### P05: quoted',
    '\r',
  ),
  fc.string({ maxLength: 30 }),
);
const markdownish = fc.array(fragment, { maxLength: 40 }).map((xs) => xs.join('\n'));

test('parseAnswerKey never throws (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
      const k = parseAnswerKey(s);
      assert.ok(Array.isArray(k.problems) && Array.isArray(k.diagnostics));
      assert.ok(!k.diagnostics.some((d) => d.code === 'parse-failure'), 'internal failure');
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(markdownish, (s) => {
      const k = parseAnswerKey(s);
      assert.ok(!k.diagnostics.some((d) => d.code === 'parse-failure'), 'internal failure');
      for (const p of k.problems) {
        assert.match(p.id, /^P\d{2,3}$/);
        assert.ok(p.span.start.offset <= p.span.end.offset && p.span.end.offset <= s.length);
      }
    }),
    { numRuns: 1000 },
  );
});
