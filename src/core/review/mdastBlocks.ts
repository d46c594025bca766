// Review blocks from mdast: remark decides block structure (what is a heading,
// table, fence, html block, list), while line-level detail (heading text, a
// paragraph's first line, table cells) is read from the source lines exactly
// as the scanner reads it, so classify/outline see one Block shape from either
// route. The scanner's flat fallback mdast maps back to the scanner's blocks.
import type { Nodes, Root } from 'mdast';
import { scanBlocks, splitRow, type Block, type TableRow } from './blocks';
import { atxHeading, bomLength, FENCE, type Line } from '../text';
import { opensLead } from './markers';

const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LISTY = /^(?:[ \t]+\S|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]{0,3}>)/;
const UNCLOSED_TAG = /^ {0,3}<!--\s*grade\b/i;

export function blocksFromMdast(root: Root, text: string, lines: Line[]): Block[] {
  const bom = bomLength(text);
  const get = (i: number) => text.slice(lines[i].start + (i === 0 ? bom : 0), lines[i].end);
  const blocks: Block[] = [];
  const n = lines.length;
  // by line and column: remark does not count a byte-order mark in offsets, the scanner does
  const offset = (pt: { line: number; column: number }) =>
    lines[Math.min(n - 1, pt.line - 1)].start + (pt.line === 1 ? bom : 0) + pt.column - 1;
  const range = (node: Nodes): [number, number] | undefined => {
    const p = node.position;
    if (!p || n === 0) return undefined;
    const first = Math.min(n - 1, Math.max(0, p.start.line - 1));
    // a node that runs to the end of a text ending in a newline ends on a line past the last
    return [first, Math.min(n - 1, Math.max(first, p.end.line - 1))];
  };

  const paragraph = (first: number, last: number) => {
    // a bold lead line ('**C2: …**') or a marked lead ('■ …', '① …') starts its own paragraph, as in the scanner
    let from = first;
    for (let i = first + 1; i <= last + 1; i++) {
      if (i <= last && !opensLead(get(i))) continue;
      blocks.push({ kind: 'paragraph', first: from, last: i - 1, text: get(from), listy: LISTY.test(get(from)) });
      from = i;
    }
  };

  const visit = (node: Nodes): void => {
    const r = range(node);
    switch (node.type) {
      case 'root':
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'footnoteDefinition':
        for (const c of node.children) visit(c);
        return;
    }
    if (!r) return;
    const [first, last] = r;
    if (node.type === 'heading') blocks.push({ kind: 'heading', first, last, depth: node.depth, text: headingText(node, first, last) });
    else if (node.type === 'paragraph') paragraph(first, last);
    else if (node.type === 'thematicBreak') blocks.push({ kind: 'hr', first, last });
    else if (node.type === 'code') {
      // indented code is plain text to the scanner: a listy paragraph
      const at = node.position ? offset(node.position.start) : lines[first].start;
      if (FENCE.test(text.slice(at, at + 40))) blocks.push({ kind: 'code', first, last });
      else blocks.push({ kind: 'paragraph', first, last, text: get(first), listy: true });
    } else if (node.type === 'html') html(first, last);
    else if (node.type === 'table') {
      const cells = (i: number) => splitRow(get(i).replace(/^[ \t]*(?:>[ \t]?)*/, ''));
      const rows: TableRow[] = [];
      for (const row of node.children.slice(1)) {
        const rr = range(row);
        if (rr) rows.push({ line: rr[0], cells: cells(rr[0]) });
      }
      blocks.push({ kind: 'table', first, last, header: cells(first), rows });
    }
  };

  // an unclosed grading tag is reported by the tag reader; it must not swallow
  // the review, so the lines remark put in its html block are scanned instead
  const html = (first: number, last: number) => {
    const s = get(first);
    if (last === first || !UNCLOSED_TAG.test(s) || s.includes('-->', s.indexOf('<!--') + 4)) {
      blocks.push({ kind: 'html', first, last });
      return;
    }
    blocks.push({ kind: 'html', first, last: first });
    const sub = lines.slice(first + 1, last + 1);
    for (const b of scanBlocks(text, sub)) {
      const shift = (i: number) => i + first + 1;
      blocks.push({ ...b, first: shift(b.first), last: shift(b.last), rows: b.rows?.map((r) => ({ ...r, line: shift(r.line) })) });
    }
  };

  const headingText = (node: Extract<Nodes, { type: 'heading' }>, first: number, last: number): string => {
    if (last > first && SETEXT.test(get(last))) {
      const parts: string[] = [];
      for (let k = first; k < last; k++) parts.push(get(k).trim());
      return parts.join(' ');
    }
    const atx = atxHeading(get(first));
    if (atx) return atx.text;
    // inside a container ('> ## …', '- ## …'): the raw inline source
    const a = node.children[0]?.position?.start;
    const b = node.children[node.children.length - 1]?.position?.end;
    if (!a || !b) return '';
    return text
      .slice(offset(a), offset(b))
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(/^[ \t]*(?:>[ \t]?)*/, '').trim())
      .join(' ');
  };

  visit(root);
  return blocks;
}
