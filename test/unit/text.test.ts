// core/text: the one line table, end-of-line, edits, language, heading/fence
// syntax and verdict marks that keys, reviews, tags and judges share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { LineIndex } from '../../src/core/answerKey/lines';
import { parseReview } from '../../src/core/review';
import { MARK } from '../../src/core/model';
import {
  applyEdits,
  atxHeading,
  bomLength,
  closesFence,
  detectEol,
  detectLanguage,
  fenceOpen,
  lineOf,
  MARK_GLYPHS,
  parseVerdict,
  PositionMap,
  splitLines,
  verdictOfGlyph,
} from '../../src/core/text';

const KEY = [
  '# Answer Key',
  '',
  '### P01: Cache has no expiry',
  '- **Category**: Performance',
  '- **Detection Criteria**:',
  '  - ○ (Detected): names the missing TTL',
  '  - △ (Partial): mentions caching',
  '  - × (Missed): nothing',
  '',
  '### P02: Retries without backoff',
  '- ○ (Detected): asks for backoff',
  '- △ (Partial): says retries are risky',
  '- × (Missed): nothing',
  '',
];

test('a key with CR-only line ends parses to the same problems as with LF (it had zero)', () => {
  const lf = parseAnswerKey(KEY.join('\n'));
  const cr = parseAnswerKey(KEY.join('\r'));
  const crlf = parseAnswerKey(KEY.join('\r\n'));
  assert.deepEqual(
    lf.problems.map((p) => p.id),
    ['P01', 'P02'],
  );
  assert.deepEqual(
    cr.problems.map((p) => p.id),
    ['P01', 'P02'],
  );
  assert.deepEqual(
    crlf.problems.map((p) => p.id),
    ['P01', 'P02'],
  );
  assert.deepEqual(
    cr.problems.map((p) => Object.values(p.criteria).map((c) => c?.text)),
    lf.problems.map((p) => Object.values(p.criteria).map((c) => c?.text)),
  );
  // the same lines and columns, whatever the terminator
  assert.deepEqual(
    cr.problems.map((p) => p.span.start.line),
    lf.problems.map((p) => p.span.start.line),
  );
});

test('a key behind a byte-order mark still has its heading and problems, even on line 1 (it had none)', () => {
  const key = parseAnswerKey(`\uFEFF${KEY.join('\n')}`);
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['P01', 'P02'],
  );
  const first = parseAnswerKey('\uFEFF### P01: Title\n- ○ (Detected): x\n');
  assert.deepEqual(
    first.problems.map((p) => [p.id, p.title]),
    [['P01', 'Title']],
  );
  assert.equal(first.problems[0]!.headingSpan.start.offset, 1, 'offsets still count the mark');
  assert.equal(first.problems[0]!.criteria.detected?.span.start.line, 2);
});

test('splitLines: LF, CRLF and lone CR, no line after a final terminator', () => {
  assert.deepEqual(splitLines('a\nb\r\nc\rd'), [
    { start: 0, end: 1, next: 2 },
    { start: 2, end: 3, next: 5 },
    { start: 5, end: 6, next: 7 },
    { start: 7, end: 8, next: 8 },
  ]);
  assert.deepEqual(splitLines(''), []);
  assert.deepEqual(splitLines('a\r'), [{ start: 0, end: 1, next: 2 }]);
  assert.deepEqual(splitLines('\r\n\r\n').length, 2);
});

test('LineIndex (keys) keeps an empty last line after a final break, on any terminator', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const ix = new LineIndex(`a${eol}b${eol}`);
    assert.deepEqual(
      ix.lines.map((l) => l.text),
      ['a', 'b', ''],
    );
    assert.equal(ix.eol, eol);
    assert.deepEqual(ix.point(ix.text.length), { line: 3, column: 1, offset: ix.text.length });
  }
  assert.deepEqual(
    new LineIndex('').lines.map((l) => l.text),
    [''],
  );
});

test('detectEol: the first terminator, LF for none', () => {
  assert.equal(detectEol('a\r\nb\n'), '\r\n');
  assert.equal(detectEol('a\rb'), '\r');
  assert.equal(detectEol('a\nb\r\n'), '\n');
  assert.equal(detectEol('abc'), '\n');
  assert.equal(bomLength('\uFEFF#'), 1);
  assert.equal(bomLength('#'), 0);
});

test('PositionMap and lineOf agree on CR-only and CRLF text', () => {
  const text = 'ab\rcd\r\nef';
  const map = new PositionMap(splitLines(text), text.length);
  assert.deepEqual(map.point(3), { line: 2, column: 1, offset: 3 });
  assert.deepEqual(map.point(7), { line: 3, column: 1, offset: 7 });
  assert.equal(lineOf(text, 3), 2);
  assert.equal(lineOf(text, 6), 2, 'between CR and LF is still line 2');
  assert.equal(lineOf(text, 7), 3);
});

test('applyEdits: any order, offsets of the original', () => {
  const text = 'hello world';
  assert.equal(
    applyEdits(text, [
      { start: 6, end: 11, newText: 'there' },
      { start: 0, end: 5, newText: 'hi' },
    ]),
    'hi there',
  );
  assert.equal(applyEdits(text, []), text);
});

test('detectLanguage: one answer for keys and reviews', () => {
  const line = '## 概要 Summary of the cache design';
  assert.equal(parseAnswerKey(line).language, parseReview(line).language);
  assert.equal(detectLanguage('キャッシュの有効期限がない'), 'ja');
  assert.equal(detectLanguage('The cache has no expiry'), 'en');
  assert.equal(detectLanguage(''), 'en');
});

test('atxHeading and fences: one syntax for keys and reviews', () => {
  assert.deepEqual(atxHeading('### P01: Title ###'), { depth: 3, text: 'P01: Title' });
  assert.deepEqual(atxHeading('   ## x'), { depth: 2, text: 'x' });
  assert.equal(atxHeading('    ## code'), undefined);
  assert.equal(atxHeading('#hashtag'), undefined);
  assert.equal(fenceOpen('```ts'), '```');
  assert.equal(fenceOpen('``` a`b'), undefined);
  assert.equal(fenceOpen('~~~~'), '~~~~');
  assert.ok(closesFence('````', '```'));
  assert.ok(!closesFence('~~~', '```'));
  assert.ok(!closesFence('``` x', '```'));
});

test('verdict marks: one table; every display mark reads back', () => {
  for (const v of ['detected', 'partial', 'missed'] as const) assert.equal(parseVerdict(MARK[v]), v);
  for (const [glyph, v] of Object.entries(MARK_GLYPHS)) assert.equal(parseVerdict(glyph), v);
  assert.equal(verdictOfGlyph('⭕\uFE0F'), 'detected');
  assert.equal(parseVerdict('O'), 'detected');
  assert.equal(parseVerdict('^'), 'partial');
  assert.equal(parseVerdict('未検出'), 'missed');
  assert.equal(parseVerdict('maybe'), undefined);
});
