// parseJudgeReport: a judge's scoring report → per-run verdicts and stated
// figures. Verdict statements are resolved per run and problem: an explicit
// revision ("revised", "Correction", "修正") wins, otherwise the first
// statement (the detection matrix comes first) and disagreements are kept as
// conflicts for the auditor. Never throws: unreadable input yields diagnostics.
import type { Diagnostic, Verdict } from '../model';
import { parseRunName } from '../naming';
import { said } from '../i18n';
import { CITE_TEXT_LIMIT, citationsIn, runSegment } from './citations';
import { lineContexts, type LineContext } from './context';
import { scanFigures, type FigureKind, type FigureStatement } from './figures';
import type { JudgeCitation, JudgeReport, JudgeRun } from './model';
import { readCreditedBonusRows } from './bonusRows';
import { scanVerdicts, type VerdictStatement } from './verdicts';

function emptyRun(run: number): JudgeRun {
  return { run, verdicts: {}, verdictLines: {}, conflicting: {}, revised: {}, lines: {}, citations: {} };
}

function resolveVerdicts(runs: Map<number, JudgeRun>, statements: VerdictStatement[], inForce: Map<string, VerdictStatement>): void {
  const byKey = new Map<string, VerdictStatement[]>();
  for (const s of statements) {
    if (s.run === undefined) continue;
    const key = `${s.run}\u0000${s.id}`;
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  for (const list of byKey.values()) {
    const { run: n, id } = list[0];
    const run = runs.get(n as number) ?? emptyRun(n as number);
    runs.set(n as number, run);
    run.verdictLines[id] = list.map((s) => s.line);
    const revisions = list.filter((s) => s.revision);
    if (revisions.length) {
      const last = revisions[revisions.length - 1];
      run.verdicts[id] = last.verdict;
      run.revised[id] = last.line;
      inForce.set(`${n}\u0000${id}`, last);
      continue;
    }
    run.verdicts[id] = list[0].verdict;
    inForce.set(`${n}\u0000${id}`, list[0]);
    const distinct = [...new Set(list.map((s) => s.verdict))] as Verdict[];
    if (distinct.length > 1) run.conflicting[id] = distinct;
  }
}

/**
 * What the report cites for each verdict: the statement in force first (its
 * row's evidence cells or the rest of its line), then the other statements,
 * then the lines of the problem's own section under the run ("- Section:
 * Critical Issue 1.1" above "- Score: ○"). One pass; text is bounded per key.
 */
function readCitations(
  runs: Map<number, JudgeRun>,
  statements: VerdictStatement[],
  inForce: Map<string, VerdictStatement>,
  lines: string[],
  contexts: LineContext[],
): void {
  const texts = new Map<string, { text: string; line: number }[]>();
  const size = new Map<string, number>();
  const add = (key: string, text: string, line: number, first = false) => {
    const used = size.get(key) ?? 0;
    if (used >= CITE_TEXT_LIMIT) return;
    const t = text.slice(0, CITE_TEXT_LIMIT - used);
    size.set(key, used + t.length);
    const list = texts.get(key) ?? [];
    if (first) list.unshift({ text: t, line });
    else list.push({ text: t, line });
    texts.set(key, list);
  };
  for (const s of statements) {
    if (s.run === undefined || !s.cite) continue;
    const key = `${s.run}\u0000${s.id}`;
    add(key, s.cite, s.line, inForce.get(key) === s);
  }
  // Lines of the problem's section under a run, and the lines right below a
  // one-problem verdict line ("**Run1**: ○" then "- Issue #1 identifies …").
  const lineKeys = new Map<number, string[]>();
  for (const s of statements) {
    if (s.run === undefined || contexts[s.line - 1]?.table) continue;
    const keys = lineKeys.get(s.line) ?? [];
    keys.push(`${s.run}\u0000${s.id}`);
    lineKeys.set(s.line, keys);
  }
  let follow: { key: string; left: number } | undefined;
  contexts.forEach((ctx, i) => {
    const line = lines[i];
    const keys = lineKeys.get(i + 1);
    if (keys) {
      follow = keys.length === 1 ? { key: keys[0], left: 8 } : undefined;
      return;
    }
    if (ctx.heading || ctx.table || !line.trim()) {
      follow = undefined;
      return;
    }
    // "**Run1 (C-4):** identifies …" under a problem heading names its run at the start
    const lead = /^[\s*_>-]{0,6}(?:run|実行)\s*[#-]?\s*(\d{1,2})(?!\d)/i.exec(line);
    const run = ctx.run ?? (lead ? Number(lead[1]) : undefined);
    if (ctx.problem && run !== undefined) {
      add(`${run}\u0000${ctx.problem}`, line, i + 1);
      follow = undefined;
      return;
    }
    if (follow && follow.left-- > 0) add(follow.key, line, i + 1);
  });
  for (const [key, list] of texts) {
    const [n, id] = key.split('\u0000');
    const run = runs.get(Number(n));
    if (!run || !(id in run.verdicts)) continue;
    const out: JudgeCitation[] = [];
    for (const { text, line } of list) {
      const part = runSegment(text, run.run);
      if (part) for (const c of citationsIn(part, line)) out.push(c);
    }
    if (out.length) run.citations[id] = out;
  }
}

type RunFigure = Exclude<FigureKind, 'mean' | 'sd'>;

const FIELD: Record<RunFigure, keyof JudgeRun> = {
  detection: 'statedDetection',
  bonus: 'statedBonus',
  penalty: 'statedPenalty',
  total: 'statedTotal',
  bonusCount: 'bonusCount',
  penaltyCount: 'penaltyCount',
};

const EPS = 1e-6;

function applyFigures(runs: Map<number, JudgeRun>, figures: FigureStatement[], report: JudgeReport): void {
  const cappedRuns = new Set<number>();
  const bare = new Map<number, Set<RunFigure>>(); // figures in force that came from a bare whole number
  // Firm statements first, then weak ones for what is still unset. One
  // finding's credit ("- Bonus: +0.5 - identifies …") is never the run's figure.
  for (const pass of [false, true]) {
    for (const f of figures) {
      if (f.item || Boolean(f.weak) !== pass) continue;
      if (f.kind === 'mean' || f.kind === 'sd') {
        // the first stated mean/SD is this variant's; later ones tend to quote others
        if (f.kind === 'mean' && report.statedMean === undefined) {
          report.statedMean = f.value;
          report.statedMeanLine = f.line;
        }
        if (f.kind === 'sd' && report.statedSd === undefined) {
          report.statedSd = f.value;
          report.statedSdLine = f.line;
        }
        continue;
      }
      if (f.run === undefined || !runs.has(f.run)) continue;
      const run = runs.get(f.run)!;
      if (f.capped) cappedRuns.add(f.run);
      // the first statement is in force (reports open with the summary) unless
      // a later one restates it as a correction
      if (run.lines[f.kind] !== undefined && (pass || (!f.revision && !f.capped))) continue;
      // penalties are kept as positive points whichever sign the judge wrote
      const value = f.kind === 'penalty' || f.kind === 'penaltyCount' ? Math.abs(f.value) : f.value;
      (run as unknown as Record<string, number>)[FIELD[f.kind]] = value;
      run.lines[f.kind] = f.line;
      const set = bare.get(f.run) ?? new Set<RunFigure>();
      if (f.bare) set.add(f.kind);
      else set.delete(f.kind);
      bare.set(f.run, set);
    }
  }
  sumItemCredits(runs, figures);
  for (const run of runs.values()) {
    countsForBarePoints(run, bare.get(run.run));
    // Credited bonuses are what the points say (a stated "10 items" may precede a cap).
    // Rule for fractional counts: the count is points ÷ 0.5 and is kept
    // fractional. Judges award partial bonuses (+0.25 for a △ bonus row), so
    // +1.25 is 2.5 bonus-equivalents and +2.75 is 5.5; a stated item count is
    // always a whole number and is only used where the report states no points
    // or says its cap cut them. So a score built from the count reproduces the
    // judge's points, and 5.5 bonuses is over a cap of 5.
    if (run.statedBonus !== undefined && !cappedRuns.has(run.run)) {
      run.bonusCount = run.statedBonus / 0.5;
      run.lines.bonusCount = run.lines.bonus;
    }
    if (run.statedPenalty !== undefined) {
      run.penaltyCount = run.statedPenalty / 0.5;
      run.lines.penaltyCount = run.lines.penalty;
    }
  }
}

/** Where a run states no bonus (penalty) figure of its own, its per-finding credits add up to it. */
function sumItemCredits(runs: Map<number, JudgeRun>, figures: FigureStatement[]): void {
  const sums = new Map<string, { run: JudgeRun; kind: 'bonus' | 'penalty'; value: number; line: number }>();
  for (const f of figures) {
    if (!f.item || (f.kind !== 'bonus' && f.kind !== 'penalty') || f.run === undefined) continue;
    const run = runs.get(f.run);
    if (!run || run.lines[f.kind] !== undefined) continue;
    const key = `${f.run}\u0000${f.kind}`;
    const s = sums.get(key) ?? { run, kind: f.kind, value: 0, line: f.line };
    s.value += Math.abs(f.value);
    sums.set(key, s);
  }
  for (const { run, kind, value, line } of sums.values()) {
    (run as unknown as Record<string, number>)[FIELD[kind]] = value;
    run.lines[kind] = line;
  }
}

/**
 * "Bonus: 3" is points or a count of three. When the run's own detection and
 * total only add up with the bare figures read as counts (0.5 each), read them
 * so; otherwise they stay points (the older reading).
 */
function countsForBarePoints(run: JudgeRun, bare: Set<RunFigure> | undefined): void {
  if (!bare || !(bare.has('bonus') || bare.has('penalty'))) return;
  const { statedDetection: d, statedTotal: t } = run;
  if (d === undefined || t === undefined) return;
  const b = run.statedBonus ?? 0;
  const p = run.statedPenalty ?? 0;
  const b2 = bare.has('bonus') ? b * 0.5 : b;
  const p2 = bare.has('penalty') ? p * 0.5 : p;
  if (Math.abs(d + b - p - t) < EPS || Math.abs(d + b2 - p2 - t) >= EPS) return;
  if (bare.has('bonus')) run.statedBonus = b2;
  if (bare.has('penalty')) run.statedPenalty = p2;
}

export function parseJudgeReport(text: string, path?: string, problemIds?: string[]): JudgeReport {
  const name = path ? parseRunName(path) : undefined;
  const report: JudgeReport = { path, variant: name?.variant, round: name?.round, runs: [], diagnostics: [] };
  try {
    const lines = String(text ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    const ids = problemIds && problemIds.length ? new Set(problemIds) : undefined;
    const contexts = lineContexts(lines, ids);
    const runs = new Map<number, JudgeRun>();
    const statements = scanVerdicts(lines, contexts, ids);
    const inForce = new Map<string, VerdictStatement>();
    resolveVerdicts(runs, statements, inForce);
    readCitations(runs, statements, inForce, lines, contexts);
    applyFigures(runs, scanFigures(lines, contexts), report);
    readCreditedBonusRows(lines, contexts, runs);
    report.runs = [...runs.values()].sort((a, b) => a.run - b.run);
    for (const d of coverage(report, ids)) report.diagnostics.push(d);
  } catch (e) {
    report.diagnostics.push({
      code: 'judge-unreadable',
      severity: 'error',
      line: 1,
      ...said('Could not read the judge report: {0}', e instanceof Error ? e.message : String(e)),
    });
  }
  return report;
}

/** What the reader could not find: no runs, or problems without a verdict in some run. */
function coverage(report: JudgeReport, ids?: Set<string>): Diagnostic[] {
  if (!report.runs.length) {
    return [
      { code: 'judge-no-verdicts', severity: 'warning', line: 1, ...said('No per-run verdicts (○/△/×) found in this judge report.') },
    ];
  }
  const out: Diagnostic[] = [];
  for (const run of report.runs) {
    const missing = ids ? [...ids].filter((id) => !(id in run.verdicts)) : [];
    if (missing.length) {
      const line = firstLine(run);
      out.push({
        code: 'judge-missing-verdict',
        severity: 'warning',
        line,
        ...said('Run {0}: no verdict found for {1}.', run.run, missing.join(', ')),
      });
    }
    if (run.statedDetection === undefined) {
      out.push({ code: 'judge-no-detection', severity: 'info', line: 1, ...said('Run {0}: no stated detection subtotal found.', run.run) });
    }
  }
  return out;
}

/** The first line any verdict of the run was stated on (1 when none); a loop, not a spread: reports can be large. */
export function firstLine(run: JudgeRun): number {
  let min = Infinity;
  for (const lines of Object.values(run.verdictLines ?? {})) for (const l of lines) if (l < min) min = l;
  return Number.isFinite(min) ? min : 1;
}
