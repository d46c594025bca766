// Reads every verdict statement of a judge report: matrix table cells, list
// lines like "- P01: ○ (1.0)", "**P01 (×/△)**", "**Run1**: ○" under a problem
// heading, "判定: ×に修正" under a problem item. Each statement keeps its line
// and whether it is an explicit revision, so later stages can resolve them.
import type { Verdict } from '../model';
import type { LineContext } from './context';
import { CITE_TEXT_LIMIT } from './citations';
import { cellVerdict, marksIn, plain, problemIdsIn, REVISED_SECTION_RE, REVISION_RE, runsIn } from './text';

export interface VerdictStatement {
  id: string;
  run?: number;
  verdict: Verdict;
  line: number;
  revision: boolean;
  /** the text that justifies the verdict (a row's evidence cells, the rest of the line): where the judge names its finding */
  cite?: string;
}

const M = '○◯〇●△▲×✕✗✖';
const RUN_LABEL = /(?:\brun|実行|ラン)\s*[#-]?\s*(\d{1,2})(?!\d)/gi;
const LABEL = /(?:判定|検出判定|評価|結果|judg(?:e)?ment|verdict|detection|status|result|rating)\s*(?:\([^)]*\))?\s*\**\s*[:：]/i;
const SCORE_VERDICT: Record<string, Verdict> = { '1': 'detected', '0.5': 'partial', '0': 'missed' };

/** Verdicts that follow "Run N" labels in a text: "Run 1 ×, Run 2 △", "**Run1**: ○". */
function runPairs(s: string): { run: number; verdict: Verdict }[] {
  const refs = [...s.matchAll(RUN_LABEL)];
  const out: { run: number; verdict: Verdict }[] = [];
  refs.forEach((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = k + 1 < refs.length ? (refs[k + 1].index ?? s.length) : s.length;
    const marks = marksIn(s.slice(start, Math.min(end, start + 24)));
    // one mark close after the label; "○○" would be per-problem, not per-run
    if (marks.length >= 1 && marks[0].index <= 16 && !(marks.length > 1 && marks[1].index === marks[0].index + 1)) {
      out.push({ run: Number(m[1]), verdict: marks[0].verdict });
    }
  });
  return out;
}

/** The new verdict of a revision line: "○ → ×", "×に修正", "Upgrading to ○", "Correction: ×", "corrected to 0.0". */
function revisedVerdict(s: string): Verdict | undefined {
  const arrow = s.split(/→|->|⇒/);
  if (arrow.length > 1) {
    const m = marksIn(arrow[arrow.length - 1])[0];
    if (m) return m.verdict;
  }
  const ja = [...s.matchAll(new RegExp(`([${M}])[^${M}]{0,12}?[にへ](?:修正|訂正|変更|格上げ|格下げ)`, 'g'))];
  if (ja.length) return marksIn(ja[ja.length - 1][1])[0].verdict;
  const kw = [...s.matchAll(/\bto\b|correct(?:ed|ion)|revis\w*|upgrad\w*|downgrad\w*|修正|訂正|再評価/gi)];
  for (let k = kw.length - 1; k >= 0; k--) {
    const after = s.slice((kw[k].index ?? 0) + kw[k][0].length);
    const m = marksIn(after.slice(0, 30))[0];
    if (m) return m.verdict;
    const sc = /^[^0-9]{0,12}?\b(1(?:\.0+)?|0\.5|0(?:\.0+)?)\b/.exec(after);
    if (sc) return SCORE_VERDICT[String(Number(sc[1]))];
  }
  const all = marksIn(s);
  return all.length ? all[all.length - 1].verdict : undefined;
}

// Columns that describe the problem rather than justify the verdict, and columns that justify it.
const TITLE_HEADER =
  /title|description|category|カテゴリ|深刻度|重要度|severity|タイトル|内容|expected|期待|criteria|基準|importance|type|種別/i;
const EVIDENCE_HEADER =
  /note|justification|evidence|reason|rationale|根拠|理由|備考|comment|detail|詳細|説明|finding|location|section|該当|指摘|basis|analysis/i;

/** The cells of a matrix row that justify its verdicts. */
function evidenceCells(header: string[], cells: string[], idCol: number): string {
  const out: string[] = [];
  cells.forEach((cell, j) => {
    if (j === idCol || cellVerdict(cell) || /^[\s\d.+\-−/()]*$/.test(plain(cell))) return;
    const h = plain(header[j] ?? '');
    if (EVIDENCE_HEADER.test(h) || (!TITLE_HEADER.test(h) && plain(cell).length > 15)) out.push(cell);
  });
  return out.join(' | ');
}

