// Grading tags: syntax, reading with diagnostics, and the writer's promises
// (minimal edits, idempotent, stripTags restores the original bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TagEntry } from '../../src/core/model';
import { parseReview } from '../../src/core/review';
import { applyEdits, formatTag, parseTagBody, readTags, setTagEntry, setTagVerdict, stripTags, tagEdits } from '../../src/core/tags';

const P = (id: string, verdict: 'detected' | 'partial' | 'missed'): TagEntry => ({ kind: 'problem', id, verdict });

test('formatTag writes the canonical forms', () => {
  assert.equal(formatTag([P('P01', 'detected'), P('P06', 'partial')]), '<!-- grade: P01 ○, P06 △ -->');
  assert.equal(formatTag([{ kind: 'bonus', id: 'B01' }]), '<!-- grade: bonus B01 -->');
  assert.equal(formatTag([{ kind: 'bonus' }]), '<!-- grade: bonus -->');
  assert.equal(formatTag([{ kind: 'penalty', reason: 'out of scope' }]), '<!-- grade: penalty: out of scope -->');
  assert.equal(formatTag([{ kind: 'penalty', reason: 'a, b --> c|d' }]), '<!-- grade: penalty: a b - c/d -->');
});

test('parseTagBody accepts ASCII and full-width spellings', () => {
  assert.deepEqual(parseTagBody(' P1 o, p02 ^ , P3 x ').entries, [P('P01', 'detected'), P('P02', 'partial'), P('P03', 'missed')]);
  assert.deepEqual(parseTagBody('P01 detected; P02 partial、P03 missed').entries, [
    P('P01', 'detected'),
    P('P02', 'partial'),
    P('P03', 'missed'),
  ]);
  assert.deepEqual(parseTagBody('Ｐ０１　○，P02 ×').entries, [P('P01', 'detected'), P('P02', 'missed')]);
  assert.deepEqual(parseTagBody('bonus, bonus b3, penalty：out of scope').entries, [
    { kind: 'bonus' },
    { kind: 'bonus', id: 'B03' },
    { kind: 'penalty', reason: 'out of scope' },
  ]);
  const bad = parseTagBody('P1 ?, frobnicate');
  assert.equal(bad.entries.length, 0);
  assert.equal(bad.errors.length, 2);
});

test('readTags: malformed tags become diagnostics with lines, never exceptions', () => {
  const text = 'a\n<!-- grade: P1 ? -->\n<!-- grade: P02 maybe -->\n<!-- grade P03 ○ -->\n<!-- grade: P04 ○\nz';
  const { tags, diagnostics } = readTags(text);
  assert.deepEqual(
    diagnostics.map((d) => d.line),
    [2, 3, 4, 5],
  );
  assert.ok(diagnostics.every((d) => d.code === 'malformed-tag' && d.message.length > 10));
  assert.equal(tags.length, 3);
  assert.deepEqual(tags[2].entries, [P('P03', 'detected')]);
});

const DOC = '# Review\n\n## Critical Issues\n\n### C1: Missing breaker\n\nBody one.\n\n### C2: Tokens\n\nBody two.\n';

