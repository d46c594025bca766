// The words and marks answer keys are written in, English and Japanese. Keys
// are LLM-written and vary in punctuation, so every match here is by pattern
// and normalized name, never by one exact string.
import type { Verdict } from '../model';
import { atxHeading, parseVerdict } from '../text';

/** Only the first part of a line is matched against prefixes: bounds regex time on huge lines. */
export const HEAD = 400;

/** Normalize a label: drop stray replacement chars (mis-decoded bytes), bold marks, case, spacing. */
export function normLabel(label: string): string {
  return label
    .replace(/[\uFFFD*_`]/g, '')
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .toLowerCase();
}

const FIELD_NAMES: Record<string, string[]> = {
  category: ['category', 'カテゴリ', 'カテゴリー', '分類', '観点カテゴリ'],
  severity: ['severity', '深刻度', '重大度', '重要度', 'priority', '優先度'],
  location: ['location', '該当箇所', '箇所', '場所', '埋め込み箇所', 'where'],
  description: [
    'description',
    'problem description',
    'issue description',
    '問題の説明',
    '説明',
    '問題内容',
    '問題の内容',
    '概要',
    'observation',
    'details',
  ],
  criteria: [
    'detection criteria',
    'criteria',
    '検出判定基準',
    '判定基準',
    '検出基準',
    '検出条件',
    'judgement criteria',
    'grading criteria',
  ],
  difficulty: ['difficulty', 'detection difficulty', '検出難易度', '難易度'],
  technique: ['embedding technique', 'technique', '埋め込み技法', '埋め込み手法'],
};

const HEADER_NAMES: Record<string, string[]> = {
  perspective: ['perspective', 'observation perspective', 'observation', 'review perspective', '観点', 'レビュー観点', '観察観点'],
  count: [
    'embedded problems',
    'embedded issues',
    'number of problems',
    'problem count',
    'problems',
    '埋め込み問題数',
    '問題数',
    '埋め込み問題',
  ],
  round: ['round', 'ラウンド'],
};

function lookup(table: Record<string, string[]>, label: string): string | undefined {
  const n = normLabel(label);
  for (const [name, words] of Object.entries(table)) if (words.includes(n)) return name;
  return undefined;
}

/** Normalized field name of a problem field label, or the label as written. */
export function fieldName(label: string): string {
  return lookup(FIELD_NAMES, label) ?? label.trim();
}

/** 'perspective' | 'count' | 'round' for header labels. */
export function headerName(label: string): string | undefined {
  return lookup(HEADER_NAMES, label);
}

/** `- **Label**: value`, `- **Label:** value`, `**Label**：value`, `- Label: value`. */
const FIELD_LINE = /^(\s*)(?:[-*+]\s+)?(?:\*\*|__)([^*_\n]{1,60}?)\s*([:：])?\s*(?:\*\*|__)\s*([:：])?\s*/;
const PLAIN_FIELD_LINE = /^(\s*)[-*+]\s+([^:：*\n]{1,40}?)\s*[:：]\s*/;

export interface FieldMatch {
  indent: string;
  label: string;
  /** offset within the line where the value starts */
  valueStart: number;
}

/** A field line: a bold label followed by a colon, or a plain known label in a list item. */
export function matchField(line: string): FieldMatch | undefined {
  const head = line.slice(0, HEAD);
  const m = FIELD_LINE.exec(head);
  if (m && (m[3] || m[4])) return { indent: m[1]!, label: m[2]!.trim(), valueStart: m[0].length };
  const p = PLAIN_FIELD_LINE.exec(head);
  if (p && (lookup(FIELD_NAMES, p[2]!) || lookup(HEADER_NAMES, p[2]!))) {
    return { indent: p[1]!, label: p[2]!.trim(), valueStart: p[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------- criteria

// bullet, optional bold, mark, optional (label) or （label）, optional bold, colon.
const CRITERION =
  /^(\s*)((?:[-*+]|\d{1,2}[.)])\s+)?(?:\*\*)?([○◯〇⭕△▲×✕✖✗❌oOxX^])\uFE0F?\s*(?:([(（])([^()（）\n]{0,40})[)）])?\s*(?:\*\*)?\s*([:：])?(?:\*\*)?[ \t\u3000]*/;

export interface CriterionMatch {
  verdict: Verdict;
  indent: string;
  bullet: string;
  /** the mark, label and colon as written, e.g. '×（未検出）: ' */
  marker: string;
  label: string;
  /** offset within the line where the criterion text starts */
  textStart: number;
}

export function matchCriterion(line: string): CriterionMatch | undefined {
  const m = CRITERION.exec(line.slice(0, HEAD));
  if (!m) return undefined;
  const mark = m[3]!;
  const hasColon = m[6] !== undefined;
  const hasLabel = m[4] !== undefined;
  // ASCII marks only count with a colon ('x:', 'o (Detected):'), so prose is not misread.
  if (/[oOxX^]/.test(mark) && !hasColon) return undefined;
  if (!hasColon && !hasLabel) {
    // a bare mark must stand alone: '○ text' yes, '×2倍' no
    const after = line
      .slice(m[1]!.length + (m[2]?.length ?? 0))
      .replace(/^\*\*/, '')
      .slice(mark.length)
      .replace(/^\uFE0F/, '');
    if (after !== '' && !/^[\s\u3000]/.test(after)) return undefined;
  }
  return {
    verdict: parseVerdict(mark)!,
    indent: m[1]!,
    bullet: m[2] ?? '',
    marker: m[0].slice(m[1]!.length + (m[2]?.length ?? 0)),
    label: (m[5] ?? '').trim(),
    textStart: m[0].length,
  };
}

export const VERDICTS: Verdict[] = ['detected', 'partial', 'missed'];

// ---------------------------------------------------------------- headings

export function matchHeading(line: string): { depth: number; text: string } | undefined {
  return line.length > 2000 ? undefined : atxHeading(line);
}

/** Heading text → problem id parts: 'P01: Title', 'P01：Title', 'P01 - Title', '[P1] Title', '**P01**: Title'. */
const PROBLEM_ID = /^(?:\*\*|__)?[[【(]?\s*P-?(\d{1,5})\s*[\]】)]?(?:\*\*|__)?(?=$|[\s:：.．)\-–—|])\s*(?:[:：.．)\-–—|]\s*)?/i;

export function matchProblemHeading(text: string): { number: number; title: string; idIndex: number; idText: string } | undefined {
  const m = PROBLEM_ID.exec(text.slice(0, HEAD));
  if (!m) return undefined;
  const idMatch = /P-?\d{1,5}/i.exec(m[0])!;
  const title = text
    .slice(m[0].length)
    .replace(/(?:\*\*|__)\s*$/, '')
    .trim();
  return { number: Number(m[1]), title, idIndex: idMatch.index, idText: idMatch[0] };
}

/** A whole-line bold pseudo-heading: '**P01: Title**'. */
export function matchBoldLine(line: string): string | undefined {
  const m = /^\s{0,3}(\*\*|__)(.+)\1\s*$/.exec(line.slice(0, HEAD));
  if (m) return m[2]!.trim();
  const n = /^\s{0,3}(\*\*|__)(P-?\d{1,5})\1\s*[:：.\-–—]\s*(.+)$/i.exec(line.slice(0, HEAD));
  return n ? `${n[2]}: ${n[3]!.trim()}` : undefined;
}

export const BONUS_HEADING = /bonus|ボーナス|加点/i;
export const BONUS_ID = /^\s*(?:\*\*)?[[【]?B-?(\d{1,5})[\]】]?(?:\*\*)?/i;

export function canonicalId(prefix: 'P' | 'B', n: number): string {
  return prefix + String(n).padStart(2, '0');
}

// ---------------------------------------------------------------- language

export { detectLanguage } from '../text';

// ---------------------------------------------------------------- severity

export const SEVERITY_WORDS = [
  'Critical',
  'Significant',
  'Moderate',
  'Minor',
  'High',
  'Medium',
  'Low',
  'Major',
  'Severe',
  '重大',
  '致命的',
  '重要',
  '高',
  '中',
  '中程度',
  '低',
  '軽微',
];
const SEVERITY_SET = new Set(SEVERITY_WORDS.map((w) => w.toLowerCase()));

/** Is a severity value a known level? '中 (Medium)' and '**High**' count. */
export function isKnownSeverity(value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim();
  const outside = v
    .replace(/[(（][^()（）]*[)）]/g, '')
    .trim()
    .replace(/[.。]$/, '')
    .toLowerCase();
  if (outside) return SEVERITY_SET.has(outside);
  const inside = /[(（]([^()（）]*)[)）]/.exec(v)?.[1]?.trim().toLowerCase();
  return !!inside && SEVERITY_SET.has(inside);
}
