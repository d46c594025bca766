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
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
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

const FIELD: Record<Exclude<FigureKind, 'mean' | 'sd'>, keyof JudgeRun> = {
  detection: 'statedDetection', bonus: 'statedBonus', penalty: 'statedPenalty', total: 'statedTotal',
  bonusCount: 'bonusCount', penaltyCount: 'penaltyCount',
};

function applyFigures(runs: Map<number, JudgeRun>, figures: FigureStatement[], report: JudgeReport): void {
  // "- Bonus: +0.5" repeated under each credited finding is an item, not the run's figure
  const itemised = (f: FigureStatement) => (f.kind === 'bonus' || f.kind === 'penalty') && f.value === 0.5 &&
    figures.filter((g) => g.kind === f.kind && g.run === f.run && g.value === 0.5).length > 1;
  // penalties are kept as positive points whichever sign the judge wrote
  figures = figures.map((f) => (f.kind === 'penalty' || f.kind === 'penaltyCount' ? { ...f, value: Math.abs(f.value) } : f));
  figures = figures.filter((f) => !itemised(f));
  const cappedRuns = new Set(figures.filter((f) => f.capped && f.run !== undefined).map((f) => f.run as number));
  for (const f of figures) {
    if (f.kind === 'mean' || f.kind === 'sd') {
      // the first stated mean/SD is this variant's; later ones tend to quote others
      if (f.kind === 'mean' && report.statedMean === undefined) { report.statedMean = f.value; report.statedMeanLine = f.line; }
      if (f.kind === 'sd' && report.statedSd === undefined) { report.statedSd = f.value; report.statedSdLine = f.line; }
      continue;
    }
    if (f.run === undefined || !runs.has(f.run)) continue;
    const run = runs.get(f.run)!;
    // the first statement is in force (reports open with the summary) unless
    // a later one restates it as a correction
    if (run.lines[f.kind] !== undefined && !f.revision && !f.capped) continue;
    (run as unknown as Record<string, number>)[FIELD[f.kind]] = f.value;
    run.lines[f.kind] = f.line;
  }
  for (const run of runs.values()) {
    // credited bonuses are what the points say (a stated "10 items" may precede a cap)
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
    report.diagnostics.push(...coverage(report, ids));
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
      const line = Math.min(...Object.values(run.verdictLines).flat());
      out.push({ code: 'judge-missing-verdict', severity: 'warning', line: Number.isFinite(line) ? line : 1, message: `Run ${run.run}: no verdict found for ${missing.join(', ')}.` });
    }
    if (run.statedDetection === undefined) {
      out.push({ code: 'judge-no-detection', severity: 'info', line: 1, message: `Run ${run.run}: no stated detection subtotal found.` });
    }
  }
  return out;
}
