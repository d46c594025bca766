// Keys in shapes other than '### P01:': items found wherever they carry an
// id — a heading ('#### PB-04: Title [High]'), a bold lead
// ('**AK-T01-01 (PB-02): Title** [Weight: 1.0]') or a table row with the id
// in its first column. An id heading that holds other items is a scenario
// ('## T01: …'): one file, several keys. Items outside every scenario in such
// a file, or under a 'Problem Bank' heading, are the bank the scenarios draw on.
// Finding the items is shapeLayout.ts, reading each one shapeItems.ts; here
// they are assembled into sections.
import type { AnswerKey, BonusRow, Diagnostic, KeyScenario, Problem } from '../model';
import { said } from '../i18n';
import { parseBonusItems, parseBonusTables } from './bonus';
import { parseHeader } from './header';
import type { LineIndex } from './lines';
import type { TableRead } from './rows';
import { detectScoring } from './scoring';
import { findLayout, inRanges, itemEnd, liveCandidates } from './shapeLayout';
import { looksLikeKey, orphanCriteria, readItem } from './shapeItems';
import type { KeyStructure } from './structure';
import { detectLanguage } from './vocabulary';
import { pushAll } from '../arrays';

export { firstStrayCriterion } from './shapeItems';

export interface KeyFile {
  path?: string;
  /** one key per scenario; a file without scenarios is one section */
  sections: AnswerKey[];
  /** problem-bank entries: a catalogue, not items */
  bank?: Problem[];
  /** messages about the file as a whole (also copied into every section) */
  diagnostics: Diagnostic[];
}

