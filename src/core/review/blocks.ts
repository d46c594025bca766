// A linear, line-based block scanner: the subset of CommonMark/GFM block
// structure that reviews use (ATX/setext headings, fenced code, HTML comments,
// pipe tables, paragraphs). The fallback for input remark would hang or
// overflow on (see markdownRisk); this never backtracks.
import { atxHeading, bomLength, closesFence, fenceOpen, type Line } from '../text';
import { opensLead } from './markers';

export type BlockKind = 'heading' | 'paragraph' | 'table' | 'code' | 'html' | 'hr';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface Block {
  kind: BlockKind;
  /** first and last line index (inclusive) */
  first: number;
  last: number;
  /** heading level 1..6 */
  depth?: number;
  /** heading text (raw inline markdown) or a paragraph's first line */
  text?: string;
  /** paragraph starts with a list marker or indentation */
  listy?: boolean;
  header?: string[];
  rows?: TableRow[];
}

const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const HR = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LISTY = /^(?:[ \t]+\S|[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]{0,3}>)/;
const DELIM = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Split a pipe-table row into trimmed cells (escaped pipes stay in the cell). */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

export function scanBlocks(text: string, lines: Line[]): Block[] {
  const blocks: Block[] = [];
  // a byte-order mark is not content: '\uFEFF# Title' is a heading
  const bom = lines[0]?.start === 0 ? bomLength(text) : 0;
  const get = (i: number) => text.slice(lines[i].start + (i === 0 ? bom : 0), lines[i].end);
  let para: Block | undefined;
  const close = () => {
    if (para) blocks.push(para);
    para = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const s = get(i);
    if (s.trim() === '') {
      close();
      continue;
    }
    const fence = fenceOpen(s);
    if (fence) {
      close();
      let j = i + 1;
      while (j < lines.length && !closesFence(get(j), fence)) j++;
      const last = Math.min(j, lines.length - 1);
      blocks.push({ kind: 'code', first: i, last });
      i = last;
      continue;
    }
    const atx = atxHeading(s);
    if (atx) {
      close();
      blocks.push({ kind: 'heading', first: i, last: i, depth: atx.depth, text: atx.text });
      continue;
    }
    if (/^ {0,3}<!--/.test(s)) {
      close();
      let j = i;
      const from = s.indexOf('<!--') + 4;
      // an unclosed grading tag is reported by the tag reader; it must not swallow the review
      if (!s.includes('-->', from) && !/^ {0,3}<!--\s*grade\b/i.test(s)) {
        j = i + 1;
        while (j < lines.length && !get(j).includes('-->')) j++;
      }
      const last = Math.min(j, lines.length - 1);
      blocks.push({ kind: 'html', first: i, last });
      i = last;
      continue;
    }
    const setext = SETEXT.exec(s);
    if (setext && para && !para.listy && para.kind === 'paragraph') {
      const p: Block = para;
      para = undefined;
      const parts: string[] = [];
      for (let k = p.first; k <= i - 1; k++) parts.push(get(k).trim());
      blocks.push({ kind: 'heading', first: p.first, last: i, depth: setext[1][0] === '=' ? 1 : 2, text: parts.join(' ') });
      continue;
    }
    if (HR.test(s)) {
      close();
      blocks.push({ kind: 'hr', first: i, last: i });
      continue;
    }
    if (s.includes('|') && i + 1 < lines.length && DELIM.test(get(i + 1)) && get(i + 1).includes('|')) {
      close();
      const rows: TableRow[] = [];
      let j = i + 2;
      while (j < lines.length && get(j).trim() !== '' && get(j).includes('|')) {
        rows.push({ line: j, cells: splitRow(get(j)) });
        j++;
      }
      blocks.push({ kind: 'table', first: i, last: j - 1, header: splitRow(s), rows });
      i = j - 1;
      continue;
    }
    const listy = LISTY.test(s);
    // a list item interrupts a paragraph; anything else continues it (lazily)
    // a bold lead line ('**C2: …**') starts its own paragraph, so a tag line written above it changes nothing;
    // so does a marked lead ('■ …', '① …', '【問題2】…'), so findings written without blank lines stay apart
    if (para && ((listy && !/^[ \t]+\S/.test(s)) || opensLead(s))) close();
    if (para) para.last = i;
    else para = { kind: 'paragraph', first: i, last: i, text: s, listy };
  }
  close();
  return blocks;
}
