// Where the items of a non-classic key are, before any is read (shapes.ts
// reads them): the headings, every id'd candidate (heading, bold lead, table
// row), the scenarios, and the tables that are a summary or an overview
// rather than items. Apart from shapes.ts so finding and reading stay two steps.
import type { Diagnostic, KeyScenario, Problem } from '../model';
import { said } from '../i18n';
import { bareCell, matchBoldLead, matchIdHeading, type IdHead } from './ids';
import type { LineIndex } from './lines';
import { readIdTable, rowCells, type TableRead } from './rows';
import type { KeyStructure } from './structure';
import { BONUS_HEADING, matchCriterion, matchHeading } from './vocabulary';

export interface Heading {
  line: number;
  depth: number;
  text: string;
  id?: IdHead;
}

export interface Candidate {
  line: number;
  /** heading depth; 7 for a bold lead; 8 for a table row */
  depth: number;
  kind: 'heading' | 'bold' | 'row';
  head?: IdHead;
  row?: Problem;
  table?: TableRead;
}

/** Line ranges [from, to). */
export type Ranges = [number, number][];

export type ScenarioSpan = KeyScenario & { end: number };

export interface ShapeLayout {
  /** one past the last line */
  eof: number;
  headings: Heading[];
  /** the line where heading i's section ends */
  headingEnd: (i: number) => number;
  bonusRanges: Ranges;
  bankRanges: Ranges;
  /** every id'd candidate, sorted by line */
  cands: Candidate[];
  /** every id table read */
  tables: TableRead[];
  /** the tables read as a summary or an overview, not as items */
  dropped: Set<TableRead>;
  scenarios: ScenarioSpan[];
  /** scenario index + 1 of every line (0 = outside): lookups stay linear on large rubrics */
  scenarioAt: Int32Array;
  scenarioOf: (no: number) => ScenarioSpan | undefined;
  /** messages about the file as a whole, found while laying it out */
  fileDiags: Diagnostic[];
}

const BANK_HEADING = /problem bank|issue bank|問題バンク|バンク|catalog(?:ue)?|カタログ/i;

export const inRanges = (ranges: Ranges, no: number) => ranges.some(([a, b]) => no >= a && no < b);

