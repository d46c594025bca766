// Keys in shapes other than '### P01:': items found wherever they carry an
// id — a heading ('#### PB-04: Title [High]'), a bold lead
// ('**AK-T01-01 (PB-02): Title** [Weight: 1.0]') or a table row with the id
// in its first column. An id heading that holds other items is a scenario
// ('## T01: …'): one file, several keys. Items outside every scenario in such
// a file, or under a 'Problem Bank' heading, are the bank the scenarios draw on.
import type { AnswerKey, BonusRow, Diagnostic, KeyScenario, Problem } from '../model';
import { parseBonusItems, parseBonusTables } from './bonus';
import { parseHeader } from './header';
import { bareCell, matchBoldLead, matchIdHeading, idNumber, takeBracketSeverity, takeWeight, type IdHead } from './ids';
import type { LineIndex } from './lines';
import { parseProblem } from './problems';
import { readIdTable, rowCells, type TableRead } from './rows';
import { detectScoring } from './scoring';
import type { KeyStructure } from './structure';
import { BONUS_HEADING, detectLanguage, isKnownSeverity, matchCriterion, matchHeading, normLabel } from './vocabulary';
import { pushAll } from '../arrays';

export interface KeyFile {
  path?: string;
  /** one key per scenario; a file without scenarios is one section */
  sections: AnswerKey[];
  /** problem-bank entries: a catalogue, not items */
  bank?: Problem[];
  /** messages about the file as a whole (also copied into every section) */
  diagnostics: Diagnostic[];
}

interface Heading {
  line: number;
  depth: number;
  text: string;
  id?: IdHead;
}

interface Candidate {
  line: number;
  /** heading depth; 7 for a bold lead; 8 for a table row */
  depth: number;
  kind: 'heading' | 'bold' | 'row';
  head?: IdHead;
  row?: Problem;
  table?: TableRead;
}

const BANK_HEADING = /problem bank|issue bank|問題バンク|バンク|catalog(?:ue)?|カタログ/i;
// a key says so in its title or name; reviews and scoring reports also hold id'd headings and P01 rows
const KEYISH_TITLE =
  /answer[- ]?key|正解|rubric|ルーブリック|problem bank|問題バンク|planted (?:problems|issues)|埋め込み問題|採点基準|grading key/i;
const KEYISH_PATH = /answer[-_ ]?key|rubric|正解|(?:^|[-_])key(?:s)?(?:[-_.]|$)|problem[-_]?bank/i;
// a line that states ratings ('○ = 2') is not a criterion
const RATING_LINE = /[○◯〇△×✕]\s*(?:[(（][^()（）]{0,20}[)）])?\s*[=＝]/;

