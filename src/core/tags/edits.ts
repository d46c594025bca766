// Writing grading tags as minimal text edits. Invariants: a write touches no
// other byte; writing the same thing twice equals writing it once; and
// stripTags(after any sequence of writes) returns the original bytes.
import type { GradeTag, Review, TagEntry, TextEdit, Verdict } from '../model';
import { applyEdits, detectEol, PositionMap, splitLines, type Line } from '../text';
import { entriesOf } from './entries';
import { isOwnLine, lineStartOf, readTags } from './read';
import { formatTag, removeTagEntry, setTagEntry } from './syntax';

export { applyEdits };

/** Edits that delete the given tags: whole lines for own-line tags, else the comment. */
export function tagRemovalEdits(text: string, remove: readonly GradeTag[], lines: Line[] = splitLines(text)): TextEdit[] {
  if (remove.length === 0) return [];
  const pos = new PositionMap(lines, text.length);
  const ranges: [number, number][] = [];
  const removedLines = new Set<number>();
  let dropsLastLine = false;
  for (const t of remove) {
    const first = pos.lineIndexAt(t.span.start.offset);
    const last = pos.lineIndexAt(Math.max(t.span.start.offset, t.span.end.offset - 1));
    if (!isOwnLine(text, lines, pos, t.span.start.offset, t.span.end.offset)) {
      ranges.push([t.lineStart, t.lineEnd]);
      continue;
    }
    for (let i = first; i <= last; i++) removedLines.add(i);
    ranges.push([lineStartOf(text, lines[first]), lines[last].next]);
    if (last === lines.length - 1 && lines[last].next === lines[last].end) dropsLastLine = true;
  }
  // the writer added "<eol><tag>" after an unterminated last line: take that eol back
  if (dropsLastLine) {
    let k = lines.length - 1;
    while (k >= 0 && removedLines.has(k)) k--;
    if (k >= 0) ranges.push([lines[k].end, lines[k].next]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged.map(([start, end]) => ({ start, end, newText: '' }));
}

/** Remove every grading tag: restores the bytes the file had before any write. */
export function stripTags(text: string): string {
  try {
    const lines = splitLines(text);
    const { tags } = readTags(text, undefined, lines);
    return applyEdits(text, tagRemovalEdits(text, tags, lines));
  } catch {
    return text;
  }
}

/**
 * Set the tag of one finding (target = finding index) or of the whole review:
 * adds it, replaces the existing one, or removes it when entries is empty.
 * `review` must have been parsed from `text`.
 */
export function tagEdits(text: string, review: Review, target: number | 'review', entries: TagEntry[]): TextEdit[] {
  const lines = splitLines(text);
  const mine = review.tags.filter((t) => (target === 'review' ? t.findingIndex === undefined : t.findingIndex === target));
  if (entries.length === 0) return tagRemovalEdits(text, mine, lines);
  const tag = formatTag(entries);
  if (mine.length > 0) {
    if (mine.length === 1 && mine[0].raw === tag) return [];
    const [first, ...rest] = mine;
    const keep = { start: first.span.start.offset, end: first.span.end.offset, newText: tag };
    return [keep, ...tagRemovalEdits(text, rest, lines)];
  }
  if (target === 'review') return [reviewTagInsert(text, lines, review, tag)];
  const finding = review.findings[target];
  if (!finding) return [];
  const pos = new PositionMap(lines, text.length);
  const li = pos.lineIndexAt(
    finding.headingSpan.end.offset > finding.headingSpan.start.offset
      ? finding.headingSpan.end.offset - 1
      : finding.headingSpan.start.offset,
  );
  const line = lines[li];
  if (!line) return [appendAtEnd(text, lines, tag)];
  // a table row cannot hold a line break: the tag trails the row (GFM ignores the extra cell)
  if (/^\s*\|/.test(text.slice(line.start, line.end))) return [{ start: line.end, end: line.end, newText: ` ${tag}` }];
  // a tag line would end the paragraph a lead line continues into (and could turn what follows into a setext heading)
  if (continuesParagraph(text, line, lines[li + 1])) return [{ start: line.end, end: line.end, newText: ` ${tag}` }];
  if (line.next > line.end) return [{ start: line.next, end: line.next, newText: tag + text.slice(line.end, line.next) }];
  return [{ start: line.end, end: line.end, newText: detectEol(text) + tag }];
}

/**
 * Is the finding's heading a paragraph line ("**C4: Bold lead**", a list
 * item's lead) that the next line continues? An HTML comment line interrupts
 * a paragraph, so there the tag trails the line instead. ATX headings and
 * setext underlines end their block anyway.
 */
function continuesParagraph(text: string, line: Line, next: Line | undefined): boolean {
  const own = text.slice(line.start, line.end);
  if (/^\uFEFF?[ \t]{0,3}#{1,6}(?:[ \t]|$)/.test(own) || /^[ \t]{0,3}(?:=+|-+)[ \t]*$/.test(own)) return false;
  return !!next && text.slice(next.start, next.end).trim() !== '';
}

/**
 * A review-level tag goes at the end of the file, except when the file ends
 * with a finding's heading (and maybe its tag): there it would read as, or
 * later become, that finding's tag, so it goes on the first line instead.
 */
function reviewTagInsert(text: string, lines: Line[], review: Review, tag: string): TextEdit {
  const tagLines = new Set(review.tags.map((t) => t.span.start.line - 1));
  let k = lines.length - 1;
  while (k >= 0 && (text.slice(lines[k].start, lines[k].end).trim() === '' || tagLines.has(k))) k--;
  const lastLine = k + 1;
  const endsWithHeading = k >= 0 && review.findings.some((f) => f.headingSpan.end.line === lastLine);
  if (!endsWithHeading) return appendAtEnd(text, lines, tag);
  const at = lineStartOf(text, lines[0]);
  return { start: at, end: at, newText: tag + (lines[0].next > lines[0].end ? text.slice(lines[0].end, lines[0].next) : detectEol(text)) };
}

function appendAtEnd(text: string, lines: Line[], tag: string): TextEdit {
  const last = lines[lines.length - 1];
  if (!last) return { start: text.length, end: text.length, newText: tag + '\n' };
  if (last.next > last.end) return { start: text.length, end: text.length, newText: tag + text.slice(last.end, last.next) };
  return { start: text.length, end: text.length, newText: detectEol(text) + tag };
}

/** Set (or with verdict undefined, clear) one problem's verdict in a target's tag, keeping its other entries. */
export function setTagVerdict(
  text: string,
  review: Review,
  target: number | 'review',
  id: string,
  verdict: Verdict | undefined,
): TextEdit[] {
  const current = entriesOf(review, target);
  const next = verdict ? setTagEntry(current, { kind: 'problem', id, verdict }) : removeTagEntry(current, id);
  return tagEdits(text, review, target, next);
}
