// Which run of a judge's report speaks for a review run.
import type { JudgeReport, JudgeRun } from './model';

/** The judge's run with this number; a one-run report applies to whichever run it sits beside. */
export function judgeRunOf(report: JudgeReport | undefined, run: number | undefined): JudgeRun | undefined {
  return report?.runs.find((r) => r.run === run) ?? (report?.runs.length === 1 ? report.runs[0] : undefined);
}
