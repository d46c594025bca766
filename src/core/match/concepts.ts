// Concept recognition: maps a tokenized text onto the vocabulary's concept
// ids. English phrases match on stem sequences (so inflections meet);
// Japanese terms match as substrings of the normalized text (no segmentation
// needed) except inside a katakana run, where a term must start and end on
// a boundary of the run's loanword segmentation (katakana.ts): ロック is not
// found in ブロック, ログ not in カタログ, ロール not in コントロール. ASCII
// terms from the Japanese side match on word boundaries.
import { KATAKANA, KATAKANA_LETTERS, katakanaBreaks } from './katakana';
import { stem, tokenize, type TokenizedText } from './tokenize';
import { conceptEntries } from './vocabulary';

interface CompiledVocabulary {
  /** stem phrase ("circuit breaker" stemmed, space-joined) → concept ids */
  phrases: Map<string, string[]>;
  maxPhraseWords: number;
  /** first stems of multi-word phrases: most stems start none, so most positions cost one lookup */
  phraseStarts: Set<string>;
  /** Japanese / symbol terms by their first one and two characters, longest first */
  byPrefix: Map<string, string[]>;
  termConcepts: Map<string, string[]>;
  size: number;
}

let compiled: CompiledVocabulary | undefined;

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

const KATAKANA_RUN = new RegExp(`[${KATAKANA}]+`, 'g');
/** a katakana word ending in a long-vowel mark (サーバー), which house style may drop */
const LONG_VOWEL_END = new RegExp(`[${KATAKANA_LETTERS}]ー$`);

/** Positions inside katakana runs that are not word boundaries (a term may not start or end there). */
function gluedPositions(text: string): Set<number> | undefined {
  let glued: Set<number> | undefined;
  for (const m of text.matchAll(KATAKANA_RUN)) {
    if (m[0].length < 2) continue;
    const breaks = new Set(katakanaBreaks(m[0]));
    for (let k = 1; k < m[0].length; k++) if (!breaks.has(k)) (glued ??= new Set()).add(m.index + k);
  }
  return glued;
}

/** The longest term at i, and how many characters it spans (a dropped word-final ー included). */
function longestAt(
  v: CompiledVocabulary,
  text: string,
  i: number,
  ascii: boolean,
  glued: Set<number> | undefined,
): [string, number] | undefined {
  if (glued?.has(i)) return undefined;
  for (const prefix of [text.slice(i, i + 2), text[i]]) {
    for (const t of v.byPrefix.get(prefix) ?? []) {
      if (!text.startsWith(t, i)) continue;
      let end = i + t.length;
      if (ascii && isWordChar(text.charCodeAt(end))) continue;
      // サーバ in サーバー: the term's other long-vowel spelling
      if (glued?.has(end) && text[end] === 'ー') end++;
      if (glued?.has(end)) continue;
      return [t, end - i];
    }
  }
  return undefined;
}

/** Compile once, lazily: the tables are module data, shared by every key and review. */
export function vocabulary(): CompiledVocabulary {
  if (compiled) return compiled;
  const phrases = new Map<string, string[]>();
  const termConcepts = new Map<string, string[]>();
  let maxPhraseWords = 1;
  const phraseStarts = new Set<string>();
  const entries = conceptEntries();
  for (const entry of entries) {
    const asPhrase = (term: string) => {
      const stems = tokenize(term).stems;
      // a phrase that keeps one word once stop words go ("time out", "on call", "created at") would be that
      // word alone, far wider than the phrase: every "time" would name a timeout
      if (stems.length === 0 || (stems.length === 1 && /\s/.test(term.trim()))) return false;
      addTo(phrases, stems.join(' '), entry.id);
      if (stems.length > 1) phraseStarts.add(stems[0]);
      maxPhraseWords = Math.max(maxPhraseWords, stems.length);
      return true;
    };
    for (const term of entry.english) asPhrase(term);
    for (const term of entry.japanese) {
      const lower = term.normalize('NFKC').toLowerCase();
      // Plain ASCII words on the Japanese side are English words too: match them as phrases.
      // (unless stop words would vanish from it: "at rest" must not become "rest").
      if (/^[a-z][a-z0-9 ]*$/.test(lower) && tokenize(lower).stems.length === lower.split(' ').length && asPhrase(lower)) continue;
      addTo(termConcepts, lower, entry.id);
      // サーキットブレーカー also written サーキットブレーカ (the other direction is handled when matching)
      if (LONG_VOWEL_END.test(lower) && lower.length > 3) addTo(termConcepts, lower.slice(0, -1), entry.id);
    }
  }
  // A prefix table instead of one big regex alternation: ~10× faster on long reviews.
  const byPrefix = new Map<string, string[]>();
  for (const t of [...termConcepts.keys()].sort((a, b) => b.length - a.length)) {
    const prefix = t.slice(0, Math.min(2, t.length));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), t]);
  }
  compiled = { phrases, maxPhraseWords, phraseStarts, byPrefix, termConcepts, size: entries.length };
  return compiled;
}

/** Concept ids present in a text, with occurrence counts. */
export function findConcepts(tokens: TokenizedText): Map<string, number> {
  const v = vocabulary();
  const found = new Map<string, number>();
  const bump = (ids: string[] | undefined) => {
    if (ids) for (const id of ids) found.set(id, (found.get(id) ?? 0) + 1);
  };
  const stems = tokens.stems;
  for (let i = 0; i < stems.length; i++) {
    if (!v.phraseStarts.has(stems[i])) {
      bump(v.phrases.get(stems[i]));
      continue;
    }
    let phrase = '';
    for (let n = 0; n < v.maxPhraseWords && i + n < stems.length; n++) {
      phrase = n === 0 ? stems[i] : `${phrase} ${stems[i + n]}`;
      bump(v.phrases.get(phrase));
    }
  }
  // "fan-out", "time-out", "roll-back": a one-word phrase written with a hyphen (its second half may be a stop word)
  for (const h of tokens.hyphenated) bump(v.phrases.get(stem(h)));
  const text = tokens.text.toLowerCase();
  const glued = gluedPositions(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ascii = c < 0x80;
    // ASCII terms start only at a word start; skip plain spaces and word interiors fast
    if (ascii && (c === 32 || c === 10 || (i > 0 && isWordChar(text.charCodeAt(i - 1))))) continue;
    const match = longestAt(v, text, i, ascii, glued);
    if (match) {
      bump(v.termConcepts.get(match[0]));
      i += match[1] - 1;
    }
  }
  return found;
}
