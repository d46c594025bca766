// Shapes of an imported LLM judge's scoring report. A report is read as the
// judge's *claims*: verdicts per run and the figures it states, each with the
// line it was stated on, so the auditor can check the report against itself.
import type { Diagnostic, Verdict } from '../model';

/** A finding the judge's report names as the basis of one verdict. */
export interface JudgeCitation {
  /** a finding label as written: 'C-3', 'S5', '1.1', '2-3', '3' (from "Issue #3") */
  label?: string;
  /** a severity group named with a bare number: "Critical Issue #2" → 'critical' */
  group?: string;
  /** a quoted title or text: "No circuit breaker for …", 「…」 */
  quote?: string;
  /** line of the report it was read on */
  line: number;
}

/** Line numbers (1-based) where each stated figure was read. */
export interface JudgeFigureLines {
  detection?: number;
  bonus?: number;
  penalty?: number;
  total?: number;
  bonusCount?: number;
  penaltyCount?: number;
}

export interface JudgeRun {
  run: number;
  /** problem id 'P01' → verdict in force (a later "revised"/"corrected"/"修正" verdict wins) */
  verdicts: Record<string, Verdict>;
  /** every line where a verdict for that id was stated for this run */
  verdictLines: Record<string, number[]>;
  /** ids given two different verdicts without an explicit revision */
  conflicting: Record<string, Verdict[]>;
  /** ids whose verdict was explicitly revised, with the revising line */
  revised: Record<string, number>;
  statedDetection?: number;
  /** bonus points as stated (+0.5 each) */
  statedBonus?: number;
  /** penalty points as stated, a positive number */
  statedPenalty?: number;
  statedTotal?: number;
  /** bonuses credited: the stated count, else stated points / 0.5 */
  bonusCount?: number;
  penaltyCount?: number;
  /** bonus-table ids (B01..) credited, where the report names them */
  bonusIds?: string[];
  /**
   * problem id → the findings the report cites for this run's verdict, in
   * the order written (the verdict's own row or line first, then the lines of
   * its section). Labels and quotes only: resolving them against a review's
   * findings happens at grading (`resolveCitations`).
   */
  citations: Record<string, JudgeCitation[]>;
  lines: JudgeFigureLines;
}

export interface JudgeReport {
  path?: string;
  variant?: string;
  round?: number;
  runs: JudgeRun[];
  statedMean?: number;
  statedSd?: number;
  statedMeanLine?: number;
  statedSdLine?: number;
  /** what could not be read, with line */
  diagnostics: Diagnostic[];
}