function fromTable(ctx: LineContext, lineNo: number, known: (id: string) => boolean): VerdictStatement[] {
  const { header, cells } = ctx.table!;
  const idCol = cells.slice(0, 2).findIndex((c) => /^P-?\d{1,3}(?![0-9A-Za-z])/.test(plain(c)));
  if (idCol < 0) return [];
  const id = problemIdsIn(plain(cells[idCol]))[0]?.id;
  if (!id || !known(id)) return [];
  if (header.some((hc) => /^[○△×]$/.test(plain(hc)))) return []; // a tally of marks, not verdicts
  const revision = REVISED_SECTION_RE.test(ctx.section ?? '');
  const hasRunCols = header.some((hc) => runsIn(hc).length === 1);
  const out: VerdictStatement[] = [];
  let ctxTaken = false;
  cells.forEach((cell, j) => {
    if (j === idCol) return;
    const hdr = header[j] ?? '';
    const runs = runsIn(hdr);
    const v = cellVerdict(cell);
    if (runs.length === 1 && v) out.push({ id, run: runs[0], verdict: v, line: lineNo, revision });
    else if (runs.length === 0 && v && !ctxTaken && !hasRunCols && !/expect|期待|正解|answer/i.test(hdr)) {
      ctxTaken = true;
      if (ctx.run !== undefined) out.push({ id, run: ctx.run, verdict: v, line: lineNo, revision });
    } else if (runs.length === 0 && !v) {
      for (const p of runPairs(cell)) out.push({ id, run: p.run, verdict: p.verdict, line: lineNo, revision });
    }
  });
  // a correction written into the justification cell: "**Upgrading to ○**", "Correction: ×"
  const runsStated = [...new Set(out.map((s) => s.run))];
  const note = cells.filter((c) => !cellVerdict(c)).join(' ');
  if (runsStated.length === 1 && REVISION_RE.test(note)) {
    const v = revisedVerdict(note.slice(note.search(REVISION_RE)));
    if (v) out.push({ id, run: runsStated[0], verdict: v, line: lineNo, revision: true });
  }
  const cite = evidenceCells(header, cells, idCol);
  if (cite) for (const s of out) s.cite = cite;
  return out;
}

function fromLine(line: string, ctx: LineContext, lineNo: number, known: (id: string) => boolean): VerdictStatement[] {
  const text = plain(line);
  const revision = REVISION_RE.test(text);
  const hasMarks = marksIn(text).length > 0;
  if (!hasMarks && !revision) return [];
  const ids = problemIdsIn(text).filter((p) => known(p.id));
  const distinct = [...new Set(ids.map((p) => p.id))];
  const body = text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  const lead = ids.length && ids[0].index - (text.length - body.length) <= 2 ? ids[0] : undefined;
  const mk = (id: string, run: number | undefined, verdict: Verdict, rev = revision): VerdictStatement => ({
    id,
    run,
    verdict,
    line: lineNo,
    revision: rev,
  });
  const lineRuns = runsIn(text);
  const run = lineRuns.length === 1 ? lineRuns[0] : lineRuns.length ? undefined : ctx.run;

  if (revision) {
    // one problem, one run, a new verdict: "Correction for P10 Run2: ×", "判定: **×** に修正"
    const id = distinct.length === 1 ? distinct[0] : distinct.length ? undefined : ctx.problem;
    if (!id || !known(id) || run === undefined) return [];
    const v = revisedVerdict(text);
    return v ? [mk(id, run, v)] : [];
  }
  if (!hasMarks) return [];
  if (lead) {
    if (distinct.length > 1) return []; // a list of several problems
    const rest = text.slice(lead.end);
    const pairs = runPairs(rest);
    if (pairs.length) return pairs.map((p) => mk(lead.id, p.run, p.verdict));
    // "P01: ○ (1.0)", "P01 (Title): △", "P01 (×/△)", "P01: ○○"
    const m = new RegExp(
      `^\\s*(?:[:：]|\\([^)]{0,80}\\)\\s*[:：]?|[^${M}:：]{0,60}[:：])?\\s*\\(?\\s*([${M}])\\s*(?:\\/|／|,|、)?\\s*([${M}])?`,
    ).exec(rest);
    if (!m) return [];
    const first = marksIn(m[1])[0].verdict;
    if (m[2]) return ctx.run !== undefined ? [] : [mk(lead.id, 1, first), mk(lead.id, 2, marksIn(m[2])[0].verdict)];
    return ctx.run !== undefined ? [mk(lead.id, ctx.run, first)] : [];
  }
  if (ids.length || !ctx.problem || !known(ctx.problem)) return [];
  const pairs = runPairs(text);
  if (pairs.length && lineRuns.length === pairs.length) return pairs.map((p) => mk(ctx.problem!, p.run, p.verdict));
  // "- 判定: ○", "**Judgment**: △" under a problem and a run
  const lab = LABEL.exec(text);
  if (lab && ctx.run !== undefined && !lineRuns.length && lab.index <= 4) {
    const v = cellVerdict(
      text
        .slice(lab.index + lab[0].length)
        .trim()
        .slice(0, 12),
    );
    return v ? [mk(ctx.problem, ctx.run, v)] : [];
  }
  return [];
}

export function scanVerdicts(lines: string[], contexts: LineContext[], ids?: Set<string>): VerdictStatement[] {
  const known = (id: string) => !ids || ids.has(id);
  const out: VerdictStatement[] = [];
  lines.forEach((line, i) => {
    const ctx = contexts[i];
    if (ctx.heading) return;
    const found = ctx.table ? fromTable(ctx, i + 1, known) : !line.trim().startsWith('|') ? fromLine(line, ctx, i + 1, known) : [];
    for (const s of found) {
      if (!ctx.table) s.cite = line.slice(0, CITE_TEXT_LIMIT);
      out.push(s);
    }
  });
  return out;
}
