// Line bookkeeping for the answer-key parser. mdast (structure.ts) says which
// lines are headings and tables; fields and criteria are read line by line so
// each gets exact offsets for fixes.
import type { Point, Span } from '../model';
import { bomLength, closesFence, detectEol, fenceOpen, PositionMap, splitLines, type Line as TextLine } from '../text';

export interface Line extends TextLine {
  /** 1-based line number */
  no: number;
  text: string;
  /** inside a fenced code block or an HTML comment: never structure */
  opaque: boolean;
  /** inside a fence or comment that never closes: text inserted here would be swallowed */
  unclosed?: boolean;
}

/** The key's lines (LF, CRLF or lone CR, as core/text splits them); unlike splitLines, a text ending in a line break has an empty last line. */
export class LineIndex {
  readonly lines: Line[] = [];
  readonly eol: string;
  private readonly positions: PositionMap;

  constructor(readonly text: string) {
    this.eol = detectEol(text);
    const split = splitLines(text);
    // a byte-order mark is not content: '\uFEFF### P01' is a heading
    const bom = bomLength(text);
    split.forEach((l, i) => {
      const start = i === 0 ? Math.min(l.start + bom, l.end) : l.start;
      this.lines.push({ ...l, start, no: i + 1, text: text.slice(start, l.end), opaque: false });
    });
    const last = split[split.length - 1];
    if (!last || last.next > last.end) {
      const n = text.length;
      this.lines.push({ start: n, end: n, next: n, no: this.lines.length + 1, text: '', opaque: false });
    }
    this.positions = new PositionMap(this.lines, text.length);
    markOpaque(this.lines);
  }

  /** 1-based line → Line (clamped). */
  line(no: number): Line {
    return this.lines[Math.min(Math.max(no, 1), this.lines.length) - 1]!;
  }

  point(offset: number): Point {
    return this.positions.point(offset);
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** Span of whole lines from..to (1-based, inclusive), without the final line break. */
  lineSpan(from: number, to: number): Span {
    return this.span(this.line(from).start, this.line(Math.max(from, to)).end);
  }
}

// Fenced code and multi-line HTML comments hold example markdown, not structure.
function markOpaque(lines: Line[]): void {
  let fence: string | undefined;
  let comment = false;
  for (const l of lines) {
    const head = l.text.slice(0, 200);
    if (fence) {
      l.opaque = true;
      if (closesFence(head, fence)) fence = undefined;
      continue;
    }
    if (comment) {
      l.opaque = true;
      if (l.text.includes('-->')) comment = false;
      continue;
    }
    const open = fenceOpen(head);
    if (open) {
      fence = open;
      l.opaque = true;
      continue;
    }
    const at = l.text.indexOf('<!--');
    if (at >= 0 && !l.text.includes('-->', at + 4)) {
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
