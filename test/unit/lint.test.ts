import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseAnswerKey } from '../../src/core/answerKey';
import { applyEdits, lintAnswerKey, RULES } from '../../src/core/lint';
import type { Diagnostic } from '../../src/core/model';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/keys');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** The fixture's own expectation: `<!-- expect: code, code -->` on its first line. */
function expected(text: string): string[] {
  const m = /<!-- expect: (.*?) -->/.exec(text);
  return m
    ? m[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .sort()
    : [];
}

/** Apply every fix of the given code (fixes of different diagnostics never overlap). */
function fixAll(text: string, code: string): string {
  const edits = lintAnswerKey(text)
    .filter((d) => d.code === code)
    .flatMap((d) => d.fix?.edits ?? []);
  return applyEdits(text, edits);
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

test('rules have stable, unique codes', () => {
  assert.deepEqual(
    RULES.map((r) => r.code),
    [
      'duplicate-id',
      'missing-criterion',
      'count-mismatch',
      'unknown-severity',
      'bonus-without-condition',
      'id-order',
      'item-without-criteria',
      'unknown-bank-ref',
      'weight-sum',
    ],
  );
});

test('each lint fixture yields exactly the findings it expects', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));
  assert.ok(names.length >= 9);
  for (const name of names) {
    const text = fixture(name);
    const ds = lintAnswerKey(text, name);
    assert.deepEqual(codes(ds), expected(text), name);
    for (const d of ds) {
      assert.match(d.message, new RegExp(`^line ${d.line}: `), `${name}: ${d.message}`);
      assert.ok(d.column && d.column >= 1, `${name}: column`);
    }
  }
});

test('duplicate-id names both lines, for problems and bonus rows', () => {
  const ds = lintAnswerKey(fixture('lint-duplicate-id.md')).filter((d) => d.code === 'duplicate-id');
  assert.deepEqual(
    ds.map((d) => [d.line, d.severity]),
    [
      [13, 'error'],
      [25, 'error'],
    ],
  );
  assert.match(ds[0]!.message, /problem id P01 is already used on line 6/);
  assert.match(ds[1]!.message, /bonus id B01 is already used on line 24/);
  // one duplicate is one diagnostic (id-order used to report the same line again); its fix renumbers the heading
  assert.deepEqual(
    lintAnswerKey(fixture('lint-duplicate-id.md'))
      .filter((d) => d.line === 13)
      .map((d) => d.code),
    ['duplicate-id'],
  );
  const fixed = fixAll(fixture('lint-duplicate-id.md'), 'duplicate-id');
  assert.match(fixed, /### P02: Missing backoff/);
  assert.deepEqual(
    lintAnswerKey(fixed).map((d) => d.message.replace(/^line \d+: /, '')),
    ['bonus id B01 is already used on line 24; each bonus needs its own id'],
  );
});

test('missing-criterion (English): message, and the fix inserts lines in the key style', () => {
  const text = fixture('lint-missing-criterion-en.md');
  const ds = lintAnswerKey(text).filter((d) => d.code === 'missing-criterion');
  assert.deepEqual(
    ds.map((d) => d.line),
    [13, 19],
  );
  assert.match(ds[0]!.message, /P02 lacks the △ \(partial\) criterion/);
  assert.match(ds[1]!.message, /P03 lacks the ○ \(detected\), △ \(partial\) criteria/);
  const fixed = fixAll(text, 'missing-criterion');
  assert.deepEqual(lintAnswerKey(fixed), []);
  assert.ok(
    fixed.includes(
      '  - ○ (Detected): first\n  - △ (Partial): TODO: describe what counts as a partial detection\n  - × (Not Detected): last',
    ),
  );
  assert.ok(
    fixed.includes(
      '  - ○ (Detected): TODO: describe what counts as detected\n  - △ (Partial): TODO: describe what counts as a partial detection\n  - × (Not Detected): last\n    continued',
    ),
  );
  const key = parseAnswerKey(fixed);
  assert.equal(key.problems[2]!.criteria.missed?.text, 'last\ncontinued on a second line');
});

test('missing-criterion (Japanese): inserts under the criteria field, or adds the field', () => {
  const text = fixture('lint-missing-criterion-ja.md');
  const ds = lintAnswerKey(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.line]),
    [
      ['missing-criterion', 6],
      ['missing-criterion', 11],
    ],
  );
  assert.match(ds[0]!.message, /P01 has no detection criteria/);
  const fixed = fixAll(text, 'missing-criterion');
  assert.deepEqual(lintAnswerKey(fixed), []);
  assert.ok(fixed.includes('- **検出判定基準**:\n  - ○（検出）: （TODO: 検出と判定する条件を記入）\n  - △（部分検出）: （TODO'));
  assert.ok(fixed.includes('検出判定基準の項目そのものがない。\n- **検出判定基準**:\n  - ○（検出）: '));
  assert.ok(fixed.endsWith('\n\n---\n'), 'the trailing rule stays after the problem');
});

