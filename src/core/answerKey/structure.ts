// Block structure of a key from mdast (remark for normal input, the line
// scanner's flat mdast for risky input): which lines are headings and where
// GFM tables are. Text and offsets stay line-level (fixes need exact offsets).
import type { Nodes } from 'mdast';
import { parseMarkdownChecked, scanToMdast } from '../markdown';

export interface KeyTable {
  /** 1-based line of the header row */
  head: number;
  /** 1-based lines of the body rows */
  rows: number[];
}

export interface KeyStructure {
  /** 1-based lines that start a heading */
  headings: Set<number>;
  tables: KeyTable[];
}

/** Real keys are under 20 KB; a far larger one is generated, and remark on it takes seconds. */
const KEY_REMARK_LIMIT = 200_000;

/** Parses the text once and collects headings and tables at any depth. */
export function keyStructure(text: string): KeyStructure {
  const headings = new Set<number>();
  const tables: KeyTable[] = [];
  const visit = (node: Nodes): void => {
    const line = node.position?.start.line;
    if (node.type === 'heading' && line) headings.add(line);
    else if (node.type === 'table' && line) {
      const rows = node.children.slice(1).flatMap((r) => (r.position ? [r.position.start.line] : []));
      tables.push({ head: line, rows });
    } else if ('children' in node && node.type !== 'paragraph') for (const c of node.children as Nodes[]) visit(c);
  };
  visit(text.length > KEY_REMARK_LIMIT ? scanToMdast(text) : parseMarkdownChecked(text).root);
  return { headings, tables };
}
