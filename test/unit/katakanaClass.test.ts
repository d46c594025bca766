// The one katakana character class (core/match/katakana.ts) that the
// tokenizer, the concepts' glued positions and the loanword list all build
// their regexes from: ァ–ヺ and the long-vowel mark, nothing around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KATAKANA, KATAKANA_LETTERS } from '../../src/core/match/katakana';
import { tokenize } from '../../src/core/match/tokenize';

test('katakana: the class holds ァ–ヺ and ー; the letters alone leave ー out; ・, ヽ and kana of other scripts are not in it', () => {
  const word = new RegExp(`^[${KATAKANA}]+$`);
  const letter = new RegExp(`^[${KATAKANA_LETTERS}]$`);
  assert.ok(word.test('ァサーバーヴヵヶヺ'));
  assert.ok(letter.test('ァ') && letter.test('ヺ') && !letter.test('ー'));
  for (const c of ['・', 'ヽ', 'ヾ', 'ヿ', '゠', 'あ', 'ｱ', 'ㇰ']) assert.ok(!word.test(c), `${c} is not in a katakana word`);
  // the tokenizer's runs are the class's: a middle dot ends one (two unknown words, long vowels dropped)
  assert.deepEqual(tokenize('ゾルゲバッハ・ヌプリーネ').kana, ['ゾルゲバッハ', 'ヌプリネ']);
});
