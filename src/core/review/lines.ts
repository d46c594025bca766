// Line table of a text: where each line's content and terminator are. The
// review parser and the tag writer work on lines, and must agree with each
// other byte for byte on LF, CRLF and lone CR endings.
import type { Point, Span } from '../model';

export interface Line {
  /** offset of the first character */
  start: number;
  /** offset just after the content (before the terminator) */
  end: number;
  /** offset just after the terminator (== end on an unterminated last line) */
  next: number;
}

/** Split into lines; an empty text has no lines, a trailing terminator opens no new line. */
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

/** The text's own line ending: its first terminator, LF when it has none. */
export function detectEol(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/** Maps offsets to 1-based line/column points by binary search over line starts. */
export class PositionMap {
  private readonly starts: number[];
  constructor(private readonly lines: Line[], private readonly length: number) {
    this.starts = lines.map((l) => l.start);
  }
  lineIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.length));
    if (this.lines.length === 0) return { line: 1, column: 1, offset: o };
    const i = this.lineIndexAt(o);
    const line = this.lines[i];
    // offsets past a terminator belong to the (virtual) following line
    if (o >= line.next && o > line.end) return { line: i + 2, column: 1, offset: o };
    return { line: i + 1, column: o - line.start + 1, offset: o };
  }
  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }
}
