// General English morphology applied before the light stemmer (tokenize.ts
// `stem`), so a word family meets in one stem wherever the vocabulary has no
// concept for it: a paraphrasing finding says "unvalidated", "inconsistency"
// or "available" where the key says "validation", "consistent" or
// "availability". Nothing here is a word of any answer key: only general
// English affixes and the British/American spelling rules.

/**
 * British spellings folded to American ones before stemming (authorise →
 * authorize, behaviour → behavior, analyse → analyze, catalogue → catalog,
 * centre → center). Only word endings with no other common reading are
 * rewritten; `-isation` is folded by the stemmer's tails already.
 */
export function americanSpelling(w: string): string {
  if (w.length < 6) return w;
  // -ise / -ised / -ises / -ising / -iser(s): the -ize verb family (a few -ise words such as
  // "otherwise" are rewritten too; they meet only themselves, so nothing is lost)
  const ise = /^(.{3,})is(e|ed|es|ing|er|ers)$/.exec(w);
  if (ise) return `${ise[1]}iz${ise[2]}`;
  const yse = /^(.{2,})ys(e|ed|es|ing)$/.exec(w);
  if (yse) return `${yse[1]}yz${yse[2]}`;
  if (w.endsWith('iour') || w.endsWith('iours')) return w.replace(/iour(s?)$/, 'ior$1');
  if (w.endsWith('ogue') || w.endsWith('ogues')) return w.replace(/ogue(s?)$/, 'og$1');
  if (w.endsWith('tre') || w.endsWith('tres')) return w.replace(/tre(s?)$/, 'ter$1');
  return w;
}

/**
 * The negating prefixes that attach to a whole English word and keep its
 * topic: un- (unvalidated, unencrypted, unbounded, undefined) and non-
 * (nonblocking). A finding about "missing validation" and a key about
 * "unvalidated input" are about the same thing; polarity is carried by the
 * rest of the sentence, not by the feature. Applied inside the stemmer, so
 * the vocabulary's phrases read the same way ("unencrypted" names its
 * concept in "encrypted" too: a key's "sent unencrypted" and a finding's
 * "encrypt the channel" are one topic); applied to the stem features only,
 * leaving the phrases their prefix, it lost held-out kappa (0.619 → 0.612,
 * the folds disagreeing on the thresholds). The remainder must be a word of
 * its own (at least MIN_REMAINDER letters), and words whose "un" is not the
 * negating prefix are left alone: uni- ("one": unique, unified, uniform,
 * universal, unit) and under-. in-/im-/dis- are not stripped: they begin too
 * many words where they are no prefix (index, input, integrate, display).
 */
export function withoutNegation(w: string): string {
  if (w.startsWith('un') && !w.startsWith('uni') && !w.startsWith('under') && w.length - 2 >= MIN_REMAINDER) return w.slice(2);
  if (w.startsWith('non') && w.length - 3 >= MIN_REMAINDER + 1) return w.slice(3);
  return w;
}

/** A remainder shorter than this is no word of its own (unto → 'to'); unset → 'set', unzip → 'zip' are. */
const MIN_REMAINDER = 3;

/**
 * Japanese affixes that attach to a kanji compound without changing its
 * topic: the suffixes 性 (-ity: 整合性, 可用性), 化 (-ize: 冗長化, 暗号化) and
 * 的 (-ic: 一時的). Bigramming a run splits 整合性 into 整合 + 合性, so a
 * finding that writes the bare compound (整合) meets half of it; the bigram
 * that joins the suffix to the compound is no word, only the form. (The
 * negating prefixes 不 未 無 非 were tried the same way, 不整 of 不整合
 * dropped: no better held out, ja/ja 0.656 → 0.651 with no concepts, and
 * they open words of their own in longer runs: 不正利用.)
 */
const KANJI_SUFFIX = new Set(['性', '化', '的']);

/**
 * Kanji bigrams of a run (a lone kanji is its own unigram), without the
 * bigrams that join a suffix to the last kanji of a compound of two or more
 * (合性 of 整合性, 長化 of 冗長化; 性能 and 目的, where the character opens
 * the run, are words and stay). A run whose every bigram would go keeps them
 * all.
 */
export function kanjiBigrams(run: string): string[] {
  if (run.length === 1) return [run];
  const all: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) {
    const b = run.slice(i, i + 2);
    all.push(b);
    if (i === 0 || !KANJI_SUFFIX.has(run[i + 1])) kept.push(b);
  }
  return kept.length ? kept : all;
}
