// Text normalization shared by keys and reviews: NFKC folds full-width Latin
// and half-width katakana (ＪＷＴ → JWT, ｶﾀｶﾅ → カタカナ), so both languages'
// typing habits meet in one form before tokenizing.

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/;
const CJK_GLOBAL = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]/g;

/** NFKC plus unified dashes/quotes; case is kept (identifier detection needs it). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Share of CJK characters among letters: decides which channels a text can express. */
export function cjkRatio(text: string): number {
  const cjk = (text.match(CJK_GLOBAL) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  // A kana/kanji character carries roughly as much as 3 Latin letters.
  return cjk + latin === 0 ? 0 : (cjk * 3) / (cjk * 3 + latin);
}

/** Collapse whitespace and cut to max chars on a word boundary where possible. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
