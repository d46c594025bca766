// Table keys: one row per item, the id in the first column. Columns map by
// meaning (severity / importance / 深刻度, section / 該当箇所, weight, the
// criteria cells 'Full (2) | Partial (1) | Miss (0)'), so header wording may
// drift. A total row ends the table and may state the weights' sum.
import type { Criterion, Field, Problem, Span, Verdict } from '../model';
import { bareCell, idNumber, isItemId } from './ids';
import { isBlank, type LineIndex } from './lines';
import type { KeyTable } from './structure';
import { normLabel } from './vocabulary';

export type RowColumn = 'id' | 'title' | 'severity' | 'location' | 'category' | 'description' | 'weight' | 'ref' | Verdict | 'other';

/** Header cell → meaning. Order matters: 'Not detected' is a miss before it is a detection. */
export function classifyColumn(header: string): RowColumn {
  const h = normLabel(header);
  if (/^(id|#|no\.?|番号|ｉｄ|(criterion|item|problem|issue|check|question) id|項目id|問題id|基準id)$/.test(h)) return 'id';
  if (/weight|重み|配点|ウェイト/.test(h)) return 'weight';
  if (/^(×|✕|x\b)|miss|not detected|none|未検出|検出なし|0\s*点|\(0\)/.test(h)) return 'missed';
  if (/^△|partial|部分/.test(h)) return 'partial';
  if (/^(○|◯|〇)|^full|detected|^検出|完全/.test(h)) return 'detected';
  if (/severity|importance|priority|impact|深刻度|重要度|重大度|優先度|影響度/.test(h)) return 'severity';
  if (/location|section|where|該当箇所|箇所|場所|セクション|^§/.test(h)) return 'location';
  if (/bank|^ref|reference|source|参照|出典/.test(h)) return 'ref';
  if (/why|description|reason|explanation|rationale|説明|理由|問題点|なぜ|根拠/.test(h)) return 'description';
  if (/^(type|category|kind|layer|分類|カテゴリ|カテゴリー|種別|種類|観点)$/.test(h)) return 'category';
  if (/criterion|title|problem|issue|text|item|finding|summary|check|question|問題|項目|内容|概要|基準|指摘/.test(h)) return 'title';
  return 'other';
}

/** '(2)' / '= 2' / '2点' in a criteria header: the rating the key gives that verdict. */
export function headerRating(header: string): number | undefined {
  const m = /[(（=＝]\s*(\d+(?:\.\d+)?)\s*(?:点|pts?|points?)?\s*[)）]?|(\d+(?:\.\d+)?)\s*(?:点|pts?|points?)/i.exec(header);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** Cells of a pipe row with their offsets in the text, honouring '\|'. */
export function rowCells(text: string, lineStart: number): Cell[] {
  const cells: Cell[] = [];
  let i = text.indexOf('|') === text.search(/\S/) ? text.indexOf('|') + 1 : 0;
  let from = i;
  const push = (to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    cells.push({ text: t.replace(/\\\|/g, '|'), start: lineStart + from + lead, end: lineStart + from + lead + t.length });
  };
  for (; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      push(i);
      from = i + 1;
    }
  }
  if (text.slice(from).trim() !== '') push(text.length);
  return cells;
}

export interface TableRead {
  table: KeyTable;
  columns: RowColumn[];
  headers: string[];
  problems: Problem[];
  /** the weight a total row states, and its line */
  statedWeight?: number;
  statedWeightLine?: number;
  /** ratings from criteria headers 'Full (2)' */
  ratings: Partial<Record<Verdict, number>>;
  /** body rows whose first cell is neither an id nor a total: reading skipped them */
  skipped: number[];
}

const TOTAL = /^(total|sum|合計|計|総計|小計|max|最大)(?=$|[\s:：(（])/i;

/** Read a table whose first column holds item ids; undefined when it does not. */
export function readIdTable(ix: LineIndex, t: KeyTable): TableRead | undefined {
  const head = ix.line(t.head);
  if (head.opaque || head.text.trimStart().startsWith('>')) return undefined;
  const headers = rowCells(head.text, head.start).map((c) => c.text);
  const columns = headers.map(classifyColumn);
  const ids = t.rows.filter((no) => isItemId(bareCell(rowCells(ix.line(no).text, 0)[0]?.text ?? ''))).length;
  if (ids === 0 || (columns[0] !== 'id' && ids < Math.max(1, t.rows.length / 2))) return undefined;
  if (isVerdictTable(ix, t)) return undefined;
  columns[0] = 'id';
  if (!columns.includes('title')) {
    const free = columns.findIndex((c, i) => i > 0 && (c === 'other' || c === 'description'));
    if (free > 0) columns[free] = 'title';
  }
  const ratings: TableRead['ratings'] = {};
  columns.forEach((c, i) => {
    if (c === 'detected' || c === 'partial' || c === 'missed') {
      const r = headerRating(headers[i]!);
      if (r !== undefined) ratings[c] = r;
    }
  });
  const read: TableRead = { table: t, columns, headers, problems: [], ratings, skipped: [] };
  for (const no of t.rows) {
    const line = ix.line(no);
    if (line.opaque || isBlank(line.text)) break;
    const cells = rowCells(line.text, line.start);
    const first = bareCell(cells[0]?.text ?? '');
    if (!isItemId(first)) {
      if (TOTAL.test(first) || cells.slice(0, 3).some((c) => TOTAL.test(bareCell(c.text)))) {
        const wi = columns.indexOf('weight');
        const w = wi >= 0 ? /\d+(?:\.\d+)?/.exec(cells[wi]?.text ?? '') : null;
        if (w) {
          read.statedWeight = Number(w[0]);
          read.statedWeightLine = no;
        }
      } else if (first !== '' || cells.some((c) => c.text !== '')) read.skipped.push(no);
      continue;
    }
    read.problems.push(rowProblem(ix, line.start, line.end, cells, columns, headers, first));
  }
  return read;
}

const VERDICT_CELL =
  /^(?:[○◯〇△×✕✓✔✗-]|[-+]?\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?|detected|partial|missed|not detected|検出|部分検出|未検出|yes|no|n\/a)?$/i;

/** A scoring report's table (P01 | ○ | △ | 0.5): cells are verdicts and numbers, not a key's text. */
function isVerdictTable(ix: LineIndex, t: KeyTable): boolean {
  let marks = 0;
  let all = 0;
  for (const no of t.rows) {
    const cells = rowCells(ix.line(no).text, 0);
    if (!isItemId(bareCell(cells[0]?.text ?? ''))) continue;
    for (const c of cells.slice(1)) {
      const v = bareCell(c.text)
        .replace(/[(（][^()（）]*[)）]/g, '')
        .trim();
      if (v === '') continue;
      all++;
      if (VERDICT_CELL.test(v)) marks++;
    }
  }
  return all > 0 && marks * 2 >= all;
}

function rowProblem(
  ix: LineIndex,
  start: number,
  end: number,
  cells: Cell[],
  columns: RowColumn[],
  headers: string[],
  id: string,
): Problem {
  const span = ix.span(start, end);
  const fields: Field[] = [];
  const criteria: Problem['criteria'] = {};
  const cellSpan = (c: Cell): Span => ix.span(c.start, c.end);
  let title = '';
  let weight: number | undefined;
  let ref: string | undefined;
  columns.forEach((col, i) => {
    const c = cells[i];
    if (!c || i === 0) return;
    const value = c.text;
    if (col === 'detected' || col === 'partial' || col === 'missed') {
      if (value.replace(/[-–—\s]/g, '') && !criteria[col]) criteria[col] = { verdict: col, text: value, span: cellSpan(c) } as Criterion;
      return;
    }
    if (col === 'title' && !title) title = bareCell(value);
    if (col === 'weight') {
      const w = /^\s*\*{0,2}(\d+(?:\.\d+)?)/.exec(value);
      if (w) weight = Number(w[1]);
    }
    if (col === 'ref' && isItemId(bareCell(value))) ref = bareCell(value);
    const name = col === 'other' || col === 'title' || col === 'id' ? headers[i]!.trim() : col;
    fields.push({ name, label: headers[i]!.trim(), value, span: cellSpan(c) });
  });
  const first = (name: string) => fields.find((f) => f.name === name && f.value !== '')?.value;
  return {
    id,
    number: idNumber(id),
    title,
    category: first('category'),
    severity: first('severity'),
    location: first('location'),
    description: first('description'),
    fields,
    criteria,
    headingSpan: span,
    span,
    shape: 'row',
    weight,
    ref,
  };
}
