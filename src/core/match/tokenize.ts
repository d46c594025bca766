// Tokenizer for English, Japanese and mixed text. Latin words become light
// stems; identifiers (backticks, camelCase, snake_case) are kept whole as
// well; kanji runs become character bigrams (tiny-segmenter costs ~6 ms/KB,
// too slow for the per-review budget, and bigrams are the standard robust
// choice for unsegmented CJK); katakana loanwords are translated to English
// through the loanword table so they meet English text directly.
import { normalizeText } from './normalize';
import { KATAKANA, splitKatakana } from './katakana';
import { americanSpelling, kanjiBigrams, withoutNegation } from './morphology';

export interface TokenizedText {
  /** normalized text, for Japanese vocabulary lookups */
  text: string;
  /** Latin stems in text order, stop words removed (katakana loanwords included, translated) */
  stems: string[];
  /** whole identifiers, lowercased; backticked ones flagged in `boosted` */
  identifiers: string[];
  boosted: Set<string>;
  /** kanji bigrams (unigram for a lone kanji) */
  bigrams: string[];
  /** every kanji of a run of two or more, one by one (weighed lightly: weights.ts KANJI_UNIGRAM_WEIGHT) */
  unigrams: string[];
  /** katakana words the loanword table does not know (long-vowel marks dropped) */
  kana: string[];
  /** adjacent raw Latin words glued ("local storage" → "localstorage"), so spaced names meet identifiers */
  glued: string[];
  /** hyphenated word pairs glued ("fan-out" → "fanout"): one word written in two, whose second half may be a stop word */
  hyphenated: string[];
}

const STOP_EN = new Set(
  (
    'a an the and or nor but if then else of to in on at by for with from into onto over under about as is are was were be been being ' +
    'it its this that these those there their they them he she we you your our i me my not no yes do does did done doing can could ' +
    'should would will shall may might must has have had having than such so also very more most less least any all each every some ' +
    'both either neither which who whom whose what when where why how only just other another same own too via per e g eg ie etc ' +
    'vs against between within without while during after before up down out off again further once here s t don unless until'
  ).split(' '),
);

