// Ratings and weights as a key states them: 'Full (2) | Partial (1) | Miss (0)'
// headers, '○ = 2, △ = 1, × = 0' lines, per-item weights and a stated formula
// such as 'Σ(rating × weight) / max × 10'. A key stating none of these keeps
// the classic arithmetic (no KeyScoring at all).
import type { KeyScoring, Problem, Verdict } from '../model';
import { asciiDigits, type LineIndex } from './lines';

const MARK_OF: Record<string, Verdict> = { '○': 'detected', '◯': 'detected', 〇: 'detected', '△': 'partial', '×': 'missed', '✕': 'missed' };
const WORD_OF: Record<string, Verdict> = {
  full: 'detected',
  detected: 'detected',
  partial: 'partial',
  miss: 'missed',
  missed: 'missed',
  none: 'missed',
};

const N = '(\\d+(?:\\.\\d+)?)';
// '○ = 2', '○（Full）= 2点', '△: 1 point', but not '○ (Full): 2 regions are named'
const MARK_RATING = new RegExp(
  `([○◯〇△×✕])\\s*(?:[(（][^()（）]{0,20}[)）])?\\s*(?:[=＝]\\s*${N}|[:：]\\s*${N}\\s*(?:点|pts?\\b|points?\\b|$))`,
  'g',
);
const WORD_RATING = new RegExp(`\\b(full|detected|partial|miss|missed|none)\\s*(?:[(（][^()（）]{0,20}[)）])?\\s*[=＝]\\s*${N}`, 'gi');
const FORMULA = /Σ|∑|\bsum\s*\(|\/\s*max\b|÷\s*max\b|\/\s*(?:最大|満点)/i;
const SCALE = /[×x*]\s*(\d+(?:\.\d+)?)\s*\)?\s*(?:点|points?)?\s*[.。`]*\s*$/i;
const STATED_WEIGHT = new RegExp(
  `(?:total|sum of(?: the)?)\\s*weights?\\s*[:：=]\\s*\\**${N}|重み(?:の)?合計\\s*[:：=]?\\s*\\**${N}|合計重み\\s*[:：=]?\\s*\\**${N}`,
  'i',
);

export interface ScoringInput {
  ix: LineIndex;
  problems: Problem[];
  /** ratings read from criteria table headers */
  headerRatings: Partial<Record<Verdict, number>>;
  statedWeight?: number;
  statedWeightLine?: number;
  /** 1-based line ranges [from, to) to read stated rules from, in order of precedence */
  ranges: [number, number][];
}

export function detectScoring(input: ScoringInput): KeyScoring | undefined {
  const { ix } = input;
  const ratings: Partial<Record<Verdict, number>> = { ...input.headerRatings };
  let text: string | undefined;
  let line: number | undefined;
  let scale: number | undefined;
  let statedWeight = input.statedWeight;
  let statedWeightLine = input.statedWeightLine;
  for (const no of input.ranges.flatMap(([a, b]) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i))) {
    const l = ix.line(no);
    if (l.opaque) continue;
    const s = asciiDigits(l.text.slice(0, 400));
    for (const m of s.matchAll(MARK_RATING)) ratings[MARK_OF[m[1]!]!] ??= Number(m[2] ?? m[3]);
    for (const m of s.matchAll(WORD_RATING)) ratings[WORD_OF[m[1]!.toLowerCase()]!] ??= Number(m[2]);
    if (text === undefined && FORMULA.test(s)) {
      text = s
        .replace(/^[\s>*-]+/, '')
        .replace(/\*\*|`/g, '')
        .trim();
      line = no;
      const sc = SCALE.exec(text);
      if (sc) scale = Number(sc[1]);
    }
    if (statedWeight === undefined) {
      const w = STATED_WEIGHT.exec(s);
      if (w) {
        statedWeight = Number(w[1] ?? w[2] ?? w[3]);
        statedWeightLine = no;
      }
    }
  }
  const weighted = input.problems.some((p) => p.weight !== undefined);
  if (ratings.detected === undefined && ratings.partial === undefined && !weighted && text === undefined) return undefined;
  const detected = ratings.detected ?? 1;
  return {
    ratings: { detected, partial: ratings.partial ?? detected / 2, missed: ratings.missed ?? 0 },
    weighted,
    scale,
    text,
    line,
    statedWeight,
    statedWeightLine,
  };
}