/** The layout of a key in a non-classic shape; undefined when the text holds no id'd items. */
export function findLayout(ix: LineIndex, structure: KeyStructure): ShapeLayout | undefined {
  const eof = ix.lines.length + 1;
  const headings: Heading[] = [];
  for (const no of [...structure.headings].sort((a, b) => a - b)) {
    const l = ix.line(no);
    if (l.opaque) continue;
    const h = matchHeading(l.text);
    if (h) headings.push({ line: no, depth: h.depth, text: h.text, id: matchIdHeading(h.text) });
  }
  const headingEnd = (i: number): number => {
    for (let j = i + 1; j < headings.length; j++) if (headings[j]!.depth <= headings[i]!.depth) return headings[j]!.line;
    return eof;
  };

  // bonus sections keep their own reading (B01 rows, not items)
  const bonusRanges: Ranges = [];
  headings.forEach((h, i) => {
    if (!h.id && BONUS_HEADING.test(h.text)) bonusRanges.push([h.line, headingEnd(i)]);
  });

  const cands: Candidate[] = [];
  headings.forEach((h) => {
    if (h.id && !inRanges(bonusRanges, h.line)) cands.push({ line: h.line, depth: h.depth, kind: 'heading', head: h.id });
  });
  for (const l of ix.lines) {
    if (l.opaque || structure.headings.has(l.no) || inRanges(bonusRanges, l.no)) continue;
    const t = l.text.trimStart();
    if (t[0] !== '*' && t[0] !== '_' && t[0] !== '-' && t[0] !== '+') continue;
    const b = matchBoldLead(l.text);
    if (b) cands.push({ line: l.no, depth: 7, kind: 'bold', head: b });
  }
  const tables: TableRead[] = [];
  for (const t of structure.tables) {
    if (inRanges(bonusRanges, t.head)) continue;
    const read = readIdTable(ix, t);
    if (!read) continue;
    tables.push(read);
    for (const p of read.problems) cands.push({ line: p.span.start.line, depth: 8, kind: 'row', row: p, table: read });
  }
  if (cands.length === 0) return undefined;
  cands.sort((a, b) => a.line - b.line);

  const fileDiags: Diagnostic[] = [];
  // scenarios: an id heading whose section holds other items
  const scenarios: ScenarioSpan[] = [];
  headings.forEach((h, i) => {
    if (!h.id || scenarios.some((s) => h.line >= s.line && h.line < s.end)) return;
    const end = headingEnd(i);
    const inner: Candidate[] = [];
    for (let k = firstAfter(cands, h.line); k < cands.length && cands[k]!.line < end; k++)
      if (cands[k]!.depth > h.depth) inner.push(cands[k]!);
    if (!inner.length) return;
    // an item with its own criteria above a sub-item ('### PB-02' then '#### PB-04') is an item, not a scenario
    const token = new RegExp(`(^|-)${h.id.id}(-|$)`);
    const ownCriteria = ix.lines.slice(h.line, inner[0]!.line - 1).some((l) => !l.opaque && matchCriterion(l.text));
    if (!ownCriteria || inner.some((c) => token.test(c.head?.id ?? c.row?.id ?? '')))
      scenarios.push({ id: h.id.id, title: h.id.title, line: h.line, end });
  });
  const scenarioIds = new Set(scenarios.map((s) => s.id));
  const scenarioAt = new Int32Array(eof + 1);
  scenarios.forEach((s, i) => scenarioAt.fill(i + 1, s.line + 1, s.end));
  const scenarioOf = (no: number) => (no >= 0 && no <= eof && scenarioAt[no] ? scenarios[scenarioAt[no]! - 1] : undefined);

  // a table listing the scenarios themselves is a summary, not items
  const dropped = new Set<TableRead>();
  for (const t of structure.tables) {
    if (!scenarioIds.size || scenarioOf(t.head)) continue;
    const firsts = t.rows.map((no) => bareCell(rowCells(ix.line(no).text, 0)[0]?.text ?? '')).filter((c) => c !== '');
    const listed = firsts.filter((c) => scenarioIds.has(c));
    if (listed.length === 0 || listed.length * 2 < firsts.length) continue;
    const read = tables.find((r) => r.table === t);
    if (read) dropped.add(read);
    fileDiags.push({
      code: 'ambiguous-shape',
      severity: 'info',
      line: t.head,
      ...said(
        "line {0}: this table lists the scenarios ({1}); it was read as a summary, and each scenario's items from its own section",
        t.head,
        listed.join(', '),
      ),
    });
  }
  const headIds = new Set(cands.filter((c) => c.kind !== 'row').map((c) => `${scenarioOf(c.line)?.id ?? ''}/${c.head!.id}`));
  for (const t of tables) {
    if (dropped.has(t) || !t.problems.every((p) => headIds.has(`${scenarioOf(p.span.start.line)?.id ?? ''}/${p.id}`))) continue;
    dropped.add(t);
    fileDiags.push({
      code: 'ambiguous-shape',
      severity: 'info',
      line: t.table.head,
      ...said(
        'line {0}: every id in this table ({1}…) also heads an item below; the table was read as an overview and the items from their headings',
        t.table.head,
        t.problems[0]!.id,
      ),
    });
  }

  const bankRanges: Ranges = [];
  headings.forEach((h, i) => {
    if (!h.id && BANK_HEADING.test(h.text)) bankRanges.push([h.line, headingEnd(i)]);
  });

  return { eof, headings, headingEnd, bonusRanges, bankRanges, cands, tables, dropped, scenarios, scenarioAt, scenarioOf, fileDiags };
}

/** The candidates that are items: not scenario headings, not rows of a dropped table. */
export function liveCandidates(layout: ShapeLayout): Candidate[] {
  const { cands, scenarios, dropped } = layout;
  return cands.filter((c) => !(c.kind === 'heading' && scenarios.some((s) => s.line === c.line)) && !(c.table && dropped.has(c.table)));
}

/** Where the text of live item i ends: the next item, a heading no deeper than it, or its scenario's end. */
export function itemEnd(layout: ShapeLayout, live: Candidate[], i: number): number {
  const { headings } = layout;
  const c = live[i]!;
  let end = layout.eof;
  const next = live[i + 1];
  if (next) end = next.line;
  for (let k = firstAfter(headings, c.line); k < headings.length && headings[k]!.line < end; k++) {
    if (headings[k]!.depth <= c.depth) {
      end = headings[k]!.line;
      break;
    }
  }
  const s = layout.scenarioOf(c.line);
  if (s && s.end < end) end = s.end;
  return end;
}

/** Index of the first entry whose line is after `line` (entries sorted by line). */
function firstAfter(xs: readonly { line: number }[], line: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
