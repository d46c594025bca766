// Markdown → mdast with positions: remark-parse plus GFM (answer keys keep
// their bonus rows in pipe tables, which plain CommonMark does not parse),
// with only the GFM extensions the text can use (gfmParts.ts). remark is superlinear on some inputs (10 000-deep lists
// hang, deep block quotes overflow the stack, 50 000 `[a](` take ~30 s), so
// risky input goes to a line-based scanner that yields a flat mdast instead.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, TableRow } from 'mdast';
import { gfmMask, gfmPlugin } from './gfmParts';
import { scanBlocks, splitRow } from './review/blocks';
import { PositionMap, splitLines } from './text';

/** One frozen processor per set of GFM parts, made on first use (at most 2⁵). */
const processors = new Map<number, ReturnType<typeof processorFor>>();
function processorFor(mask: number) {
  return unified().use(remarkParse).use(gfmPlugin(mask)).freeze();
}
function processorOf(text: string) {
  const mask = gfmMask(text);
  let processor = processors.get(mask);
  if (!processor) processors.set(mask, (processor = processorFor(mask)));
  return processor;
}

/**
 * Inputs above these sizes are scanned line by line instead. remark-parse runs
 * at roughly 0.2–0.4 MB/s here, so 400 000 characters keeps a parse near a
 * second even in the editor; the corpus's largest review is 68 KB.
 */
export const MARKDOWN_LIMITS = { chars: 400_000, nesting: 32, indent: 200, inlineMarks: 20_000 };

export interface MarkdownParse {
  root: Root;
  /** why remark was not used (or failed); undefined when it parsed normally */
  fallback?: string;
}

/** Parse markdown text. Never throws on text input; positions are 1-based lines. */
export function parseMarkdown(text: string): Root {
  return parseMarkdownChecked(text).root;
}

/** Like parseMarkdown, and says whether the line-based fallback was used. */
export function parseMarkdownChecked(text: string): MarkdownParse {
  const risk = markdownRisk(text);
  if (risk) return { root: scanToMdast(text), fallback: risk };
  try {
    return { root: processorOf(text).parse(text) as Root };
  } catch (e) {
    return { root: scanToMdast(text), fallback: `remark failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A reason remark would be slow or crash on this text, or undefined. Linear. */
export function markdownRisk(text: string): string | undefined {
  const L = MARKDOWN_LIMITS;
  if (text.length > L.chars) return `text of ${text.length} characters exceeds ${L.chars}`;
  let marks = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      const line = text.slice(lineStart, i);
      if (line.trim() === '') marks = 0;
      else {
        const prefix = /^[\s>*+\-\d.)]*/.exec(line.slice(0, 4 * L.indent))?.[0] ?? '';
        const indent = /^[ \t]*/.exec(line.slice(0, 4 * L.indent))?.[0].length ?? 0;
        if (indent >= L.indent) return `line ${lineNo(text, lineStart)} is indented ${indent} columns deep`;
        const depth = (prefix.match(/>|[-*+](?=\s)|\d+[.)](?=\s)/g) ?? []).length;
        if (depth > L.nesting) return `line ${lineNo(text, lineStart)} nests ${depth} containers`;
      }
      lineStart = i + 1;
      continue;
    }
    // brackets, emphasis, code and html marks drive remark's inline backtracking
    if (c === 91 || c === 93 || c === 40 || c === 41 || c === 42 || c === 95 || c === 96 || c === 60 || c === 33) {
      if (++marks > L.inlineMarks) return `a paragraph near line ${lineNo(text, i)} has over ${L.inlineMarks} inline marks`;
    }
  }
  return undefined;
}

function lineNo(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** Flat mdast from the line scanner: headings, paragraphs, code, html and tables, with positions. */
export function scanToMdast(text: string): Root {
  const lines = splitLines(text);
  const pos = new PositionMap(lines, text.length);
  const at = (first: number, last: number) => {
    const { start, end } = pos.span(lines[first].start, lines[last].end);
    return { start, end };
  };
  const raw = (first: number, last: number) => text.slice(lines[first].start, lines[last].end);
  const children: RootContent[] = [];
  for (const b of scanBlocks(text, lines)) {
    const position = at(b.first, b.last);
    const value = raw(b.first, b.last);
    if (b.kind === 'heading') {
      const depth = Math.min(6, Math.max(1, b.depth ?? 1)) as 1 | 2 | 3 | 4 | 5 | 6;
      children.push({ type: 'heading', depth, children: [{ type: 'text', value: b.text ?? '', position }], position });
    } else if (b.kind === 'paragraph') children.push({ type: 'paragraph', children: [{ type: 'text', value, position }], position });
    else if (b.kind === 'code') {
      const inner = b.last > b.first ? text.slice(lines[b.first].next, lines[b.last].start).replace(/\r?\n$|\r$/, '') : '';
      children.push({ type: 'code', value: inner, position });
    } else if (b.kind === 'html') children.push({ type: 'html', value, position });
    else if (b.kind === 'hr') children.push({ type: 'thematicBreak', position });
    else if (b.kind === 'table') {
      const row = (cells: string[], line: number): TableRow => ({
        type: 'tableRow',
        children: cells.map((c) => ({ type: 'tableCell', children: [{ type: 'text', value: c }] })),
        position: at(line, line),
      });
      const rows = [row(b.header ?? splitRow(raw(b.first, b.first)), b.first), ...(b.rows ?? []).map((r) => row(r.cells, r.line))];
      children.push({ type: 'table', children: rows, position });
    }
  }
  return { type: 'root', children, position: pos.span(0, text.length) };
}
