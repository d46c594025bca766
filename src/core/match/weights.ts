// Term weighting. A text becomes a bag of typed features:
//   c:concept  vocabulary concept (language-neutral: the bridge between EN and JA)
//   i:name     whole identifier (backticks, camelCase, snake_case)
//   w:stem     Latin word stem (English prose, names inside Japanese, translated loanwords)
//   j:bigram   kanji bigram          k:kana  unknown katakana word
//   g:name     adjacent words glued, raw: weightless, only looked up (`contains`)
// Only c/i/w can travel between languages; j/k count only when the review
// itself is Japanese. Weights: type weight × field weight × IDF over the
// key's own problems and bonus rows, so words every problem shares count little.
import { findConcepts } from './concepts';
import { stem, tokenize } from './tokenize';

export type FeatureKind = 'c' | 'i' | 'w' | 'j' | 'k';

/** Why these type weights: concepts and names are precise; a bigram is a fragment of a word. */
export const TYPE_WEIGHT: Record<FeatureKind, number> = { c: 1.2, i: 1.5, w: 1, j: 0.5, k: 1 };
/**
 * Each kanji of a compound, alone, at a tenth of a bigram's weight: a
 * restatement that forms another compound with the same characters (在庫の数
 * for 在庫数, 冗長構成 for 冗長化) or splits it with kana still shares them,
 * while the key's IDF damps the characters every problem uses. Small enough
 * that no finding is carried by characters alone. Checked leave-one-
 * perspective-out (bench/transfer.ts): 0.03–0.075 all give held-out kappa
 * 0.620–0.622 (0.618 without) and with no concepts lift ja/ja 0.658 → 0.66–0.67
 * and its mean run error −0.60 → −0.41…−0.51; 0.1 and above lose kappa
 * (0.614 at 0.1, 0.607 at 0.25).
 */
export const KANJI_UNIGRAM_WEIGHT = 0.05;
/** An identifier the author put in backticks was deliberate. */
export const BACKTICK_BOOST = 1.3;

export type FeatureBag = Map<string, number>;

/** Features of a text with their type weights (presence, not counts: one mention is a mention). */
export function textFeatures(text: string): FeatureBag {
  const t = tokenize(text);
  const bag: FeatureBag = new Map();
  const put = (key: string, weight: number) => {
    if (weight > (bag.get(key) ?? 0)) bag.set(key, weight);
  };
  for (const id of findConcepts(t).keys()) put(`c:${id}`, TYPE_WEIGHT.c);
  for (const id of t.identifiers) put(`i:${id}`, TYPE_WEIGHT.i * (t.boosted.has(id) ? BACKTICK_BOOST : 1));
  for (const s of t.stems) put(`w:${s}`, TYPE_WEIGHT.w);
  for (const b of t.bigrams) put(`j:${b}`, TYPE_WEIGHT.j);
  for (const u of t.unigrams) put(`j:${u}`, KANJI_UNIGRAM_WEIGHT);
  for (const k of t.kana) put(`k:${k}`, TYPE_WEIGHT.k);
  // glued word pairs may equal an identifier written elsewhere with no space
  for (const g of t.glued) if (!bag.has(`i:${g}`)) bag.set(`g:${g}`, 0);
  // a hyphenated pair, stemmed, is the closed compound written elsewhere as one word ("rate-limiting"
  // meets "ratelimiting", "data-store" "datastore"): a stem present at no weight of its own, so it
  // counts where a key names it (a key's profile keeps only weighted features) and adds nothing else.
  // Every spaced pair ("rate limiting") did the same held out, at +0.4 ms a review (a third more
  // features per finding): hyphenated pairs only.
  for (const h of t.hyphenated) {
    const c = `w:${stem(h)}`;
    if (!bag.has(c)) bag.set(c, 0);
  }
  return bag;
}

export function kindOf(feature: string): FeatureKind {
  return feature[0] as FeatureKind;
}

/** Does a feature of this kind cross into a review written in the other language? */
export function travels(feature: string, reviewIsJapanese: boolean): boolean {
  const k = feature[0];
  return reviewIsJapanese || (k !== 'j' && k !== 'k');
}

/** Does a finding's bag contain this key feature (identifiers also match glued pairs)? */
export function contains(bag: FeatureBag, feature: string): boolean {
  if (bag.has(feature)) return true;
  if (feature.startsWith('i:')) return bag.has(`g:${feature.slice(2)}`);
  return false;
}

/**
 * Smoothed inverse document frequency over a small collection: ln(1 + N / df).
 * A key has ~10 problems; the +1 is a general background (as if one more
 * document held every feature), so a topic several problems share is damped,
 * not erased: in a 10-problem key a feature of 5 problems keeps ln 3 ≈ 1.1
 * (plain ln(11/5) ≈ 0.8) and one of every problem ln 2 ≈ 0.7 (was ≈ 0.1),
 * against ≈ 2.4 for a unique one. Checked leave-one-perspective-out.
 */
export function inverseDocumentFrequency(docs: FeatureBag[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [f, count] of df) idf.set(f, Math.log(1 + n / count));
  return idf;
}