/** Read a key in any of the non-classic shapes; undefined when the text holds no id'd items (or is not a key). */
export function parseShapes(ix: LineIndex, structure: KeyStructure, path?: string): KeyFile | undefined {
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
  const bonusRanges: [number, number][] = [];
  headings.forEach((h, i) => {
    if (!h.id && BONUS_HEADING.test(h.text)) bonusRanges.push([h.line, headingEnd(i)]);
  });
  const inRanges = (ranges: [number, number][], no: number) => ranges.some(([a, b]) => no >= a && no < b);

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
  const scenarios: (KeyScenario & { end: number })[] = [];
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
  // scenario index + 1 of every line (0 = outside): lookups stay linear on large rubrics
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
      message: `line ${t.head}: this table lists the scenarios (${listed.join(', ')}); it was read as a summary, and each scenario's items from its own section`,
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
      message: `line ${t.table.head}: every id in this table (${t.problems[0]!.id}…) also heads an item below; the table was read as an overview and the items from their headings`,
    });
  }

  const bankRanges: [number, number][] = [];
  headings.forEach((h, i) => {
    if (!h.id && BANK_HEADING.test(h.text)) bankRanges.push([h.line, headingEnd(i)]);
  });

  // parse every candidate that is not a scenario heading into an item
  const live = cands.filter(
    (c) => !(c.kind === 'heading' && scenarios.some((s) => s.line === c.line)) && !(c.table && dropped.has(c.table)),
  );
  const itemDiags: Diagnostic[] = [];
  const items: Problem[] = live.map((c, i) => {
    if (c.row) return c.row;
    let end = eof;
    const next = live[i + 1];
    if (next) end = next.line;
    for (let k = firstAfter(headings, c.line); k < headings.length && headings[k]!.line < end; k++) {
      if (headings[k]!.depth <= c.depth) {
        end = headings[k]!.line;
        break;
      }
    }
    const s = scenarioOf(c.line);
    if (s && s.end < end) end = s.end;
    const head = c.head!;
    const w = takeWeight(head.title + (head.rest ? ' ' + head.rest : ''));
    const sev = takeBracketSeverity(w.text, isKnownSeverity);
    const p = parseProblem(ix, { line: c.line, depth: c.depth, number: idNumber(head.id), title: sev.title, id: head.id }, end, itemDiags);
    p.shape = c.kind === 'heading' ? 'heading' : 'bold';
    if (head.ref) p.ref = head.ref;
    const weightField = p.fields.find((f) => /^(weight|重み|配点)$/i.test(f.name));
    p.weight =
      w.weight ??
      (weightField && /^\d+(?:\.\d+)?/.test(weightField.value) ? Number(/^\d+(?:\.\d+)?/.exec(weightField.value)![0]) : undefined);
    if (p.weight === undefined) delete p.weight;
    // fields by meaning beyond the classic names: importance is a severity, a section a location
    const synonym = (re: RegExp) => p.fields.find((f) => re.test(normLabel(f.label)) && f.value)?.value;
    p.severity ??= sev.severity ?? synonym(/^(importance|重要性|impact|影響度|level|レベル)$/);
    p.location ??= synonym(/^(section|sections|セクション|章|§)$/);
    p.description ??= synonym(/^(why|why it is a problem|rationale|reason|理由|根拠|問題点)$/);
    p.title ||= synonym(/^(title|タイトル|名前|name)$/) ?? '';
    return p;
  });

  // most items state two or more of ○/△/×: a review's stray '× …' line is not that
  const stated = items.filter(
    (p) => Number(!!p.criteria.detected) + Number(!!p.criteria.partial) + Number(!!p.criteria.missed) >= 2,
  ).length;
  const keyish =
    stated * 2 >= items.length ||
    items.some((p) => p.weight !== undefined) ||
    headings.slice(0, 2).some((h) => h.depth <= 2 && KEYISH_TITLE.test(h.text)) ||
    (!!path && KEYISH_PATH.test(path.replace(/\\/g, '/').split('/').pop() ?? ''));
  if (!keyish) return undefined;

  for (const t of tables) {
    if (dropped.has(t)) continue;
    for (const no of t.skipped) {
      const first = ix.line(no).text.trim().slice(0, 40);
      fileDiags.push({
        code: 'row-without-id',
        severity: 'warning',
        line: no,
        message: `line ${no}: reading of the table stopped at this row: its first cell is not an item id ('${first}'); expected an id such as '${t.problems[0]!.id}' or a total row`,
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
  orphanCriteria(ix, spans, [...bonusRanges], scenarios, items, fileDiags);

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

/**
 * A file that says it is a key (title or name) yet yielded no items: the first
 * ○/△/× criterion line, so the message can say where reading found nothing to attach it to.
 */
export function firstStrayCriterion(ix: LineIndex, structure: KeyStructure, path?: string): number | undefined {
  const titles: string[] = [];
  for (const no of [...structure.headings].sort((a, b) => a - b).slice(0, 2)) {
    const h = matchHeading(ix.line(no).text);
    if (h && h.depth <= 2) titles.push(h.text);
  }
  const named = titles.some((t) => KEYISH_TITLE.test(t)) || (!!path && KEYISH_PATH.test(path.replace(/\\/g, '/').split('/').pop() ?? ''));
  if (!named) return undefined;
  for (const l of ix.lines) {
    if (l.opaque || RATING_LINE.test(l.text.slice(0, 200))) continue;
    const c = matchCriterion(l.text);
    if (c && (c.label || /[:：]/.test(c.marker))) return l.no;
  }
  return undefined;
}

/** The problem-bank entry an item draws on ('(PB-02)'), for a hover. */
export function bankEntryOf(key: AnswerKey, problem: Problem): Problem | undefined {
  return problem.ref ? key.bank?.find((b) => b.id === problem.ref) : undefined;
}

/** Criteria lines outside every item: name the line where reading stopped. */
function orphanCriteria(
  ix: LineIndex,
  spans: [number, number][],
  skip: [number, number][],
  scenarios: { line: number; end: number }[],
  items: Problem[],
  out: Diagnostic[],
): void {
  let reported = -2;
  const covered = new Uint8Array(ix.lines.length + 2);
  for (const [a, b] of spans) covered.fill(1, a, b + 1);
  for (const [a, b] of skip) covered.fill(1, a, b);
  for (const l of ix.lines) {
    if (l.opaque || covered[l.no] || RATING_LINE.test(l.text.slice(0, 200))) continue;
    const c = matchCriterion(l.text);
    if (!c || !(c.label || /[:：]/.test(c.marker))) continue;
    if (l.no === reported + 1) {
      reported = l.no;
      continue;
    }
    reported = l.no;
    const before = items.filter((p) => p.span.end.line < l.no).pop();
    const where = before
      ? `reading stopped after ${before.id} (its item ends on line ${before.span.end.line})`
      : 'no item above it carries an id';
    void scenarios;
    out.push({
      code: 'criteria-outside-item',
      severity: 'warning',
      line: l.no,
      message: `line ${l.no}: ○/△/× criteria outside any item: ${where}; expected an item heading such as '### ID: Title' or a bold lead '**ID: Title**' above them`,
    });
  }
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
