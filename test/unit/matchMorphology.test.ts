// Word families the vocabulary does not know still meet: English derivational
// and negating affixes, British spellings, and kanji compounds with a suffix
// (morphology.ts, tokenize.ts). Made-up sentences only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverage, indexKey, stem, textFeatures, tokenize } from '../../src/core/match';
import type { ReviewIndex } from '../../src/core/match/relevance';
import { americanSpelling, kanjiBigrams, withoutNegation } from '../../src/core/match/morphology';
import type { AnswerKey } from '../../src/core/model';

/** The stem feature a single word becomes. */
const wordFeature = (w: string) => [...textFeatures(w).keys()].find((f) => f.startsWith('w:'));

test('negating prefixes un-/non- keep the word family: unvalidated meets validation', () => {
  assert.equal(wordFeature('unvalidated'), wordFeature('validation'));
  assert.equal(wordFeature('unencrypted'), wordFeature('encryption'));
  assert.equal(wordFeature('undefined'), wordFeature('define'));
  assert.equal(wordFeature('nonblocking'), wordFeature('blocking'));
});

test('uni-, under- and short remainders are no negating prefix', () => {
  for (const w of ['unique', 'uniform', 'understand', 'unto', 'nonce']) assert.equal(withoutNegation(stem(w)), stem(w), w);
  assert.equal(wordFeature('unified'), `w:${stem('unified')}`);
});

test('-ency/-ence/-ent and -ancy/-ance/-ant fold onto one stem', () => {
  assert.equal(stem('consistency'), stem('consistent'));
  assert.equal(stem('dependency'), stem('depend'));
  assert.equal(stem('dependent'), stem('dependencies'));
  assert.equal(stem('redundancy'), stem('redundant'));
  assert.equal(stem('compliance'), stem('compliant'));
  assert.equal(stem('persistence'), stem('persist'));
  assert.equal(stem('inconsistent'), stem('consistency').replace(/^/, 'in'));
});

test('-ification meets its -ify verb, -mentation its -ment noun', () => {
  assert.equal(stem('specification'), stem('specify'));
  assert.equal(stem('verification'), stem('verified'));
  assert.equal(stem('implementation'), stem('implements'));
  assert.equal(stem('documentation'), stem('document'));
});

test('-al meets its base where five letters of root remain', () => {
  assert.equal(stem('removal'), stem('remove'));
  assert.equal(stem('approval'), stem('approved'));
  assert.equal(stem('retrieval'), stem('retrieve'));
  for (const w of ['signal', 'global', 'normal', 'manual']) assert.equal(stem(w), w, w);
});

test('short words that only end like a tail keep their own stem', () => {
  for (const w of ['client', 'event', 'agent', 'tenant', 'intent']) assert.equal(stem(w), w, w);
  assert.notEqual(stem('client'), stem('cli'));
});

test('-ability is not folded into -able (availability is a topic, available is not)', () => {
  assert.notEqual(stem('availability'), stem('available'));
});

test('British spellings meet American ones', () => {
  assert.equal(stem('authorised'), stem('authorized'));
  assert.equal(stem('behaviour'), stem('behavior'));
  assert.equal(stem('analyse'), stem('analyze'));
  assert.equal(stem('catalogue'), stem('catalog'));
  assert.equal(stem('centre'), stem('center'));
  assert.equal(americanSpelling('rise'), 'rise');
});

test('"unless" and "until" are stop words, not the stem of "less"', () => {
  assert.deepEqual(tokenize('unless until').stems, []);
});

test('a kanji compound with a suffix meets its bare form: 整合性 → 整合, 冗長化 → 冗長', () => {
  assert.deepEqual(kanjiBigrams('整合性'), ['整合']);
  assert.deepEqual(kanjiBigrams('冗長化'), ['冗長']);
  assert.deepEqual(kanjiBigrams('一時的'), ['一時']);
  assert.deepEqual(kanjiBigrams('処理性能'), ['処理', '性能']);
});

