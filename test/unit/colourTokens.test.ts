// The semantic-token colouring's scanner (src/extension/colourTokens.ts): the
// grammar's marks and ids outside code and comments, and grade tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colourTokens } from '../../src/extension/colourTokens';

const show = (text: string) => {
  const lines = text.split('\n');
  return colourTokens(text).map((t) => `${t.line}:${lines[t.line].slice(t.start, t.start + t.length)}:${t.kind}`);
};

test('marks and ids in prose and headings are coloured', () => {
  assert.deepEqual(show('### P01: Retry storm\n- ○ (Detected): B02 and P123'), [
    '0:P01:problemId',
    '1:○:detected',
    '1:B02:bonusId',
    '1:P123:problemId',
  ]);
});

test('a grade tag colours its keyword, marks and ids; other comments, code spans and fences nothing', () => {
  const text = [
    '#### C1: x',
    '<!-- grade: P01 ○, P02 △ -->',
    '<!-- P03 × note -->',
    'see `P04 ○` and P05',
    '```',
    'P06 ×',
    '```',
    '<!-- open',
    'P07',
    '-->',
    'P08',
  ].join('\n');
  assert.deepEqual(show(text), [
    '1:grade:tagKeyword',
    '1:P01:problemId',
    '1:○:detected',
    '1:P02:problemId',
    '1:△:partial',
    '3:P05:problemId',
    '10:P08:problemId',
  ]);
});

test('CRLF and CR-only line ends give the same lines', () => {
  assert.deepEqual(
    colourTokens('a\r\nP01 ×\rB01').map((t) => [t.line, t.start, t.kind]),
    [
      [1, 0, 'problemId'],
      [1, 4, 'missed'],
      [2, 0, 'bonusId'],
    ],
  );
});

test("no grammar is injected into every markdown file; the token types map to the grammar's scopes", async () => {
  const { readFileSync } = await import('node:fs');
  const contributes = JSON.parse(readFileSync('package.json', 'utf8')).contributes;
  // before: the injection grammar coloured P-ids in any markdown (a notes file too)
  assert.ok(!(contributes.grammars ?? []).some((g: { injectTo?: string[] }) => g.injectTo?.includes('text.html.markdown')));
  const grammar = readFileSync('syntaxes/review-grader.injection.json', 'utf8');
  const scopes = contributes.semanticTokenScopes[0].scopes as Record<string, string[]>;
  const types = contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
  assert.deepEqual(Object.keys(scopes).sort(), [...types].sort());
  for (const [type, [scope]] of Object.entries(scopes))
    assert.ok(grammar.includes(`"${scope}"`), `${type} → ${scope} is not a scope of the grammar`);
});
