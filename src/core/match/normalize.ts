// Text normalization shared by keys and reviews: NFKC folds full-width Latin
// and half-width katakana (ＪＷＴ → JWT, ｶﾀｶﾅ → カタカナ), so both languages'
// typing habits meet in one form before tokenizing.

export { cjkRatio } from '../text';

/** NFKC plus unified dashes/quotes; case is kept (identifier detection needs it). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** Collapse whitespace and cut to max chars on a word boundary where possible. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}