test('missing-criterion copies unlabeled and full-width styles from the key', () => {
  const text =
    '# 正解キー\n\n### P01: a\n- **検出判定基準**:\n    * ○：あり\n    * ×：なし\n\n### P02: b\n- **検出判定基準**:\n    * ○：あり\n';
  const fixed = fixAll(text, 'missing-criterion');
  assert.deepEqual(lintAnswerKey(fixed), []);
  assert.ok(fixed.includes('    * ○：あり\n    * △：（TODO: 部分検出と判定する条件を記入）\n    * ×：なし'), fixed);
  assert.ok(
    fixed.endsWith('    * ○：あり\n    * △：（TODO: 部分検出と判定する条件を記入）\n    * ×：（TODO: 未検出と判定する条件を記入）\n'),
    fixed,
  );
});

test('fixes keep CRLF line endings', () => {
  const text = fixture('lint-missing-criterion-en.md').replace(/\n/g, '\r\n');
  const fixed = fixAll(text, 'missing-criterion');
  assert.deepEqual(lintAnswerKey(fixed), []);
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
});

test('count-mismatch: names the stated line, fix corrects the number', () => {
  const text = fixture('lint-count-mismatch.md');
  const [d] = lintAnswerKey(text);
  assert.equal(d!.line, 6);
  assert.match(d!.message, /line 6: the header states 3 problems but 2 problem headings were found \(P01…P02\)/);
  const fixed = fixAll(text, 'count-mismatch');
  assert.match(fixed, /\*\*埋め込み問題数\*\*: 2問/);
  assert.deepEqual(lintAnswerKey(fixed), []);
});

