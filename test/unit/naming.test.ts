import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAnswerKeyName, keyCandidates, linkedKeyPath, parseRunName, resolveBeside, scoringPathFor } from '../../src/core/naming';

test('run names: round, variant, run, doc, scoring', () => {
  assert.deepEqual(parseRunName('a/results/v007-baseline-run1.md'), { round: 7, variant: 'baseline', run: 1, doc: undefined, kind: 'run' });
  assert.deepEqual(parseRunName('v002-data-protection-doc2-run2.md'), {
    round: 2,
    variant: 'data-protection',
    run: 2,
    doc: 2,
    kind: 'run',
  });
  assert.equal(parseRunName('v010-free-table-hybrid-scoring.md')?.kind, 'scoring');
  assert.equal(parseRunName('notes.md'), undefined);
});

test('key candidates follow the corpus layout', () => {
  assert.equal(keyCandidates('p/results/v007-baseline-run1.md')[0], 'p/answer-key-round-007.md');
  assert.equal(keyCandidates('p/results/v001-x-doc2-run1.md')[0], 'p/answer-key-2.md');
  // any other name: a key named after it, else one answer-key.md for the folder
  assert.deepEqual(keyCandidates('p/notes-run2.md').slice(0, 2), ['p/answer-keys/notes.md', 'p/answer-key-notes.md']);
  assert.deepEqual(keyCandidates('p/notes.md').slice(-2), ['p/answer-key.md', 'answer-key.md']);
  assert.deepEqual(keyCandidates('p/answer-key.md'), [], 'a key has no key');
  assert.equal(scoringPathFor('p/results/v007-baseline-run1.md'), 'p/results/v007-baseline-scoring.md');
  assert.equal(isAnswerKeyName('x/answer-key-round-003.md'), true);
  assert.equal(isAnswerKeyName('x/results/v003-a-run1.md'), false);
});

test('link comments and relative paths', () => {
  assert.equal(linkedKeyPath('# R\n<!-- answer-key: ../answer-key-round-007.md -->\n'), '../answer-key-round-007.md');
  assert.equal(linkedKeyPath('# R\n'), undefined);
  assert.equal(resolveBeside('p/results/r.md', '../k.md'), 'p/k.md');
  assert.equal(resolveBeside('/a/b/r.md', '../k.md'), '/a/k.md');
  assert.equal(resolveBeside('/a/b/r.md', '/x/k.md'), '/x/k.md');
  assert.equal(resolveBeside('results/r.md', '../k.md'), 'k.md');
});

test('key candidates from a bare or ./ file name look one folder up too (cd results && grade v001-…-run1.md)', () => {
  assert.deepEqual(keyCandidates('v001-baseline-run1.md'), [
    'answer-key-round-001.md',
    'answer-key-round-1.md',
    'answer-keys/answer-key-round-001.md',
    'answer-keys/round-001.md',
    '../answer-key-round-001.md',
    '../answer-key-round-1.md',
    '../answer-keys/answer-key-round-001.md',
    '../answer-keys/round-001.md',
    'answer-key.md',
    '../answer-key.md',
  ]);
  assert.ok(keyCandidates('./v001-baseline-run1.md').includes('../answer-key-round-001.md'));
  assert.ok(keyCandidates('../v001-a-run1.md').includes('../../answer-key-round-001.md'));
  // no duplicates in the "looked for" list
  const c = keyCandidates('/v001-x-run1.md');
  assert.equal(new Set(c).size, c.length);
});
