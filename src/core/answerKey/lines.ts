// Line bookkeeping for the answer-key parser. mdast (structure.ts) says which
// lines are headings and tables; fields and criteria are read line by line so
// each gets exact offsets for fixes.
import type { Point, Span } from '../model';

export interface Line {
  /** 1-based line number */
  no: number;
  /** offset of the first character */
  start: number;
  /** offset just after the last character, before the line break */
  end: number;
  text: string;
  /** inside a fenced code block or an HTML comment: never structure */
  opaque: boolean;
  /** inside a fence or comment that never closes: text inserted here would be swallowed */
  unclosed?: boolean;
}

export class LineIndex {
  readonly lines: Line[] = [];
  readonly eol: string;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    let start = 0;
    let no = 1;
    const n = text.length;
    while (start <= n) {
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = n;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.lines.push({ no: no++, start, end, text: text.slice(start, end), opaque: false });
      if (nl >= n) break;
      start = nl + 1;
    }
    markOpaque(this.lines);
  }

  /** 1-based line → Line (clamped). */
  line(no: number): Line {
    return this.lines[Math.min(Math.max(no, 1), this.lines.length) - 1]!;
  }

  point(offset: number): Point {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= o) lo = mid;
      else hi = mid - 1;
    }
    const l = this.lines[lo]!;
    return { line: l.no, column: o - l.start + 1, offset: o };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** Span of whole lines from..to (1-based, inclusive), without the final line break. */
  lineSpan(from: number, to: number): Span {
    return this.span(this.line(from).start, this.line(Math.max(from, to)).end);
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

// Fenced code and multi-line HTML comments hold example markdown, not structure.
function markOpaque(lines: Line[]): void {
  let fence: string | undefined;
  let comment = false;
  for (const l of lines) {
    const head = l.text.slice(0, 200);
    if (fence) {
      l.opaque = true;
      const m = FENCE.exec(head);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && head.trim() === m[1]) fence = undefined;
      continue;
    }
    if (comment) {
      l.opaque = true;
      if (l.text.includes('-->')) comment = false;
      continue;
    }
    const m = FENCE.exec(head);
    if (m) {
      fence = m[1];
      l.opaque = true;
      continue;
    }
    const open = l.text.indexOf('<!--');
    if (open >= 0 && !l.text.includes('-->', open + 4)) {
      comment = true;
      if (/^\s*<!--/.test(head)) l.opaque = true;
    }
  }
  if (fence || comment) {
    for (let i = lines.length - 1; i >= 0 && lines[i]!.opaque; i--) lines[i]!.unclosed = true;
  }
}

/** Leading whitespace width (tabs count 4). */
export function indentWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch === ' ') w++;
    else if (ch === '\t') w += 4;
    else break;
  }
  return w;
}

export function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Full-width digits → ASCII, so '１０問' counts as 10. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