test('unknown-severity: odd words flagged, glossed and Japanese levels accepted', () => {
  const ds = lintAnswerKey(fixture('lint-unknown-severity.md'));
  assert.deepEqual(
    ds.map((d) => d.line),
    [5, 12],
  );
  assert.match(ds[0]!.message, /P01 severity 'Urgent' is not a known level \(expected one of Critical, /);
  assert.match(ds[1]!.message, /P02 severity '最悪'/);
});

test('bonus-without-condition: empty and dash-only conditions', () => {
  const ds = lintAnswerKey(fixture('lint-bonus-without-condition.md'));
  assert.deepEqual(
    ds.map((d) => d.line),
    [16, 17],
  );
  assert.match(ds[0]!.message, /bonus B02 has no bonus condition/);
});

test('id-order: out of order and gaps, fix renumbers only the ids', () => {
  const text = fixture('lint-id-order.md');
  const ds = lintAnswerKey(text);
  assert.deepEqual(
    ds.map((d) => d.line),
    [4, 11, 18],
  );
  assert.match(ds[0]!.message, /problem id P02 is not the first id; expected P01 here/);
  assert.match(ds[1]!.message, /P01 is out of order or repeated; expected P02/);
  assert.match(ds[2]!.message, /P05 is after P01, leaving a gap; expected P03/);
  const fixed = fixAll(text, 'id-order');
  assert.deepEqual(fixed.match(/^### .*$/gm), ['### P01: Starts at two', '### P02: Then one', '### P03: Then a gap']);
  assert.deepEqual(lintAnswerKey(fixed), []);
});

test('lintAnswerKey accepts a parsed key and includes parse diagnostics', () => {
  const text = '### P01\n- ○: a\n- △: b\n- ×: c\n';
  const key = parseAnswerKey(text);
  assert.deepEqual(
    lintAnswerKey(text, undefined, key).map((d) => d.code),
    ['missing-title'],
  );
  assert.deepEqual(
    lintAnswerKey('').map((d) => d.code),
    ['no-problems'],
  );
});

test('lint runs on every corpus key (findings are reported, none are errors)', (t) => {
  const found: string[] = [];
  for (const dir of readdirSync(CORPUS).filter((d) => statSync(path.join(CORPUS, d)).isDirectory())) {
    for (const f of readdirSync(path.join(CORPUS, dir)).filter((n) => /^answer-key.*\.md$/.test(n))) {
      const rel = `${dir}/${f}`;
      const ds = lintAnswerKey(readFileSync(path.join(CORPUS, rel), 'utf8'), rel);
      assert.deepEqual(
        ds.filter((d) => d.severity === 'error'),
        [],
        rel,
      );
      found.push(...ds.map((d) => `${rel}:${d.line} [${d.code}] ${d.message}`));
    }
  }
  t.diagnostic(found.length ? found.join('\n') : 'no findings in the corpus keys');
});

const piece = fc.oneof(
  fc.constantFrom(
    '### P01: a',
    '### P01: dup',
    '### P3',
    '**P07: x**',
    '- **Severity**: Weird',
    '- **Embedded Problems**: 9',
    '- **Detection Criteria**:',
    '  - ○ (Detected): a',
    '  - △: b',
    '  - ×（未検出）: c',
    '## Bonus',
    '| ID | Category | Description | Bonus Condition |',
    '|---|---|---|---|',
    '| B01 | x | y | |',
    '```',
    '---',
    '',
    '\r',
  ),
  fc.string({ maxLength: 20 }),
);

test('lintAnswerKey never throws, and its fixes always apply cleanly (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      assert.ok(Array.isArray(lintAnswerKey(s)));
    }),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(
      fc.array(piece, { maxLength: 30 }).map((xs) => xs.join('\n')),
      (s) => {
        const ds = lintAnswerKey(s);
        assert.ok(!ds.some((d) => /failed|could not read/.test(d.message)), 'internal failure');
        for (const d of ds) for (const e of d.fix?.edits ?? []) assert.ok(0 <= e.start && e.start <= e.end && e.end <= s.length);
        // applying one rule's fixes must never add findings of that rule that have fixes
        const fixed = fixAll(s, 'missing-criterion');
        assert.equal(lintAnswerKey(fixed).filter((d) => d.code === 'missing-criterion').length, 0, JSON.stringify(s));
      },
    ),
    { numRuns: 500 },
  );
});

test('weight-sum: names the stated line and both numbers; the fix restates the total as the sum', () => {
  const text = fixture('lint-weight-sum.md');
  const [d] = lintAnswerKey(text).filter((x) => x.code === 'weight-sum');
  assert.equal(d!.line, 8);
  assert.match(d!.message, /states a total weight of 4 but its items' weights add up to 3$/);
  const fixed = fixAll(text, 'weight-sum');
  assert.match(fixed, /\| Total \| \| \| 3 \|/);
  assert.deepEqual(lintAnswerKey(fixed), []);
});

test('unknown-bank-ref and item-without-criteria name the item and what exists', () => {
  const [ref] = lintAnswerKey(fixture('lint-unknown-bank-ref.md'));
  assert.match(ref!.message, /^line 18: AK-T01-02 refers to bank entry PB-07, which does not exist \(the bank holds PB-01\)$/);
  const [gap] = lintAnswerKey(fixture('lint-item-without-criteria.md'));
  assert.match(gap!.message, /^line 10: PB-02 states no ○\/△\/× criteria while the other items do \(e\.g\. PB-01 on line 4\)/);
  // a key where no item states criteria is fine: the generic definitions apply
  assert.deepEqual(lintAnswerKey('# Answer Key\n\n| ID | Problem |\n|----|----|\n| S1 | vague |\n| S2 | no timeout |\n'), []);
});