/** Light English stemmer: folds plurals, -ing/-ed, and common derivational tails so related forms meet. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = stemUncached(lower);
    if (stemCache.size < 50000) stemCache.set(lower, cached);
  }
  return cached;
}

const stemCache = new Map<string, string>();
// a Map, not an object literal: a word such as "constructor" must not find Object.prototype's members
const IRREGULAR = new Map([
  ['data', 'data'],
  ['analyses', 'analysi'],
  ['indices', 'index'],
  ['criteria', 'criterion'],
  ['children', 'child'],
]);

function stemUncached(lower: string): string {
  let w = lower;
  if (w.length <= 3) return w;
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  w = withoutNegation(americanSpelling(w));
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  for (const [suffix, repl, root = 3] of TAILS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= root) {
      w = w.slice(0, -suffix.length) + repl;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1) + 'i';
  return w;
}

// Derivational tails folded to a shared root: validation/validate, security/secure, management/manage;
// the optional third value is the shortest root a tail may leave (default 3).
const TAILS: [string, string, number?][] = [
  ['ization', 'iz'],
  ['isation', 'iz'],
  // -ification meets its -ify verb (specification/specify, verification/verify, notification/notify) and
  // -mentation its -ment noun (implementation/implement, documentation/document): the -ation tail alone
  // leaves specificat/specifi, implementat/imple apart. Measured with no concepts: en/en mean run error
  // −0.73 → −0.63; held-out kappa 0.621 → 0.619 (en/en with own concepts unknown 0.612 → 0.606).
  ['ification', 'ifi'],
  ['mentation', ''],
  ['ational', 'at'],
  ['ation', 'at'],
  ['ition', 'it'],
  ['ution', 'ut'],
  ['ction', 'ct'],
  ['ption', 'pt'],
  ['iveness', 'iv'],
  ['fulness', 'ful'],
  ['ness', ''],
  ['ment', ''],
  // (-ability is not folded into -able: "availability" is a topic, "available" a word of every
  // sentence; measured, folding them lost held-out kappa 0.615 → 0.605)
  ['ility', 'il'],
  // -ency/-ence/-ent and -ancy/-ance/-ant: consistency/consistent/consist, redundancy/redundant,
  // dependency/dependent/depend, compliance/compliant/comply. A root of four letters at least, so
  // short words that only end so (client, event, agent, tenant) keep their own stem.
  ['ency', '', 4],
  ['ence', '', 4],
  ['ancy', '', 4],
  ['ance', '', 4],
  ['ent', '', 4],
  ['ant', '', 4],
  // -al adjectives and nouns meet their base: removal/remove, approval/approve, retrieval/retrieve,
  // external/extern. A root of five letters, so signal, global, normal, manual stay whole. (-ure
  // was tried as well, failure/fail: it folds feature/feat and pressure/press, and lost held-out
  // kappa, 0.616 → 0.607; -ous was neutral.)
  ['al', '', 5],
  ['ity', ''],
  ['ically', 'ic'],
  ['ical', 'ic'],
  ['ively', 'iv'],
  ['ive', ''],
  ['ally', 'al'],
  ['ly', ''],
  ['izer', 'iz'],
  ['er', ''],
  ['or', ''],
  ['able', ''],
  ['ible', ''],
];

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

export function isStopWord(word: string): boolean {
  return STOP_EN.has(word.toLowerCase());
}

// Backticked span | Latin word (with _ ' or digits inside) | katakana run | kanji run.
const TOKEN = new RegExp(
  [
    String.raw`\x60([^\x60\n]{1,80})\x60`,
    String.raw`([A-Za-z][A-Za-z0-9]*(?:[_'][A-Za-z0-9]+)*)`,
    `([${KATAKANA}]+)`,
    String.raw`([\u3400-\u9fff\uf900-\ufaff々〆ヵヶ]+)`,
  ].join('|'),
  'g',
);

export function tokenize(input: string): TokenizedText {
  const text = normalizeText(input);
  const out: TokenizedText = {
    text,
    stems: [],
    identifiers: [],
    boosted: new Set(),
    bigrams: [],
    unigrams: [],
    kana: [],
    glued: [],
    hyphenated: [],
  };
  scan(text, out, false);
  return out;
}

function scan(text: string, out: TokenizedText, inBackticks: boolean): void {
  let previous = '';
  let previousEnd = -1;
  for (const m of text.matchAll(TOKEN)) {
    // glue two Latin words separated by one space or hyphen only
    if (m[2] !== undefined) {
      const word = m[2].toLowerCase();
      if (previous && m.index - previousEnd <= 1) {
        out.glued.push(previous + word);
        if (text[previousEnd] === '-') out.hyphenated.push(previous + word);
      }
      previous = word;
      previousEnd = m.index + m[0].length;
    } else {
      previous = '';
    }
    if (m[1] !== undefined) {
      const id = m[1].trim().toLowerCase();
      if (id.length >= 2) {
        out.identifiers.push(id);
        out.boosted.add(id);
      }
      scan(m[1], out, true);
    } else if (m[2] !== undefined) {
      addLatinWord(m[2], out, inBackticks);
    } else if (m[3] !== undefined) {
      for (const piece of splitKatakana(m[3])) {
        if (piece.english) for (const w of piece.english.split(' ')) pushStem(w, out);
        else {
          // an unknown word is a feature as it is: both long-vowel spellings meet (ユーザー, ユーザ)
          const kana = piece.text.replace(/ー/g, '');
          if (kana.length >= 2) out.kana.push(kana);
        }
      }
    } else if (m[4] !== undefined) {
      for (const b of kanjiBigrams(m[4])) out.bigrams.push(b);
      if (m[4].length > 1) for (const c of m[4]) out.unigrams.push(c);
    }
  }
}

function addLatinWord(word: string, out: TokenizedText, inBackticks: boolean): void {
  // camelCase / snake_case / letter+digit names are identifiers: keep whole, and split into parts.
  const isIdentifier = /_/.test(word) || /[a-z][A-Z]/.test(word) || /[A-Za-z]\d|\d[A-Za-z]/.test(word);
  if (isIdentifier && word.length >= 3) {
    const id = word.toLowerCase();
    out.identifiers.push(id);
    if (inBackticks) out.boosted.add(id);
  }
  const parts = isIdentifier ? word.split(/_|(?<=[a-z0-9])(?=[A-Z])/) : [word];
  for (const p of parts) pushStem(p, out);
}

function pushStem(word: string, out: TokenizedText): void {
  if (!word || isStopWord(word) || /^\d+$/.test(word)) return;
  if (word.length === 1) return;
  out.stems.push(stem(word));
}