test('a suffix character that opens a run is a word and stays; a lone kanji is its unigram', () => {
  assert.deepEqual(kanjiBigrams('性能'), ['性能']);
  assert.deepEqual(kanjiBigrams('目的'), ['目的']);
  assert.deepEqual(kanjiBigrams('化'), ['化']);
  assert.deepEqual(tokenize('データの整合性').bigrams, ['整合']);
});

const review = (japanese: boolean): ReviewIndex => ({ japanese, findings: [], headings: [], aliases: new Map() });

function oneProblemKey(title: string, description: string): AnswerKey {
  const problem = (id: string, t: string, d: string) => ({ id, title: t, description: d, criteria: {} });
  return {
    title: 'made-up key',
    problems: [
      problem('P01', title, description),
      problem('P02', 'Billing report export', 'The monthly export runs on the primary database.'),
    ],
    bonus: [],
  } as unknown as AnswerKey;
}

test('a paraphrasing finding in the key family covers more of the problem than before (en)', () => {
  const key = oneProblemKey(
    'Unvalidated webhook payloads',
    'Inconsistent handling: payload validation is absent and dependencies are unchecked.',
  );
  const p = indexKey(key).problems[0];
  const bag = textFeatures(
    'The webhook handler does no validation of the payload; handling is not consistent and the dependency is never checked.',
  );
  assert.ok(coverage(p, bag, review(false)) > 0.8, String(coverage(p, bag, review(false))));
});

test('a paraphrasing finding in the key family covers more of the problem than before (ja)', () => {
  const key = oneProblemKey('在庫数の整合性', '在庫数の不整合が冗長化されたノード間で起きる。');
  const p = indexKey(key).problems[0];
  const bag = textFeatures('在庫数が整合しない。冗長構成のノード間で起きる。');
  assert.ok(coverage(p, bag, review(true)) >= 0.7, String(coverage(p, bag, review(true))));
});

test('a closed compound in the key meets the same words hyphenated', () => {
  const key = oneProblemKey('Ratelimiting missing on the gateway', 'No ratelimiting on the public gateway.');
  const p = indexKey(key).problems[0];
  for (const text of ['Rate-limiting is missing on the public gateway.']) {
    const c = coverage(p, textFeatures(text), review(false));
    assert.ok(c > 0.9, `${text}: ${c}`);
  }
});

test('the kanji of a compound are features of their own, lightly weighted', () => {
  const t = tokenize('在庫数を確認');
  assert.deepEqual(t.unigrams, ['在', '庫', '数', '確', '認']);
  const bag = textFeatures('在庫数');
  assert.ok((bag.get('j:数') ?? 0) > 0 && (bag.get('j:数') ?? 0) < (bag.get('j:在庫') ?? 0) / 5);
  // a lone kanji keeps a bigram's weight
  assert.equal(textFeatures('数').get('j:数'), textFeatures('在庫').get('j:在庫'));
});

test('a restatement that splits a compound with kana earns some of it (ja)', () => {
  const key = oneProblemKey('在庫数の計上漏れ', '在庫数の計上が漏れる。');
  const p = indexKey(key).problems[0];
  const split = coverage(p, textFeatures('在庫の数の計上が漏れる。'), review(true));
  // without the kanji one by one: 在庫, 計上 and 漏 of the key's 在庫, 庫数, 計上, 上漏, 漏 (≈ 0.65)
  assert.ok(split > 0.68, String(split));
  assert.ok(split > coverage(p, textFeatures('注文の数が遅れる。'), review(true)));
});

test('a hyphenated pair in a key adds its compound at no weight: the denominator is unchanged', () => {
  const key = oneProblemKey('No rate-limiting on the gateway', 'The public gateway has no rate-limiting.');
  const p = indexKey(key).problems[0];
  assert.equal(p.weights.has('w:ratelimit'), false);
  assert.ok(p.weights.has(`w:${stem('rate')}`) && p.weights.has(`w:${stem('limiting')}`));
});

test('a word named like an Object member stems as a word ("constructor" was Object itself)', () => {
  assert.equal(typeof stem('constructor'), 'string');
  assert.equal(stem('constructor'), stem('construct'));
  assert.ok(textFeatures('the constructor injects the clock').has(`w:${stem('construct')}`));
});
