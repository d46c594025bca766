// Reading grading tags: every `<!-- grade: … -->` comment, with diagnostics
// for malformed ones. A tag inside a finding's span belongs to that finding;
// elsewhere it speaks for the whole review.
import type { Diagnostic, Finding, GradeTag } from '../model';
import { bomLength, PositionMap, splitLines, type Line } from '../text';
import { parseTagBody } from './syntax';
import { said, type SaidText } from '../i18n';

export interface TagReading {
  tags: GradeTag[];
  diagnostics: Diagnostic[];
}

const START = /<!--[ \t]*grade\b[ \t]*([:：])?/gi;
/** a tag may wrap over a few lines, but an unclosed one must not swallow the file */
const MAX_TAG_LENGTH = 400;

/** Find every `<!-- grade: … -->` comment. Never throws. */
export function readTags(text: string, findings?: readonly Finding[], lines: Line[] = splitLines(text)): TagReading {
  const tags: GradeTag[] = [];
  const diagnostics: Diagnostic[] = [];
  const pos = new PositionMap(lines, text.length);
  START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = START.exec(text))) {
    const start = m.index;
    const at = pos.point(start);
    // search a bounded window so many unclosed tags stay linear
    const win = text.slice(start, start + MAX_TAG_LENGTH);
    const rel = win.indexOf('-->', 4);
    const opener = win.indexOf('<!--', 4);
    const close = rel < 0 ? -1 : start + rel;
    if (rel < 0 || (opener >= 0 && opener < rel)) {
      diagnostics.push(diag(at.line, at.column, said('unclosed grading tag: expected `-->` on the same line')));
      continue;
    }
    const end = close + 3;
    START.lastIndex = end;
    const raw = text.slice(start, end);
    const body = text.slice(start + m[0].length, close);
    if (!m[1]) diagnostics.push(diag(at.line, at.column, said("grading tag without ':' after 'grade'")));
    const parsed = parseTagBody(body);
    for (const e of parsed.errors) diagnostics.push(diag(at.line, at.column, said('malformed grading tag: {0}', e)));
    if (parsed.entries.length === 0 && parsed.errors.length === 0)
      diagnostics.push({ ...diag(at.line, at.column, said('empty grading tag')), severity: 'warning' });
    const ids = parsed.entries.flatMap((e) => (e.kind === 'problem' ? [e.id] : []));
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) diagnostics.push({ ...diag(at.line, at.column, said('{0} is graded twice in one tag', dup)), severity: 'warning' });
    const [lineStart, lineEnd] = tagExtent(text, lines, pos, start, end);
    const tag: GradeTag = { entries: parsed.entries, span: pos.span(start, end), lineStart, lineEnd, raw };
    const owner = findings && ownerOf(findings, start);
    if (owner) tag.findingIndex = owner.index;
    tags.push(tag);
  }
  return { tags, diagnostics };
}

/** Is the comment alone on its line(s)? */
export function isOwnLine(text: string, lines: Line[], pos: PositionMap, start: number, end: number): boolean {
  const a = lines[pos.lineIndexAt(start)];
  const b = lines[pos.lineIndexAt(Math.max(start, end - 1))];
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, a), start)) && /^[ \t]*$/.test(text.slice(end, b.end));
}

/** What removing this one tag must delete: its whole line(s), or the comment and the space before it. */
function tagExtent(text: string, lines: Line[], pos: PositionMap, start: number, end: number): [number, number] {
  if (!isOwnLine(text, lines, pos, start, end)) {
    return [start > 0 && /[ \t]/.test(text[start - 1]) ? start - 1 : start, end];
  }
  const i = pos.lineIndexAt(start);
  const last = lines[pos.lineIndexAt(Math.max(start, end - 1))];
  // an unterminated last line takes the line break before it instead
  if (last.next === last.end && i > 0) return [lines[i - 1].end, last.next];
  return [lineStartOf(text, lines[i]), last.next];
}

/** Where a line's content starts: after the byte-order mark on the first line. */
export function lineStartOf(text: string, line: Line): number {
  return line.start === 0 ? bomLength(text) : line.start;
}

function diag(line: number, column: number, message: SaidText): Diagnostic {
  return { code: 'malformed-tag', severity: 'error', ...message, line, column };
}

/** The finding whose span holds this offset (findings are sorted and disjoint). */
export function ownerOf(findings: readonly Finding[], offset: number): Finding | undefined {
  let lo = 0;
  let hi = findings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = findings[mid];
    if (offset < f.span.start.offset) hi = mid - 1;
    else if (offset > f.span.end.offset) lo = mid + 1;
    else return f;
  }
  return undefined;
}
