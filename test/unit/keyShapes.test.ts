// Key shapes beyond '### P01:' (table keys, problem-bank items, scenario
// rubrics), English and Japanese. Each fixture states what it must yield in
// an `<!-- expect-key: {json} -->` comment at its top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bankEntryOf, detectionSubtotal, GENERIC_CRITERIA, parseAnswerKey, parseKeyFile } from '../../src/core/answerKey';
import type { Verdict } from '../../src/core/model';

const DIR = path.resolve(process.cwd(), 'test/fixtures/keys/shapes');
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

interface Expect {
  shape: string;
  generic?: boolean;
  sections: { id: string | null; title?: string; problems: string[] }[];
  bank?: string[];
  groups?: Record<string, string>;
  fields?: Record<string, Record<string, string>>;
  titles?: Record<string, string>;
  weights?: Record<string, number>;
  refs?: Record<string, string>;
  criteria?: Record<string, string>;
  statedWeight?: number;
  scoring?: { ratings: number[]; scale?: number; weighted?: boolean };
  infos?: string[];
}

function expectation(text: string): Expect {
  const m = /<!-- expect-key: ([\s\S]*?) -->/.exec(text);
  assert.ok(m, 'fixture has no expect-key comment');
  return JSON.parse(m[1]!) as Expect;
}

const MARKS: Record<Verdict, string> = { detected: '○', partial: '△', missed: '×' };

for (const name of readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  test(`shape fixture ${name} yields its stated items, criteria, weights and scenarios`, () => {
    const text = read(name);
    const want = expectation(text);
    const file = parseKeyFile(text, name);
    assert.deepEqual(
      file.sections.map((s) => ({ id: s.scenario?.id ?? null, problems: s.problems.map((p) => p.id) })),
      want.sections.map((s) => ({ id: s.id, problems: s.problems })),
    );
    want.sections.forEach((s, i) => s.title && assert.equal(file.sections[i]!.scenario!.title, s.title));
    const problems = new Map(file.sections.flatMap((s) => s.problems.map((p) => [p.id, p] as const)));
    for (const s of file.sections) {
      assert.equal(s.shape, want.shape, `${name} shape`);
      assert.equal(!!s.genericCriteria, !!want.generic, `${name} generic`);
      assert.deepEqual(
        s.diagnostics.filter((d) => d.severity !== 'info'),
        [],
        `${name} diagnostics`,
      );
      assert.deepEqual(
        s.diagnostics.filter((d) => d.severity === 'info').map((d) => d.code),
        want.infos ?? [],
      );
      for (const p of s.problems) {
        assert.ok(p.title, `${p.id} title`);
        assert.equal(p.criteriaSource, want.generic ? 'generic' : 'key', `${p.id} criteriaSource`);
        assert.equal(text.slice(p.headingSpan.start.offset, p.headingSpan.end.offset).includes(p.id), true, `${p.id} heading span`);
      }
    }
    assert.deepEqual(
      file.bank?.map((b) => b.id),
      want.bank,
      `${name} bank`,
    );
    for (const [id, g] of Object.entries(want.groups ?? {})) assert.equal(problems.get(id)?.group, g, `${id} group`);
    for (const [id, t] of Object.entries(want.titles ?? {})) assert.equal(problems.get(id)?.title, t, `${id} title`);
    for (const [id, fs] of Object.entries(want.fields ?? {})) {
      for (const [k, v] of Object.entries(fs)) assert.equal((problems.get(id) as unknown as Record<string, string>)[k], v, `${id} ${k}`);
    }
    for (const [id, w] of Object.entries(want.weights ?? {})) assert.equal(problems.get(id)?.weight, w, `${id} weight`);
    for (const [id, r] of Object.entries(want.refs ?? {})) assert.equal(problems.get(id)?.ref, r, `${id} ref`);
    for (const [id, c] of Object.entries(want.criteria ?? {})) {
      const p = problems.get(id)!;
      assert.equal(
        (['detected', 'partial', 'missed'] as Verdict[])
          .filter((v) => p.criteria[v]?.text)
          .map((v) => MARKS[v])
          .join(''),
        c,
        `${id} criteria`,
      );
      for (const v of ['detected', 'partial', 'missed'] as Verdict[]) {
        const cr = p.criteria[v]!;
        assert.ok(text.slice(cr.span.start.offset, cr.span.end.offset).includes(cr.text.split('\n')[0]!), `${id} ${v} span`);
      }
    }
    if (want.statedWeight !== undefined) assert.equal(file.sections[0]!.scoring?.statedWeight, want.statedWeight);
    if (want.scoring) {
      for (const s of file.sections) {
        const r = s.scoring!;
        assert.deepEqual([r.ratings.detected, r.ratings.partial, r.ratings.missed], want.scoring.ratings, `${name} ratings`);
        assert.equal(r.scale, want.scoring.scale);
        assert.equal(r.weighted, !!want.scoring.weighted);
      }
    }
  });
}

