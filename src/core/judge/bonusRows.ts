// Which of the key's bonus rows (B01…) the judge credited in each run, read
// from the rows and list items that name one ("| B02 | … | ○ | +0.5 |",
// "- B03: … (+0.5)"). The score still uses the judge's stated bonus figure;
// these ids only say *which* bonus findings count, so the views can show them.
import type { LineContext } from './context';
import type { JudgeRun } from './model';
import { cellVerdict, plain, tableCells, toNumber } from './text';

const ROW_ID = /^B-?(\d{1,3})$/;
const LIST_ID = /^\s*(?:[-*+]|\d+[.)])\s+\**(B-?\d{1,3})\**\s*[:：]/;
// Words a judge uses to refuse a row; they win over a "+0.5" that states the row's worth, not its award.
const REFUSED =
  /not\s+(?:awarded|credited|mentioned|detected|found|given)|no\s+(?:credit|bonus)|未検出|言及なし|指摘なし|対象外|付与なし|加点なし|該当なし/i;
const AWARDED = /\b(?:awarded|credited|granted)\b|付与|加点/i;

/** 'B2' / 'B-02' → 'B02', the key's own form. */
function canonical(id: string): string {
  const n = /(\d+)/.exec(id)?.[1] ?? '';
  return `B${n.padStart(2, '0')}`;
}

/** The row's awarded amount: the last cell that is only an amount ("+0.5", "0.0"), else the last "(+0.5)" in the text. */
function amountOf(cells: string[]): number | undefined {
  let last: number | undefined;
  for (const c of cells) if (/^[+＋]?\s*\d+(?:\.\d+)?\s*(?:点|pts?|points?)?$/i.test(plain(c))) last = toNumber(plain(c));
  if (last !== undefined) return last;
  for (const m of cells.join(' ').matchAll(/[+＋]\s*(\d+(?:\.\d+)?)/g)) last = Number(m[1]);
  return last;
}

/** Did this row or item credit its bonus? A refusal or a × first; then a zero amount; then an award word, a mark or a positive amount. */
function credited(cells: string[]): boolean {
  const text = cells.map(plain).join(' | ');
  if (REFUSED.test(text)) return false;
  const marks = cells.map(cellVerdict).filter((v) => v !== undefined);
  if (marks.includes('missed')) return false;
  const amount = amountOf(cells);
  if (amount !== undefined && amount <= 0) return false;
  return AWARDED.test(text) || marks.length > 0 || (amount ?? 0) > 0;
}

/** Fills `bonusIds` on each run from its own section's bonus rows, in the order written, each id once. */
export function readCreditedBonusRows(lines: string[], contexts: LineContext[], runs: Map<number, JudgeRun>): void {
  for (let i = 0; i < lines.length; i++) {
    const ctx = contexts[i];
    const run = ctx.run === undefined ? undefined : runs.get(ctx.run);
    if (!run) continue;
    let id: string | undefined;
    let cells: string[] | undefined;
    if (ctx.table) {
      const first = plain(ctx.table.cells[0] ?? '');
      if (ROW_ID.test(first)) [id, cells] = [first, ctx.table.cells.slice(1)];
    } else if (!tableCells(lines[i])) {
      const m = LIST_ID.exec(lines[i]);
      if (m) [id, cells] = [m[1], [lines[i].slice(m[0].length)]];
    }
    if (!id || !cells || !credited(cells)) continue;
    const ids = (run.bonusIds ??= []);
    const c = canonical(id);
    if (!ids.includes(c)) ids.push(c);
  }
}
