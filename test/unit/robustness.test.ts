// parseReview, readTags and stripTags never throw, hang or lose bytes, on any
// text: random strings, decoded binary, odd line endings and pathological
// markdown that makes remark slow or overflow its stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseMarkdown, parseMarkdownChecked } from '../../src/core/markdown';
import { parseReview } from '../../src/core/review';
import { parseAnswerKey } from '../../src/core/answerKey';
import { readTags, stripTags } from '../../src/core/tags';

const SAMPLE = readFileSync(path.resolve(process.cwd(), 'test/fixtures/reviews/v003-sample-run2.md'), 'utf8');

function timed<T>(label: string, f: () => T, budgetMs: number): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  console.log(`    ${label}: ${ms.toFixed(0)} ms`);
  assert.ok(ms < budgetMs, `${label} took ${ms.toFixed(0)} ms (budget ${budgetMs})`);
  return out;
}

const never = (text: string) => {
  const r = parseReview(text, 'x/v001-a-run1.md');
  assert.ok(Array.isArray(r.findings) && Array.isArray(r.diagnostics));
  readTags(text, r.findings);
  assert.equal(typeof stripTags(text), 'string');
};

test('property: never throws on arbitrary strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), never), { numRuns: 500 });
  const md = fc.string({
    unit: fc.constantFrom(
      '#',
      '*',
      '[',
      ']',
      '(',
      ')',
      '|',
      '-',
      '>',
      '`',
      '<!-- grade:',
      '-->',
      ' ',
      '\n',
      '\r',
      'C1:',
      'P01 ○',
      '\uFEFF',
      'x',
    ),
    maxLength: 200,
  });
  fc.assert(fc.property(md, never), { numRuns: 1000 });
});

test('property: never throws on binary garbage decoded as (invalid) UTF-8', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => never(new TextDecoder('utf-8').decode(bytes))),
    { numRuns: 300 },
  );
  never(
    new TextDecoder().decode(
      new Uint8Array([0xff, 0xfe, 0x23, 0x20, 0xc3, 0x28, 0x0a, 0x23, 0x23, 0x23, 0x20, 0x43, 0x31, 0x3a, 0x20, 0x78, 0xed, 0xa0, 0x80]),
    ),
  );
  never('\u0000\u0001### C1: x\u0000\n\ud800 lone surrogate\n');
});

test('empty and whitespace-only input', () => {
  for (const t of ['', '\n', '\r\n\r\n', '   ', '\uFEFF']) {
    const r = parseReview(t);
    assert.equal(r.findings.length, 0);
    assert.equal(r.diagnostics[0]?.code, 'no-findings');
    assert.equal(stripTags(t), t);
  }
});

test('BOM, CRLF and CR-only line ends give the same findings', () => {
  const base = parseReview(SAMPLE);
  const shape = (r: typeof base) => r.findings.map((f) => [f.label, f.title, f.section, f.headingSpan.start.line, f.span.end.line]);
  for (const variant of [SAMPLE.replace(/\n/g, '\r\n'), SAMPLE.replace(/\n/g, '\r'), '\uFEFF' + SAMPLE]) {
    assert.deepEqual(shape(parseReview(variant)), shape(base));
  }
  assert.equal(base.findings.length, 8);
});

test('500 000 `[` on one line', () => {
  const text = '## Issues\n\n### C1: ' + '['.repeat(500_000) + '\n';
  const r = timed('parseReview 500k [', () => parseReview(text), 3000);
  assert.equal(r.findings.length, 1);
  const md = timed('parseMarkdown 500k [', () => parseMarkdownChecked('['.repeat(500_000)), 2000);
  assert.ok(md.fallback, 'routed to the scanner');
  // Below the size limit, the inline-marks guard alone must catch it.
  const smaller = timed('parseMarkdown 300k [', () => parseMarkdownChecked('['.repeat(300_000)), 2000);
  assert.match(smaller.fallback ?? '', /inline marks/);
  timed('stripTags 500k [', () => stripTags(text), 2000);
});

test('10 000-deep nested lists and block quotes', () => {
  const inline = '## Issues\n\n### C1: deep\n\n' + '- '.repeat(10_000) + 'x\n';
  const indented = Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i * 2) + '- x').join('\n');
  const quotes = '>'.repeat(10_000) + ' x\n';
  for (const [name, text] of [
    ['inline list', inline],
    ['indented list (2 000 deep)', indented],
    ['block quote', quotes],
  ] as const) {
    timed(`parseReview ${name}`, () => parseReview(text), 3000);
    const md = timed(`parseMarkdown ${name}`, () => parseMarkdownChecked(text), 3000);
    assert.ok(md.fallback, `${name}: expected the line-based fallback`);
  }
  assert.equal(parseReview(inline).findings.length, 1);
  assert.ok(parseMarkdown('x\n' + '>'.repeat(10_000)).children.length > 0, 'never throws, falls back');
});

test('a 20 MB review parses in a few seconds', () => {
  const reps = Math.ceil(20_000_000 / SAMPLE.length);
  const text = SAMPLE.repeat(reps);
  assert.ok(text.length >= 20_000_000);
  const r = timed(`parseReview ${(text.length / 1e6).toFixed(1)} MB`, () => parseReview(text), 15000);
  assert.equal(r.findings.length, 8 * reps);
  timed('readTags 20 MB', () => readTags(text, r.findings), 5000);
  timed('stripTags 20 MB', () => stripTags(text), 5000);
  const md = timed('parseMarkdown 20 MB', () => parseMarkdownChecked(text), 15000);
  assert.match(md.fallback ?? '', /exceeds/);
});

test('a key with a 200 000-row bonus table keeps every row (no spread of one argument per row)', () => {
  const rows = [
    '# Answer Key',
    '',
    '### P01: Timeout missing',
    '- ○ (Detected): says timeout',
    '',
    '## Bonus',
    '',
    '| ID | Category | Bonus item |',
    '|---|---|---|',
  ];
  for (let i = 1; i <= 200_000; i++) rows.push(`| B${i} | ops | extra finding ${i} |`);
  const key = parseAnswerKey(rows.join('\n'), 'big-bonus.md');
  assert.equal(key.problems.length, 1);
  assert.equal(key.bonus.length, 200_000);
});