test('parseAnswerKey on a scenario file: the first scenario, or the one named by argument or #fragment', () => {
  const text = read('scenario-en.md');
  assert.equal(parseAnswerKey(text, 'rubric.md').scenario?.id, 'T01');
  assert.deepEqual(
    parseAnswerKey(text, 'rubric.md').scenarios?.map((s) => s.id),
    ['T01', 'T02'],
  );
  const t2 = parseAnswerKey(text, 'rubric.md#T02');
  assert.equal(t2.scenario?.id, 'T02');
  assert.equal(t2.path, 'rubric.md');
  assert.deepEqual(
    parseAnswerKey(text, 'rubric.md', 't02').problems.map((p) => p.id),
    ['AK-T02-01', 'AK-T02-02'],
  );
  const missing = parseAnswerKey(text, 'rubric.md#T09');
  assert.equal(missing.diagnostics[0]!.code, 'unknown-scenario');
  assert.match(missing.diagnostics[0]!.message, /no scenario 'T09' in this file \(it holds T01, T02\)/);
  // the bank entry a scenario item draws on is at hand for a hover
  const ak = t2.problems[0]!;
  assert.equal(bankEntryOf(t2, ak)?.title, 'Reset token never expires');
  assert.equal(bankEntryOf(t2, t2.problems[1]!)?.id, 'PB-01');
});

test('detection subtotal follows the key: classic ○1 △0.5 ×0 summed; a scenario Σ(rating × weight) / max × 10', () => {
  const classic = parseAnswerKey(readFileSync(path.resolve('test/fixtures/keys/en-basic.md'), 'utf8'));
  const c = detectionSubtotal(classic, { P01: 'detected', P02: 'partial' });
  assert.deepEqual(c, { value: 1.5, max: 3, rule: '○ 1, △ 0.5, × 0, summed' });
  const t1 = parseAnswerKey(read('scenario-en.md'), 'rubric.md#T01');
  // weights 2, 1, 1; ratings 2/1/0: (2·2 + 1·1 + 0) / 8 × 10 = 6.25
  const s = detectionSubtotal(
    t1,
    new Map<string, Verdict>([
      ['T01-C1', 'detected'],
      ['T01-C2', 'partial'],
      ['T01-C3', 'missed'],
    ]),
  );
  assert.equal(s.value, 6.25);
  assert.equal(s.max, 8);
  assert.match(
    s.rule,
    /^○ 2, △ 1, × 0 × the item’s weight, summed, \/ max \(8\) × 10 \(as the key states: Σ\(rating × weight\) \/ max × 10\)$/,
  );
  // weighted without a scale: the raw sum
  const ja = parseAnswerKey(read('table-ja.md'));
  assert.equal(
    detectionSubtotal(ja, [
      { id: 'Q1', verdict: 'partial' },
      { id: 'Q2', verdict: 'detected' },
    ]).value,
    2,
  );
});

test('a table key has no criteria of its own: the generic definitions exist in both languages', () => {
  const key = parseAnswerKey(read('table-en.md'), 'answer-key.md');
  assert.equal(key.genericCriteria, true);
  for (const lang of ['en', 'ja'] as const)
    for (const v of ['detected', 'partial', 'missed'] as const) assert.ok(GENERIC_CRITERIA[lang][v].length > 10);
});

test('files that are not keys stay unread: a review with id headings, a scoring table of P01 rows', () => {
  const review = '# Review\n\n### C1: Missing rate limit\nThe API has no limit.\n\n### C2: No timeout\n× none given\n';
  assert.deepEqual(parseAnswerKey(review, 'v001-baseline-run1.md').problems, []);
  const report = '# Scoring\n\n| ID | Run1 | Run2 |\n|----|------|------|\n| P01 | ○ | △ |\n| P02 | × (0) | ○ (1.0) |\n';
  assert.deepEqual(parseAnswerKey(report, 'v001-scoring.md').problems, []);
  assert.equal(parseAnswerKey(report, 'v001-scoring.md').diagnostics[0]!.code, 'no-problems');
});

