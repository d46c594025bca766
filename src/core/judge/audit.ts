// auditJudgeReport: checks a judge report against itself. Every diagnostic
// names the line and says what the report states vs. what its own verdicts
// and figures compute to. One small rule per check, stable codes.
import { fmt } from '../score';
import { CREDIT, MARK, type Diagnostic, type Verdict } from '../model';
import { firstLine } from './import';
import type { JudgeReport, JudgeRun } from './model';
import { DEFAULT_RUBRIC } from '../score';
import { said, type SaidText } from '../i18n';

export interface AuditOptions {
  /** most bonuses creditable per run (rubric: 5 × +0.5) */
  bonusCap?: number;
}

const EPS = 1e-6;

function tally(run: JudgeRun): { sum: number; text: string } {
  const counts: Record<Verdict, number> = { detected: 0, partial: 0, missed: 0 };
  for (const v of Object.values(run.verdicts)) counts[v]++;
  const sum = Object.values(run.verdicts).reduce((a, v) => a + CREDIT[v], 0);
  const text = (Object.keys(counts) as Verdict[]).map((v) => `${MARK[v]}${counts[v]}`).join(' ');
  return { sum, text };
}

function subtotal(run: JudgeRun): Diagnostic[] {
  if (run.statedDetection === undefined || !Object.keys(run.verdicts).length) return [];
  const { sum, text } = tally(run);
  if (Math.abs(sum - run.statedDetection) < EPS) return [];
  return [
    {
      code: 'stated-subtotal-mismatch',
      severity: 'warning',
      line: run.lines.detection ?? firstLine(run),
      ...said(
        'Run {0}: the report states detection {1}, but its own verdicts ({2}) sum to {3}.',
        run.run,
        fmt(run.statedDetection),
        text,
        fmt(sum),
      ),
    },
  ];
}

function bonusCap(run: JudgeRun, cap: number): Diagnostic[] {
  if (run.bonusCount === undefined || run.bonusCount <= cap + EPS) return [];
  const message =
    run.statedBonus !== undefined
      ? said(
          'Run {0}: the report credits {1} bonuses (+{2}); the rubric allows at most {3} (+{4}).',
          run.run,
          fmt(run.bonusCount),
          fmt(run.statedBonus),
          cap,
          fmt(cap * 0.5),
        )
      : said(
          'Run {0}: the report credits {1} bonuses; the rubric allows at most {2} (+{3}).',
          run.run,
          fmt(run.bonusCount),
          cap,
          fmt(cap * 0.5),
        );
  return [
    {
      code: 'bonus-cap-exceeded',
      severity: 'warning',
      line: run.lines.bonusCount ?? run.lines.bonus ?? 1,
      ...message,
    },
  ];
}

function total(run: JudgeRun): Diagnostic[] {
  const { statedDetection: d, statedBonus: b, statedPenalty: p, statedTotal: t } = run;
  if (d === undefined || b === undefined || p === undefined || t === undefined) return [];
  // a cap the report applies (bonusCount) limits the bonus that enters the total
  const credited = run.bonusCount !== undefined ? Math.min(b, run.bonusCount * 0.5) : b;
  const computed = d + credited - p;
  if (Math.abs(computed - t) < EPS) return [];
  return [
    {
      code: 'total-mismatch',
      severity: 'warning',
      line: run.lines.total ?? 1,
      ...said(
        'Run {0}: the report states total {1}, but its own figures give {2} + {3} − {4} = {5}.',
        run.run,
        fmt(t),
        fmt(d),
        fmt(credited),
        fmt(p),
        fmt(computed),
      ),
    },
  ];
}

function conflicts(run: JudgeRun): Diagnostic[] {
  return Object.entries(run.conflicting).map(([id, verdicts]) => {
    const lines = run.verdictLines[id] ?? [];
    return {
      code: 'conflicting-verdict',
      severity: 'warning' as const,
      line: lines[1] ?? lines[0] ?? 1,
      ...said(
        'Run {0}: {1} is given {2} (lines {3}) with no stated revision; the first ({4}) is used.',
        run.run,
        id,
        marksAnd(verdicts),
        lines.join(', '),
        MARK[run.verdicts[id]],
      ),
    };
  });
}

/** '○ and △ and ×', each 'and' said so it can be translated. */
function marksAnd(verdicts: Verdict[]): SaidText | string {
  let out: SaidText | string = verdicts.length ? MARK[verdicts[0]] : '';
  for (let i = 1; i < verdicts.length; i++) out = said('{0} and {1}', out, MARK[verdicts[i]]);
  return out;
}

/** Stated mean/SD vs. the stated run totals (population SD, as the rubric uses). */
function statistics(report: JudgeReport): Diagnostic[] {
  const totals = report.runs.map((r) => r.statedTotal);
  if (totals.length < 2 || totals.some((t) => t === undefined)) return [];
  const xs = totals as number[];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
  const sample = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  const out: Diagnostic[] = [];
  // judges round to two decimals; allow that much
  if (report.statedMean !== undefined && Math.abs(report.statedMean - mean) > 0.0051) {
    out.push({
      code: 'mean-mismatch',
      severity: 'warning',
      line: report.statedMeanLine ?? 1,
      ...said(
        'The report states mean {0}, but its run totals ({1}) average {2}.',
        fmt(report.statedMean),
        xs.map(fmt).join(', '),
        fmt(mean),
      ),
    });
  }
  if (report.statedSd !== undefined && Math.abs(report.statedSd - sd) > 0.0051 && Math.abs(report.statedSd - sample) > 0.0051) {
    out.push({
      code: 'sd-mismatch',
      severity: 'warning',
      line: report.statedSdLine ?? 1,
      ...said('The report states SD {0}, but its run totals ({1}) give SD {2}.', fmt(report.statedSd), xs.map(fmt).join(', '), fmt(sd)),
    });
  }
  return out;
}

export function auditJudgeReport(report: JudgeReport, opts: AuditOptions = {}): Diagnostic[] {
  const cap = opts.bonusCap ?? DEFAULT_RUBRIC.bonusCap;
  const out: Diagnostic[] = [];
  try {
    for (const run of report.runs ?? []) {
      for (const rule of [subtotal(run), bonusCap(run, cap), total(run), conflicts(run)]) for (const d of rule) out.push(d);
    }
    for (const d of statistics(report)) out.push(d);
  } catch {
    // a hand-built or partial report must not crash the editor; report what we have
  }
  return out.sort((a, b) => a.line - b.line);
}