test('tagEdits adds after the heading line, changes in place, removes, and is idempotent', () => {
  let text = DOC;
  const write = (target: number | 'review', entries: TagEntry[]) => {
    const edits = tagEdits(text, parseReview(text), target, entries);
    text = applyEdits(text, edits);
    const again = tagEdits(text, parseReview(text), target, entries);
    assert.equal(applyEdits(text, again), text, 'writing twice = once');
    return edits;
  };
  write(0, [P('P01', 'detected')]);
  assert.match(text, /### C1: Missing breaker\n<!-- grade: P01 ○ -->\n\nBody one\./);
  write(0, [P('P01', 'partial'), P('P06', 'partial')]);
  assert.equal((text.match(/grade:/g) ?? []).length, 1, 'change replaces the existing tag');
  write('review', [P('P03', 'missed')]);
  assert.ok(text.endsWith('Body two.\n<!-- grade: P03 × -->\n'));
  const r = parseReview(text);
  assert.deepEqual(
    r.tags.map((t) => t.findingIndex),
    [0, undefined],
  );
  const edits = setTagVerdict(text, r, 0, 'P06', 'detected');
  text = applyEdits(text, edits);
  assert.match(text, /<!-- grade: P01 △, P06 ○ -->/);
  write(0, []);
  write('review', []);
  assert.equal(text, DOC);
});

test("the writer keeps each file's own line ending: CRLF, CR, and no final newline", () => {
  for (const eol of ['\r\n', '\r']) {
    const doc = DOC.replace(/\n/g, eol);
    const r = parseReview(doc);
    const out = applyEdits(doc, tagEdits(doc, r, 1, [P('P02', 'detected')]));
    assert.ok(out.includes(`### C2: Tokens${eol}<!-- grade: P02 ○ -->${eol}`));
    assert.equal(stripTags(out), doc);
  }
  const bare = '## Issues\n\n### C1: Last heading';
  let t = applyEdits(bare, tagEdits(bare, parseReview(bare), 0, [P('P01', 'detected')]));
  assert.equal(t, bare + '\n<!-- grade: P01 ○ -->');
  // the file ends with a finding's heading: a review tag at the end would read as its tag, so it goes first
  t = applyEdits(t, tagEdits(t, parseReview(t), 'review', [{ kind: 'bonus' }]));
  assert.ok(t.startsWith('<!-- grade: bonus -->\n## Issues'));
  assert.deepEqual(
    parseReview(t).tags.map((x) => x.findingIndex),
    [undefined, 0],
  );
  assert.equal(stripTags(t), bare);
});

test('table-row findings carry the tag at the end of their row', () => {
  const doc = '## Findings\n\n| Severity | Issue |\n|---|---|\n| Critical | Missing CSRF |\n| Moderate | Verbose errors |\n';
  const out = applyEdits(doc, tagEdits(doc, parseReview(doc), 1, [P('P02', 'partial')]));
  assert.ok(out.includes('| Moderate | Verbose errors | <!-- grade: P02 △ -->\n'));
  const r = parseReview(out);
  assert.equal(r.findings.length, 2);
  assert.equal(r.tags[0].findingIndex, 1);
  assert.equal(stripTags(out), doc);
});

test('setTagEntry replaces one problem and keeps the others', () => {
  const e = setTagEntry([P('P01', 'detected'), P('P06', 'partial')], P('P06', 'missed'));
  assert.deepEqual(e, [P('P01', 'detected'), P('P06', 'missed')]);
  assert.deepEqual(setTagEntry(e, { kind: 'bonus' }), [...e, { kind: 'bonus' }]);
});

// ------------------------------------------------------------- properties

const SHAPES = fc.constantFrom(
  '# Title',
  '## Critical Issues',
  '### C1: Foo',
  '#### 2.3 Bar baz',
  '### S-2. Qux',
  '**C4: Bold lead**',
  '**M1. Another**',
  'text line',
  '',
  '',
  '- item',
  '  - nested',
  '| Sev | Issue |',
  '|---|---|',
  '| Critical | Broken |',
  '```',
  'code # x',
  'Setext',
  '===',
  '---',
  '<!-- note -->',
  '> quote',
  '\uFEFF## 1. Critical Issues',
  '## Positive Aspects',
  '### 4-1. 良い点の例',
);
const NOISE = fc.string({
  unit: fc.constantFrom('#', '*', '|', '-', ' ', 'C', '1', ':', '.', '<', '!', '>', '`', '\r', '\n', 'x'),
  maxLength: 12,
});
// originals are tag-free: removing every tag can only restore a file that had none
const LINE = fc.oneof({ arbitrary: SHAPES, weight: 4 }, { arbitrary: NOISE.filter((s) => !s.includes('<!')), weight: 1 });
const EOL = fc.constantFrom('\n', '\r\n', '\r');
const DOCS = fc
  .tuple(fc.array(fc.tuple(LINE, EOL), { maxLength: 25 }), fc.boolean())
  .map(([ls, trailing]) => ls.map(([l, e], i) => l + (i < ls.length - 1 || trailing ? e : '')).join(''));
const ENTRY: fc.Arbitrary<TagEntry> = fc.oneof(
  fc.record({
    kind: fc.constant('problem' as const),
    id: fc.constantFrom('P01', 'P02', 'P10'),
    verdict: fc.constantFrom('detected' as const, 'partial' as const, 'missed' as const),
  }),
  fc.constant({ kind: 'bonus' as const }),
  fc.constant({ kind: 'bonus' as const, id: 'B02' }),
  fc.constant({ kind: 'penalty' as const, reason: 'out of scope' }),
);
const OPS = fc.array(fc.tuple(fc.nat(), fc.array(ENTRY, { maxLength: 3 })), { maxLength: 8 });

test('property: stripTags(after any writes) === original; writes are idempotent and read back', () => {
  fc.assert(
    fc.property(DOCS, OPS, (original, ops) => {
      let text = original;
      for (const [n, entries] of ops) {
        const review = parseReview(text);
        const count = review.findings.length;
        const target: number | 'review' = n % (count + 1) === count ? 'review' : n % (count + 1);
        text = applyEdits(text, tagEdits(text, review, target, entries));
        const after = parseReview(text);
        assert.equal(after.findings.length, count, 'a tag never changes the findings');
        assert.equal(applyEdits(text, tagEdits(text, after, target, entries)), text, 'idempotent');
        const mine = after.tags.filter((t) => (target === 'review' ? t.findingIndex === undefined : t.findingIndex === target));
        if (entries.length === 0) assert.equal(mine.length, 0);
        else
          assert.deepEqual(
            mine.map((t) => t.raw),
            [formatTag(entries)],
          );
      }
      assert.equal(stripTags(text), original);
    }),
    { numRuns: 400 },
  );
});

test('a point titled over nested details keeps its finding when its tag goes between the two (fast-check counterexample)', () => {
  const doc = 'text line\n#>\r\r\n  - nested';
  const before = parseReview(doc);
  assert.deepEqual(
    before.findings.map((f) => f.heading),
    ['text line #>'],
  );
  const out = applyEdits(doc, tagEdits(doc, before, 0, [{ kind: 'bonus' }]));
  assert.equal(out, 'text line\n#>\r<!-- grade: bonus -->\r\r\n  - nested');
  const after = parseReview(out);
  assert.deepEqual(
    after.findings.map((f) => f.heading),
    ['text line #>'],
    'the tag hid the nested details from the title above them',
  );
  assert.equal(after.tags[0].findingIndex, 0);
  assert.equal(stripTags(out), doc);
});

test('a tag after a lead line the next line continues trails that line, so the findings stay the same (fast-check counterexample)', () => {
  const doc = '> quote\n**M1. Another**\n| Critical | Broken |\n-\n# Title';
  const before = parseReview(doc);
  assert.equal(before.findings.length, 1);
  const out = applyEdits(doc, tagEdits(doc, before, 0, [{ kind: 'bonus' }]));
  assert.equal(out, '> quote\n**M1. Another** <!-- grade: bonus -->\n| Critical | Broken |\n-\n# Title');
  const after = parseReview(out);
  assert.equal(after.findings.length, 1, 'a tag line would have made "| Critical | Broken |" a setext heading');
  assert.equal(after.tags[0].findingIndex, 0);
  assert.equal(stripTags(out), doc);
  // a lead followed by a blank line keeps its tag on a line of its own
  const spaced = '**M1. Another**\n\nBody.\n';
  assert.equal(
    applyEdits(spaced, tagEdits(spaced, parseReview(spaced), 0, [{ kind: 'bonus' }])),
    '**M1. Another**\n<!-- grade: bonus -->\n\nBody.\n',
  );
});
