// The editor cache's pure half (core/cache.ts, the additions): the size-bounded
// LRU, the persisted index (ours or ignored: garbage, truncated, another schema
// or build, a tampered id that would name a path), the budget the folder is
// cut back to, and the graded entry's identity covering every input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cacheId, gradedText, indexText, overBudget, readIndex, SizedLru, type IndexedEntry } from '../../src/core/cache';

test('SizedLru forgets the least recently used entries once the sizes pass the capacity', () => {
  const lru = new SizedLru<string>(10);
  lru.set('a', 'A', 4);
  lru.set('b', 'B', 4);
  assert.equal(lru.get('a'), 'A'); // a is now the most recent
  lru.set('c', 'C', 4); // 12 > 10: b goes
  assert.deepEqual(lru.keys(), ['a', 'c']);
  assert.equal(lru.size, 8);
  assert.equal(lru.get('b'), undefined);
  lru.set('a', 'A2', 2); // replacing re-counts the size
  assert.equal(lru.size, 6);
  assert.deepEqual(lru.keys(), ['c', 'a']);
});

test('SizedLru keeps nothing larger than its capacity, and delete / clear keep the count right', () => {
  const lru = new SizedLru<number>(10);
  lru.set('x', 1, 3);
  assert.equal(lru.set('huge', 2, 11), false);
  assert.equal(lru.has('huge'), false);
  assert.equal(lru.set('nan', 3, Number.NaN), false, 'a size that is not a number is not kept');
  assert.deepEqual(lru.keys(), ['x']);
  assert.equal(lru.delete('x'), true);
  assert.equal(lru.delete('x'), false);
  assert.equal(lru.size, 0);
  lru.set('y', 1, 5);
  lru.clear();
  assert.equal(lru.count, 0);
  assert.equal(lru.size, 0);
});

const id = (n: number) => n.toString(16).padStart(64, '0');
const entries: IndexedEntry[] = [
  { id: id(1), kind: 'review', size: 100, used: 3 },
  { id: id(2), kind: 'key', size: 50, used: 1 },
  { id: id(3), kind: 'graded', size: 30, used: 2 },
];

test('an index reads back as written, for the same tool only', () => {
  const text = indexText('0.1.0+b1', entries);
  assert.deepEqual(readIndex(text, '0.1.0+b1'), entries);
  assert.equal(readIndex(text, '0.1.0+b2'), undefined, 'another build');
  assert.deepEqual(readIndex(indexText('t', []), 't'), []);
});

test('a corrupt, truncated, foreign or tampered index is not ours: undefined, never a throw', () => {
  const good = indexText('t', entries);
  for (const bad of [
    '',
    'garbage',
    good.slice(0, good.length - 7), // truncated
    '{"schema":99,"tool":"t","entries":[]}', // another schema
    '{"eslintcache":true}', // someone else's
    '[1,2,3]',
    'null',
    good.replace(id(1), '../../etc/passwd'), // an id that names a path
    good.replace('"review"', '"secret"'), // an unknown kind
    good.replace('100', '-1'), // a negative size
    good.replace(',3]', ',"x"]'), // a last use that is not a number
    '{"schema":1,"tool":"t","entries":[["a"]]}',
  ])
    assert.equal(readIndex(bad, 't'), undefined, bad.slice(0, 60));
});

test('overBudget drops the least recently used until the rest fits, and anything larger than the budget', () => {
  assert.deepEqual(overBudget(entries, 1000), []);
  assert.deepEqual(overBudget(entries, 130), [id(2)], 'the oldest (used 1) goes first');
  assert.deepEqual(overBudget(entries, 100), [id(2), id(3)]);
  assert.deepEqual(overBudget(entries, 99), [id(2), id(3), id(1)], 'an entry larger than the budget never stays');
});

test('a graded entry is named by every input: changing any one names another entry', () => {
  const base: unknown[] = [
    'review-id',
    'key-id',
    'judge:123@run1',
    { bonusCap: 5 },
    { detected: 0.6 },
    'results/a.md',
    'answer-key.md',
    'en',
  ];
  const name = (inputs: unknown[]) => cacheId({ kind: 'graded', version: '1', build: 'b', path: '/a.md', text: gradedText(inputs) });
  const seen = new Set([name(base)]);
  for (let i = 0; i < base.length; i++) {
    const changed = [...base];
    changed[i] = typeof base[i] === 'string' ? `${base[i] as string}x` : { ...(base[i] as object), changed: true };
    seen.add(name(changed));
  }
  assert.equal(seen.size, base.length + 1);
  assert.equal(name([...base]), name(base), 'same inputs, same entry');
});