test('a half-read table names the row where reading stopped', () => {
  const text = '# Answer Key\n\n| ID | Problem |\n|----|---------|\n| S1 | vague wording |\n| see below | oops |\n| S2 | no timeout |\n';
  const key = parseAnswerKey(text, 'k.md');
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['S1', 'S2'],
  );
  assert.deepEqual(
    key.diagnostics.map((d) => [d.code, d.line]),
    [['row-without-id', 6]],
  );
  assert.match(key.diagnostics[0]!.message, /^line 6: reading of the table stopped at this row/);
});

test('criteria lines outside any item name the line where reading stopped', () => {
  const text =
    '# Answer Key\n\n### PB-01: Shared DB\n- ○ (Full): names it\n- △ (Partial): hints\n- × (Miss): nothing\n\n## Notes\n\nAnother item without an id:\n- ○ (Full): names it\n- △ (Partial): hints\n';
  const key = parseAnswerKey(text, 'k.md');
  assert.deepEqual(
    key.diagnostics.map((d) => [d.code, d.line]),
    [['criteria-outside-item', 11]],
  );
  assert.match(key.diagnostics[0]!.message, /reading stopped after PB-01 \(its item ends on line 6\)/);
});

test('a file that says it is a key but has no id on its items names the criteria line reading could not attach', () => {
  const text =
    '# Answer Key: billing\n\n### Missing timeout\n- ○ (Detected): names the timeout\n- △ (Partial): mentions slowness\n- × (Not Detected): nothing\n';
  const key = parseAnswerKey(text, 'notes.md');
  assert.equal(key.diagnostics[0]!.code, 'no-problems');
  assert.equal(key.diagnostics[0]!.line, 4);
  assert.match(key.diagnostics[0]!.message, /^no problems found: line 4 has ○\/△\/× criteria but no item above it carries an id/);
  // a file that is not a key keeps the plain message
  const plain = parseAnswerKey('# Meeting notes\n\nNothing here.\n', 'notes.md');
  assert.match(plain.diagnostics[0]!.message, /^no problems found \(expected headings like '### P01: Title'/);
});

test('a file name with # keeps its name; a scenario fragment on a file without scenarios reads the file', () => {
  const text = read('table-en.md');
  assert.equal(parseAnswerKey(text, 'keys/notes#1.md').path, 'keys/notes#1.md');
  const k = parseAnswerKey(text, 'keys/answer-key.md#T01');
  assert.equal(k.path, 'keys/answer-key.md');
  assert.equal(k.problems.length, 5);
});

test('the shape reader never throws and spans stay inside the text, on arbitrary key-like input', async () => {
  const fc = (await import('fast-check')).default;
  const piece = fc.constantFrom(
    '# Answer Key',
    '## T01: Scenario',
    '## T02: Other',
    '### PB-01: Item [High]',
    '#### PB-02: Sub',
    '**AK-T01-01 (PB-01): Lead** [Weight: 1.0]',
    '**S1**: bold',
    '| ID | Problem | Full (2) | Partial (1) | Miss (0) | Weight |',
    '|----|----|----|----|----|----|',
    '| T01-C1 | x | a | b | c | 2 |',
    '| Total | | | | | 3 |',
    '| S1 | vague |',
    '- ○ (Full): a',
    '- △: b',
    '× (Miss): c',
    '○ = 2, △ = 1',
    'Σ(rating × weight) / max × 10',
    '## Problem Bank',
    '## Bonus',
    '| B01 | a | b | c |',
    '```',
    '<!--',
    '-->',
    '',
    'text',
    '| a | b |',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const text = parts.join('\n');
      const file = parseKeyFile(text, 'answer-key.md');
      assert.ok(file.sections.length >= 1);
      for (const s of file.sections) {
        for (const p of s.problems) {
          assert.ok(p.span.start.offset <= p.span.end.offset && p.span.end.offset <= text.length);
          assert.ok(p.id.length > 0);
        }
        detectionSubtotal(s, {});
      }
    }),
    { numRuns: 400 },
  );
});
