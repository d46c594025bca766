// Katakana loanword segmentation. A katakana run is one word or a compound
// written without spaces (セッションタイムアウト). It is split into known
// loanwords (loanwords.ts) by the segmentation that leaves the fewest
// characters unexplained, then the fewest words (longest words win). A run
// the known words cover whole is translated word by word; in a run they do
// not cover, a known word is a word of the compound only when it is long and
// what is left beside it is long enough to be a word too, never a fragment:
// プロファイル is not "file", インバリデーション not "validation", リスト not
// リス(ー) "lease". Long-vowel marks are kept: ブール is not ブルー "blue".
import { LOANWORDS_TEXT } from './loanwords';

/** The katakana letters ァ–ヺ, as a regex character range (no ー, no ・). */
export const KATAKANA_LETTERS = String.raw`\u30a1-\u30fa`;
/**
 * What a katakana word is written with, as a regex character range: its letters
 * and the long-vowel mark ー. One definition, so the tokenizer's runs, the
 * concepts' glued positions and the loanword list agree on what a run is.
 */
export const KATAKANA = String.raw`${KATAKANA_LETTERS}\u30fc`;

export interface KanaPiece {
  /** the katakana as written (long-vowel marks kept) */
  text: string;
  /** English words for a known loanword; absent for an unknown stretch */
  english?: string;
}

/**
 * A known word found inside a run that known words do not cover whole must
 * have at least this many kana (ー counts: it is a mora) to be trusted: a 2–3
 * kana match inside an unknown word is usually an accident (ブロック ⊃ ロック
 * "lock", マッピング ⊃ ピング "ping"); four kana are a word of their own
 * (ゲートウェイ, セッション, サーバー).
 */
const MIN_EMBEDDED_KANA = 4;

/**
 * ...and what is left unexplained beside it must have at least this many
 * kana: a 1–2 kana remainder is an affix that changes the word (イン-, プロ-,
 * アン-, -レス: インバリデーション, プロファイル, サーバーレス), while three kana
 * are a word (ヒット, セーフ, ボディ: キャッシュヒット, スレッドセーフ).
 */
const MIN_NEIGHBOUR_KANA = 3;

/**
 * A word-final long vowel is written or dropped by house style (JIS Z 8301:
 * サーバ/サーバー, ユーザ/ユーザー, メモリ/メモリー) for words of three kana or
 * more; shorter words always keep it (キー, ブルー, ルール), so only those get
 * the other spelling.
 */
const MIN_VARIANT_STEM = 3;

/** One entry of the list: a katakana word, then its English. */
const ENTRY = new RegExp(String.raw`^\s*([${KATAKANA}]+)\s+(.+?)\s*$`);

const LOANWORDS = new Map<string, string>();
let maxLength = 0;
{
  const entries: [string, string][] = [];
  for (const entry of LOANWORDS_TEXT.split(/[;\n]/)) {
    const m = ENTRY.exec(entry);
    if (m) entries.push([m[1], m[2]]);
  }
  const add = (form: string, english: string) => {
    if (LOANWORDS.has(form)) return;
    LOANWORDS.set(form, english);
    if (form.length > maxLength) maxLength = form.length;
  };
  // words as written first, so a listed spelling always beats another word's variant
  for (const [form, english] of entries) add(form, english);
  for (const [form, english] of entries) {
    const stemOf = form.endsWith('ー') ? form.slice(0, -1) : form;
    if (stemOf.length < MIN_VARIANT_STEM) continue;
    add(stemOf === form ? `${form}ー` : stemOf, english);
  }
}

/** The English for one known katakana word, as written or in its other long-vowel spelling. */
export function loanword(word: string): string | undefined {
  return LOANWORDS.get(word);
}

const cache = new Map<string, KanaPiece[]>();
const CACHE_LIMIT = 20000;

/** Split a katakana run into known loanwords and unknown stretches (see the file comment). */
export function splitKatakana(run: string): KanaPiece[] {
  let pieces = cache.get(run);
  if (!pieces) {
    pieces = run.split('・').filter(Boolean).flatMap(segment);
    if (cache.size < CACHE_LIMIT) cache.set(run, pieces);
  }
  return pieces;
}

/**
 * Offsets inside a run (no ・) where one word of its segmentation ends and the
 * next begins: a term may start or end inside a katakana run only there.
 */
export function katakanaBreaks(run: string): number[] {
  const breaks: number[] = [];
  let at = 0;
  const pieces = splitKatakana(run);
  for (let i = 0; i + 1 < pieces.length; i++) {
    at += pieces[i].text.length;
    breaks.push(at);
  }
  return breaks;
}

function segment(s: string): KanaPiece[] {
  const n = s.length;
  // best cover of s[0..i): fewest unexplained kana, then fewest words; `from` and `word` to walk back
  const unknown = new Array<number>(n + 1).fill(Infinity);
  const words = new Array<number>(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1);
  const word = new Uint8Array(n + 1);
  unknown[0] = 0;
  words[0] = 0;
  const relax = (to: number, u: number, w: number, at: number, isWord: boolean) => {
    if (u < unknown[to] || (u === unknown[to] && w < words[to])) {
      unknown[to] = u;
      words[to] = w;
      from[to] = at;
      word[to] = isWord ? 1 : 0;
    }
  };
  for (let i = 0; i < n; i++) {
    if (unknown[i] === Infinity) continue;
    relax(i + 1, unknown[i] + 1, words[i], i, false);
    for (let len = 2; len <= maxLength && i + len <= n; len++) {
      if (LOANWORDS.has(s.slice(i, i + len))) relax(i + len, unknown[i], words[i] + 1, i, true);
    }
  }
  const raw: KanaPiece[] = [];
  for (let end = n; end > 0; end = from[end]) {
    const text = s.slice(from[end], end);
    if (word[end]) raw.push({ text, english: LOANWORDS.get(text) });
    else if (raw.length && raw[raw.length - 1].english === undefined) raw[raw.length - 1].text = text + raw[raw.length - 1].text;
    else raw.push({ text });
  }
  raw.reverse();
  if (raw.every((p) => p.english !== undefined)) return raw;
  // not covered whole: a known word stays a word only when it and its unknown neighbours are long enough
  const trusted = raw.map((p, i) => {
    if (p.english === undefined || p.text.length < MIN_EMBEDDED_KANA) return false;
    const short = (q: KanaPiece | undefined) => q !== undefined && q.english === undefined && q.text.length < MIN_NEIGHBOUR_KANA;
    return !short(raw[i - 1]) && !short(raw[i + 1]);
  });
  const pieces: KanaPiece[] = [];
  raw.forEach((p, i) => {
    const last = pieces[pieces.length - 1];
    if (trusted[i]) pieces.push(p);
    else if (last && last.english === undefined) last.text += p.text;
    else pieces.push({ text: p.text });
  });
  return pieces;
}
