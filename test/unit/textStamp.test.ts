// The graded-model cache key: a document's stamp changes with its text, also
// when a reopened document restarts at version 1 (issue 7, item 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashText, TextStamps, textStamp } from '../../src/extension/textStamp';

const doc = (version: number, text: string) => {
  let calls = 0;
  return {
    version,
    getText: () => {
      calls++;
      return text;
    },
    calls: () => calls,
  };
};

test('a reopened document (version 1 again, new text) gets a new stamp; the old cache keyed by version did not', () => {
  const stamps = new TextStamps();
  const first = doc(1, '#### C1: A\nbody\n');
  const reopened = doc(1, '#### C0: new\n#### C1: A\nbody\n');
  assert.notEqual(stamps.of(first), stamps.of(reopened));
  assert.equal(String(first.version), String(reopened.version), 'what the old cache compared');
});

test('same text, same stamp; the hash is computed once per document version', () => {
  const stamps = new TextStamps();
  const d = doc(3, 'x'.repeat(1000));
  const a = stamps.of(d);
  assert.equal(stamps.of(d), a);
  assert.equal(d.calls(), 1);
  assert.equal(stamps.of(doc(3, 'x'.repeat(1000))), a);
});

test('hashText spreads near-identical texts', () => {
  assert.notEqual(hashText('P01 ○'), hashText('P02 ○'));
  assert.notEqual(textStamp('ab'), textStamp('ba'));
  assert.equal(textStamp(''), `0:${hashText('')}`);
});

test('contentHash names the text only: same text in two documents, same hash; any change, another', async () => {
  const { contentHash } = await import('../../src/extension/textStamp');
  const stamps = new TextStamps();
  const a = doc(1, '#### C1: A\nbody\n');
  const b = doc(7, '#### C1: A\nbody\n');
  assert.equal(stamps.hashOf(a), stamps.hashOf(b), 'the version is not part of it');
  assert.equal(stamps.hashOf(a), contentHash('#### C1: A\nbody\n'));
  assert.notEqual(contentHash('#### C1: A\nbody\n'), contentHash('#### C1: A\nbody \n'));
  assert.match(contentHash('x'), /^1:[0-9a-z]+:[0-9a-z]+$/);
  stamps.hashOf(a);
  assert.equal(a.calls(), 1, 'hashed once per version');
});
