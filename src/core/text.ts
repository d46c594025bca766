// Text primitives shared by every parser and writer of the core, written once
// so that keys, reviews, tags and judge reports agree on them: the line table
// (LF, CRLF and lone CR), the text's own line ending, offset → position,
// applying edits, the language guess, ATX-heading and code-fence syntax, and
// the verdict marks (○ △ × and their look-alikes and spellings).
import type { Language, Point, Span, TextEdit, Verdict } from './model';

// ---------------------------------------------------------------- lines

export interface Line {
  /** offset of the first character */
  start: number;
  /** offset just after the content (before the terminator) */
  end: number;
  /** offset just after the terminator (== end on an unterminated last line) */
  next: number;
}

/** Split into lines on LF, CRLF or lone CR; an empty text has no lines, a trailing terminator opens no new line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  if (start < n) lines.push({ start, end: n, next: n });
  return lines;
}

/** The text's own line ending: its first terminator, LF when it has none. Text inserted by a fix uses it. */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/** 1 when the text starts with a byte-order mark (not content: '\uFEFF# Title' is a heading). */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** Maps offsets to 1-based line/column points by binary search over line starts. */
export class PositionMap {
  private readonly starts: number[];
  constructor(
    private readonly lines: readonly Line[],
    private readonly length: number,
  ) {
    this.starts = lines.map((l) => l.start);
  }
  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.length));
    if (this.lines.length === 0) return { line: 1, column: 1, offset: o };
    const i = this.lineIndexAt(o);
    const line = this.lines[i]!;
    // offsets past a terminator belong to the (virtual) following line
    if (o >= line.next && o > line.end) return { line: i + 2, column: 1, offset: o };
    return { line: i + 1, column: o - line.start + 1, offset: o };
  }
  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }
}

/** 1-based line number of an offset (for messages such as "line 12"). */
export function lineOf(text: string, offset: number): number {
  let no = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) no++;
  }
  return no;
}

// ---------------------------------------------------------------- edits

/** Apply non-overlapping edits (any order; all offsets refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

// ---------------------------------------------------------------- language

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々〆]/g;
const LATIN = /[A-Za-z]/g;

/** Share of CJK characters among letters, a kana/kanji weighing as much as 3 Latin letters. */
export function cjkRatio(text: string): number {
  const cjk = (text.match(CJK) ?? []).length;
  const latin = (text.match(LATIN) ?? []).length;
  return cjk + latin === 0 ? 0 : (cjk * 3) / (cjk * 3 + latin);
}

/** 'ja' when Japanese characters outweigh Latin letters (weighted as in cjkRatio); keys and reviews alike. */
export function detectLanguage(text: string): Language {
  const sample = text.length > 400_000 ? text.slice(0, 200_000) + text.slice(-200_000) : text;
  return cjkRatio(sample) >= 0.5 ? 'ja' : 'en';
}

// ---------------------------------------------------------------- markdown syntax

/** An ATX heading line: `## Title`, `## Title ##`. Group 1 the hashes, group 2 the raw text (closing hashes included). */
export const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** An ATX heading's depth and text (closing hashes removed); undefined for any other line. */
export function atxHeading(line: string): { depth: number; text: string } | undefined {
  const m = ATX.exec(line);
  if (!m) return undefined;
  return { depth: m[1]!.length, text: (m[2] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim() };
}

/** An opening code fence at the start of a string: group 1 the fence, group 2 the rest of its line. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)/;

/** The fence a line opens, if any (a backtick fence's info string may hold no backtick). */
export function fenceOpen(line: string): string | undefined {
  const m = FENCE.exec(line);
  if (!m || (m[1]![0] === '`' && m[2]!.includes('`'))) return undefined;
  return m[1];
}

/** Does this line close a fence opened by `open`: the same character, at least as many, nothing else? */
export function closesFence(line: string, open: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1]![0] === open[0] && m[1]!.length >= open.length;
}

// ---------------------------------------------------------------- verdict marks

/** Every glyph read as a verdict mark, in keys, tags and judge reports alike. */
export const MARK_GLYPHS: Readonly<Record<string, Verdict>> = {
  '○': 'detected',
  '◯': 'detected',
  〇: 'detected',
  '●': 'detected',
  '⭕': 'detected',
  '△': 'partial',
  '▲': 'partial',
  '×': 'missed',
  '✕': 'missed',
  '✗': 'missed',
  '✖': 'missed',
  '❌': 'missed',
};

/** The glyphs of MARK_GLYPHS as one string, for building character classes. */
export const MARK_CHARS = Object.keys(MARK_GLYPHS).join('');

/** A single verdict glyph ('○', '✕', '⭕️') → verdict. */
export function verdictOfGlyph(ch: string): Verdict | undefined {
  return MARK_GLYPHS[ch.replace(/\uFE0F$/, '')];
}

const VERDICT_WORDS: Readonly<Record<string, Verdict>> = {
  o: 'detected',
  detected: 'detected',
  検出: 'detected',
  '^': 'partial',
  partial: 'partial',
  部分: 'partial',
  部分検出: 'partial',
  x: 'missed',
  missed: 'missed',
  未検出: 'missed',
};

/** A verdict written as a glyph, an ASCII spelling (o ^ x) or a word (detected, 検出, …); undefined when unknown. */
export function parseVerdict(s: string): Verdict | undefined {
  const t = s.normalize('NFKC').trim().toLowerCase();
  return verdictOfGlyph(t) ?? VERDICT_WORDS[t];
}
