// Bonus items of a key. Usually a GFM pipe table whose columns vary by key
// (ID | Category | Description | Bonus Condition, or Japanese headers), so
// columns are found by header name; headings and list items ('### B01: …',
// '- B01: …') are read too.
import type { BonusRow } from '../model';
import { isBlank, type LineIndex } from './lines';
import type { KeyTable } from './structure';
import { BONUS_ID, canonicalId, fieldName, HEAD, matchField, matchHeading, normLabel } from './vocabulary';
import { pushAll } from '../arrays';

type Column = 'id' | 'category' | 'text' | 'condition';

function classify(header: string): Column | undefined {
  const h = normLabel(header);
  if (/condition|criteria|criterion|条件|基準|award|加点/.test(h)) return 'condition';
  if (/^(id|#|no\.?|番号|ｉｄ|bonus id)$/.test(h)) return 'id';
  if (/category|カテゴリ|分類|観点|area/.test(h)) return 'category';
  if (/description|content|内容|問題|issue|problem|説明|概要|summary|title|finding|指摘|item|項目/.test(h)) return 'text';
  return undefined;
}

/** Split a pipe-table row into trimmed cells, honouring '\|'. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** Tables (from mdast) whose header is in [from, to) lines. `anywhere`: accept only tables whose ids look like B01. */
export function parseBonusTables(ix: LineIndex, tables: KeyTable[], from: number, to: number, anywhere: boolean): BonusRow[] {
  const rows: BonusRow[] = [];
  for (const t of tables) {
    const head = ix.line(t.head);
    // a table quoted in a block quote is an example, not the key's bonus list
    if (t.head < from || t.head + 1 >= to || head.opaque || head.text.trimStart().startsWith('>')) continue;
    const cols = new Map<Column, number>();
    splitRow(head.text).forEach((h, i) => {
      const c = classify(h);
      if (c && !cols.has(c)) cols.set(c, i);
    });
    const table: BonusRow[] = [];
    for (const no of t.rows) {
      const line = ix.line(no);
      if (no >= to || line.opaque || isBlank(line.text) || !line.text.includes('|')) break;
      const cells = splitRow(line.text);
      const cell = (c: Column) => (cols.has(c) ? cells[cols.get(c)!] : undefined) || undefined;
      const idCell = cell('id') ?? cells.find((c) => BONUS_ID.test(c) && /^\W*B-?\d/i.test(c)) ?? '';
      const idm = BONUS_ID.exec(idCell) ?? /^\s*(\d{1,3})\s*$/.exec(idCell);
      const textCol = cols.get('text') ?? cells.findIndex((_, i) => ![...cols.values()].includes(i));
      table.push({
        id: idm ? canonicalId('B', Number(idm[1])) : '',
        category: cell('category'),
        text: cells[textCol] ?? '',
        condition: cell('condition'),
        span: ix.span(line.start, line.end),
      });
    }
    const looksBonus = table.some((r) => r.id !== '');
    if (!anywhere || looksBonus) {
      table.forEach((r, i) => (r.id ||= canonicalId('B', rows.length + i + 1)));
      pushAll(rows, table);
    }
  }
  return rows;
}

/** '### B01: Title' headings and '- B01: text' list items inside a bonus section. */
export function parseBonusItems(ix: LineIndex, from: number, to: number): BonusRow[] {
  const rows: BonusRow[] = [];
  let cur: BonusRow | undefined;
  let curIndent = -1;
  for (let no = from; no < to; no++) {
    const line = ix.line(no);
    if (line.opaque || isBlank(line.text) || line.text.trimStart().startsWith('|')) continue;
    const heading = matchHeading(line.text);
    const item = heading ? undefined : /^(\s*)[-*+]\s+(.*)$/.exec(line.text.slice(0, HEAD * 4));
    const idText = heading?.text ?? item?.[2];
    const idm = idText !== undefined ? BONUS_ID.exec(idText) : null;
    if (idText !== undefined && idm && (heading || /^\W*B-?\d/i.test(idText))) {
      const text = idText
        .slice(idm[0].length)
        .replace(/^\s*[:：.\-–—)]\s*/, '')
        .trim();
      cur = { id: canonicalId('B', Number(idm[1])), text, span: ix.span(line.start, line.end) };
      curIndent = item ? item[1]!.length : -1;
      rows.push(cur);
      continue;
    }
    if (heading) {
      cur = undefined;
      continue;
    }
    if (!cur) continue;
    const f = matchField(line.text);
    if (f && (item ? item[1]!.length > curIndent : true)) {
      const value = line.text.slice(f.valueStart).trim();
      const name = fieldName(f.label);
      if (classify(f.label) === 'condition') cur.condition = value;
      else if (name === 'category') cur.category = value;
      else if (!cur.text) cur.text = value;
      cur.span = ix.span(cur.span.start.offset, line.end);
    } else if (item && item[1]!.length <= curIndent) {
      cur = undefined;
    }
  }
  return rows;
}
