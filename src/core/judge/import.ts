// parseJudgeReport: a judge's scoring report → per-run verdicts and stated
// figures. Verdict statements are resolved per run and problem: an explicit
// revision ("revised", "Correction", "修正") wins, otherwise the first
// statement (the detection matrix comes first) and disagreements are kept as
// conflicts for the auditor. Never throws: unreadable input yields diagnostics.
import type { Diagnostic, Verdict } from '../model';
import { parseRunName } from '../naming';
import { lineContexts } from './context';
import { scanFigures, type FigureKind, type FigureStatement } from './figures';
import type { JudgeReport, JudgeRun } from './model';
import { scanVerdicts, type VerdictStatement } from './verdicts';

function emptyRun(run: number): JudgeRun {
  return { run, verdicts: {}, verdictLines: {}, conflicting: {}, revised: {}, lines: {} };
}

function resolveVerdicts(runs: Map<number, JudgeRun>, statements: VerdictStatement[]): void {
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
      continue;
    }
    run.verdicts[id] = list[0].verdict;
    const distinct = [...new Set(list.map((s) => s.verdict))] as Verdict[];
    if (distinct.length > 1) run.conflicting[id] = distinct;
  }
}

type RunFigure = Exclude<FigureKind, 'mean' | 'sd'>;

const FIELD: Record<RunFigure, keyof JudgeRun> = {
  detection: 'statedDetection', bonus: 'statedBonus', penalty: 'statedPenalty', total: 'statedTotal',
  bonusCount: 'bonusCount', penaltyCount: 'penaltyCount',
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
        if (f.kind === 'mean' && report.statedMean === undefined) { report.statedMean = f.value; report.statedMeanLine = f.line; }
        if (f.kind === 'sd' && report.statedSd === undefined) { report.statedSd = f.value; report.statedSdLine = f.line; }
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
      if (f.bare) set.add(f.kind); else set.delete(f.kind);
      bare.set(f.run, set);
    }
  }
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
    const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
    const ids = problemIds && problemIds.length ? new Set(problemIds) : undefined;
    const contexts = lineContexts(lines, ids);
    const runs = new Map<number, JudgeRun>();
    resolveVerdicts(runs, scanVerdicts(lines, contexts, ids));
    applyFigures(runs, scanFigures(lines, contexts), report);
    report.runs = [...runs.values()].sort((a, b) => a.run - b.run);
    for (const d of coverage(report, ids)) report.diagnostics.push(d);
  } catch (e) {
    report.diagnostics.push({ code: 'judge-unreadable', severity: 'error', line: 1, message: `Could not read the judge report: ${e instanceof Error ? e.message : String(e)}` });
  }
  return report;
}

/** What the reader could not find: no runs, or problems without a verdict in some run. */
function coverage(report: JudgeReport, ids?: Set<string>): Diagnostic[] {
  if (!report.runs.length) {
    return [{ code: 'judge-no-verdicts', severity: 'warning', line: 1, message: 'No per-run verdicts (○/△/×) found in this judge report.' }];
  }
  const out: Diagnostic[] = [];
  for (const run of report.runs) {
    const missing = ids ? [...ids].filter((id) => !(id in run.verdicts)) : [];
    if (missing.length) {
      const line = firstLine(run);
      out.push({ code: 'judge-missing-verdict', severity: 'warning', line, message: `Run ${run.run}: no verdict found for ${missing.join(', ')}.` });
    }
    if (run.statedDetection === undefined) {
      out.push({ code: 'judge-no-detection', severity: 'info', line: 1, message: `Run ${run.run}: no stated detection subtotal found.` });
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
