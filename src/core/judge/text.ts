// Low-level readers shared by the judge-report parsers: verdict marks, run
// references, problem ids, numbers and pipe-table rows. Judge reports are
// free-form LLM markdown, so each reader is lenient and line-oriented.
import type { Verdict } from '../model';
import { MARK_CHARS, MARK_GLYPHS, verdictOfGlyph } from '../text';

const MARKS = MARK_GLYPHS;
const LEADING_MARK = new RegExp(`^([${MARK_CHARS}])(?![${MARK_CHARS}])`, 'u');

export const markVerdict = verdictOfGlyph;

/** All verdict marks in a string, in order, with their offsets. */
export function marksIn(s: string): { verdict: Verdict; index: number }[] {
  const out: { verdict: Verdict; index: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    const v = MARKS[s[i]];
    if (v) out.push({ verdict: v, index: i });
  }
  return out;
}

/** Strip markdown emphasis and code marks that judges sprinkle around values. */
export function plain(s: string): string {
  return s.replace(/\*\*|__|`/g, '').trim();
}

/** A table cell or short value that *is* a verdict: "○", "**△**", "○ (1.0)", "× 未検出", "Detected (○)". */
export function cellVerdict(cell: string): Verdict | undefined {
  const c = plain(cell);
  const m = LEADING_MARK.exec(c);
  if (m) return markVerdict(m[1]);
  const marks = marksIn(c);
  if (marks.length === 1 && c.length <= 24) return marks[0].verdict;
  return undefined;
}

const RUN_RE = /(?:\brun|実行|ラン)\s*[#-]?\s*(\d{1,2})(?!\d)/gi;

/** Distinct run numbers a text refers to ("Run 1", "Run1", "実行2", "run-2"). */
export function runsIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(RUN_RE)) {
    const n = Number(m[1]);
    if (n > 0 && n < 20 && !out.includes(n)) out.push(n);
  }
  for (const m of s.matchAll(/(\d)\s*回目/g)) {
    const n = Number(m[1]);
    if (n > 0 && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Problem ids (canonical 'P01') mentioned in a text, in order. */
export function problemIdsIn(s: string): { id: string; index: number; end: number }[] {
  const out: { id: string; index: number; end: number }[] = [];
  for (const m of s.matchAll(/(?<![A-Za-z0-9])P-?(\d{1,3})(?![0-9.A-Za-z])/g)) {
    out.push({ id: `P${m[1].padStart(2, '0')}`, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** Parse a number as judges write it: "+2.5", "-1.0", "８.５", "2.5点". */
export function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[−–]/g, '-');
  const m = /[-+]?\d+(?:\.\d+)?/.exec(t);
  if (!m) return undefined;
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : undefined;
}

/** Split a pipe-table row into trimmed cells; undefined when the line is not a row. */
export function tableCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const inner = t.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

export function isSeparatorRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.replace(/\s/g, '')) || c === '');
}

/** Words that mark a verdict as a deliberate correction of an earlier one. */
export const REVISION_RE =
  /revis|correct(?:ed|ion)|amend|changing to|changed to|re-?evaluat|upgrad|downgrad|修正|訂正|再評価|再判定|に変更|格上げ|格下げ/i;

/** A heading that announces a corrected restatement, e.g. "Updated Problem Detection Matrix". */
export const REVISED_SECTION_RE = /revis|correct(?:ed|ion)|updated|amended|修正|訂正|再評価|更新/i;
