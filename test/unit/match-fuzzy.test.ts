// The fuzzy name bridge's pre-check (core/match/fuzzy.ts, mayAlias): a review
// name it rules out is one whose Fuse search could not give an alias, so
// skipping that search changes no alias and no verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzyAliases, keyNames, mayAlias, type KeyNames } from '../../src/core/match/fuzzy';
import type { FeatureBag } from '../../src/core/match/weights';

/** What the search alone decides: an alias needs a Fuse hit of a similar length. */
function searchWouldAlias(names: KeyNames, squashed: string): boolean {
  const hit = names.fuse.search(squashed, { limit: 1 })[0];
  return !!hit && Math.min(squashed.length, hit.item.length) / Math.max(squashed.length, hit.item.length) >= 0.8;
}

const bag = (...names: string[]): FeatureBag => new Map(names.map((n) => [`i:${n}`, 1]));

test('names spelled another way still pass the pre-check and are bridged', () => {
  const names = keyNames(['i:idempotencyKey', 'i:authorization_header', 'i:SendGrid']);
  for (const spelling of ['idempotencykey', 'authorisationheader', 'Sendgrid', 'IdempotencyKeys'])
    assert.ok(mayAlias(names, spelling), spelling);
  const aliases = fuzzyAliases(names, [bag('idempotency_key', 'authorisation_header')]);
  assert.deepEqual([...aliases.keys()].sort(), ['i:authorization_header', 'i:idempotencyKey']);
});

test('names with too few shared letters or too different a length are ruled out', () => {
  const names = keyNames(['i:idempotencyKey', 'i:circuitBreaker']);
  assert.equal(mayAlias(names, 'rateLimiter'), false, 'few shared letters');
  assert.equal(mayAlias(names, 'idempotencyKeyRotationPolicy'), false, 'a long name around a short one');
  assert.equal(fuzzyAliases(names, [bag('rateLimiter', 'idempotencyKeyRotationPolicy')]).size, 0);
});

test('a name longer than one bitap piece always gets its search (Fuse scores its pieces apart)', () => {
  // the first 30 letters as the key's, then a tail of its own: Fuse still finds the key name through one piece
  const names = keyNames(['i:abcdefghijklmnopqrstuvwxyzabcdefgh']);
  const long = 'abcdefghijklmnopqrstuvwxyzabcd0123456789';
  assert.ok(searchWouldAlias(names, long));
  assert.ok(mayAlias(names, long));
});

/** `base` with a few edits (substitute, insert, delete) at the given places: queries near a key name. */
function edited(base: string, edits: [number, number, string][]): string {
  let s = base;
  for (const [kind, at, ch] of edits) {
    const i = at % (s.length + 1);
    s = kind === 0 ? s.slice(0, i) + ch + s.slice(i + 1) : kind === 1 ? s.slice(0, i) + ch + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
  }
  return s;
}

test('whenever the pre-check rules a name out, the full search would not have given an alias', () => {
  // a small alphabet (with case, an accent and a non-BMP letter) so near-misses are common
  const unit = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A', 'B', 'é', '𝑥');
  const name = fc.string({ unit, minLength: 5, maxLength: 40 });
  const edit = fc.tuple(fc.nat(2), fc.nat(60), fc.constantFrom('a', 'b', 'E', 'z', '𝑥'));
  // a random name, or one a few edits away from a key name (where bitap's edit bound is met exactly)
  const query = fc.oneof(
    name.map((q) => ({ q, near: -1 })),
    fc.tuple(fc.nat(7), fc.array(edit, { maxLength: 4 })).map(([near, edits]) => ({ q: '', near, edits })),
  );
  let ruledOut = 0;
  let passed = 0;
  fc.assert(
    fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), query, (keyNameList, pick) => {
      const q = pick.near < 0 ? pick.q : edited(keyNameList[pick.near % keyNameList.length]!, 'edits' in pick ? pick.edits : []);
      if (q.length < 5) return;
      const names = keyNames(keyNameList.map((n) => `i:${n}`));
      if (mayAlias(names, q)) passed++;
      else {
        ruledOut++;
        assert.equal(searchWouldAlias(names, q), false, `${q} vs ${keyNameList.join(', ')}`);
      }
    }),
    { numRuns: 5000 },
  );
  assert.ok(ruledOut > 100 && passed > 100, `both branches exercised (${ruledOut} ruled out, ${passed} passed)`);
});