/** Read a key in any of the non-classic shapes; undefined when the text holds no id'd items (or is not a key). */
export function parseShapes(ix: LineIndex, structure: KeyStructure, path?: string): KeyFile | undefined {
  const layout = findLayout(ix, structure);
  if (!layout) return undefined;
  const { eof, headings, bonusRanges, bankRanges, tables, dropped, scenarios, scenarioAt, scenarioOf, fileDiags } = layout;

  // parse every candidate that is not a scenario heading into an item
  const live = liveCandidates(layout);
  const itemDiags: Diagnostic[] = [];
  const items: Problem[] = live.map((c, i) => c.row ?? readItem(ix, c, itemEnd(layout, live, i), itemDiags));
  if (!looksLikeKey(items, headings, path)) return undefined;

  for (const t of tables) {
    if (dropped.has(t)) continue;
    for (const no of t.skipped) {
      const first = ix.line(no).text.trim().slice(0, 40);
      fileDiags.push({
        code: 'row-without-id',
        severity: 'warning',
        line: no,
        ...said(
          "line {0}: reading of the table stopped at this row: its first cell is not an item id ('{1}'); expected an id such as '{2}' or a total row",
          no,
          first,
          t.problems[0]!.id,
        ),
      });
    }
  }

  for (const p of items) p.criteriaSource = p.criteria.detected || p.criteria.partial || p.criteria.missed ? 'key' : 'generic';
  // parse-time 'no criteria' messages are for classic keys; here lint decides (a generic key is fine)
  const kept = itemDiags.filter((d) => d.code !== 'no-criteria');

  const spans = items.map((p) => [p.span.start.line, p.span.end.line] as [number, number]);
  // the item each line belongs to, for sorting parse messages into sections
  const owner = new Int32Array(eof + 1);
  items.forEach((p, i) => owner.fill(i + 1, p.span.start.line, Math.min(eof, p.span.end.line) + 1));
  const itemAt = (no: number) => (no >= 0 && no <= eof && owner[no] ? items[owner[no]! - 1] : undefined);
  orphanCriteria(ix, spans, [...bonusRanges], items, fileDiags);

  // bonus rows: bonus sections, plus B01 tables anywhere else
  const bonus: BonusRow[] = [];
  for (const [a, b] of bonusRanges) pushAll(bonus, parseBonusTables(ix, structure.tables, a + 1, b, false), parseBonusItems(ix, a + 1, b));
  for (const t of structure.tables) {
    if (inRanges(bonusRanges, t.head) || tables.some((r) => r.table === t)) continue;
    pushAll(bonus, parseBonusTables(ix, [t], t.head, (t.rows[t.rows.length - 1] ?? t.head) + 1, true));
  }
  bonus.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const firstItem = live[0]?.line ?? eof;
  const firstBlock = Math.min(firstItem, scenarios[0]?.line ?? eof);
  const headerLines: number[] = [];
  for (let no = 1; no < firstBlock; no++) if (!inRanges(bonusRanges, no)) headerLines.push(no);
  const header = parseHeader(ix, headerLines, path);
  const language = detectLanguage(ix.text);
  const groupOf = (p: Problem, from: number): string | undefined => {
    let g: string | undefined;
    for (const h of headings) if (h.line >= from && h.line < p.span.start.line && !h.id) g = h.text;
    return g;
  };

  const section = (ps: Problem[], from: number, to: number, scenario?: KeyScenario): AnswerKey => {
    // group headings mean something only where rows sit under different ones ('### Surface (S)', '### Deep (D)')
    const groups = ps.map((p) => (p.shape === 'row' ? groupOf(p, from) : undefined));
    const distinct = new Set(groups.filter((g) => g !== undefined));
    ps.forEach((p, i) => {
      if (distinct.size > 1 && groups[i]) p.group = groups[i];
      if (scenario) p.scenario = scenario.id;
    });
    const rows = ps.filter((p) => p.shape === 'row');
    const own = tables.filter((t) => !dropped.has(t) && t.table.head >= from && t.table.head < to);
    const headerRatings = Object.assign({}, ...own.map((t) => t.ratings)) as TableRead['ratings'];
    const stated = own.find((t) => t.statedWeight !== undefined);
    // a scenario reads its own rule lines first, then the file's preamble above the first scenario
    const ranges: [number, number][] = scenario
      ? [
          [from, to],
          [1, firstBlock],
        ]
      : [[1, eof]];
    const scoring = detectScoring({
      ix,
      problems: ps,
      headerRatings,
      statedWeight: stated?.statedWeight,
      statedWeightLine: stated?.statedWeightLine,
      ranges,
    });
    const mine = new Set(ps);
    const diags = [
      ...kept.filter((d) => {
        const p = itemAt(d.line);
        return p !== undefined && mine.has(p);
      }),
      ...fileDiags,
    ].sort((a, b) => a.line - b.line);
    const key: AnswerKey = {
      path,
      language,
      round: header.round,
      perspective: header.perspective,
      statedCount: scenario ? undefined : header.statedCount,
      statedCountLine: scenario ? undefined : header.statedCountLine,
      problems: ps,
      bonus,
      diagnostics: diags,
      shape: scenarios.length ? 'scenario' : rows.length === ps.length ? 'table' : 'items',
    };
    if (ps.length && ps.every((p) => p.criteriaSource === 'generic')) key.genericCriteria = true;
    if (scenario) key.scenario = scenario;
    if (scoring) key.scoring = scoring;
    return key;
  };

  let sections: AnswerKey[];
  let bank: Problem[] | undefined;
  if (scenarios.length) {
    const plain = scenarios.map(({ id, title, line }) => ({ id, title, line }));
    const per = scenarios.map(() => [] as Problem[]);
    for (const p of items) {
      const k = scenarioAt[p.span.start.line] ?? 0;
      if (k) per[k - 1]!.push(p);
    }
    sections = scenarios.map((s, i) => section(per[i]!, s.line, s.end, plain[i]));
    bank = items.filter((p) => !scenarioOf(p.span.start.line));
    for (const k of sections) {
      k.scenarios = plain;
      k.bank = bank;
    }
  } else {
    const inBank = (p: Problem) => inRanges(bankRanges, p.span.start.line);
    // a bank heading beside other items is a catalogue; a file that is only a bank is a key of bank items
    const others = items.filter((p) => !inBank(p));
    if (bankRanges.length && others.length) {
      bank = items.filter(inBank);
      sections = [section(others, 1, eof)];
      sections[0]!.bank = bank;
    } else sections = [section(items, 1, eof)];
  }
  return { path, sections, bank, diagnostics: fileDiags };
}

/** The problem-bank entry an item draws on ('(PB-02)'), for a hover. */
export function bankEntryOf(key: AnswerKey, problem: Problem): Problem | undefined {
  return problem.ref ? key.bank?.find((b) => b.id === problem.ref) : undefined;
}
