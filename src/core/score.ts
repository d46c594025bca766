// The rubric's arithmetic (DESIGN.md): run score, per-variant mean/SD and
// stability, baseline-vs-variant recommendation, convergence. Pure numbers.
import { CREDIT, type RunScore, type Verdict } from './model';

export interface RubricOptions {
  /** points per bonus finding */
  bonusPoints: number;
  /** at most this many bonus findings count */
  bonusCap: number;
  /** points per penalty finding (no cap) */
  penaltyPoints: number;
}

export const DEFAULT_RUBRIC: RubricOptions = { bonusPoints: 0.5, bonusCap: 5, penaltyPoints: 0.5 };

/** Score of one run from its verdicts and its bonus/penalty counts. */
export function runScore(verdicts: Verdict[], bonusCount: number, penaltyCount: number, rubric: RubricOptions = DEFAULT_RUBRIC): RunScore {
  const detection = verdicts.reduce((sum, v) => sum + CREDIT[v], 0);
  const bonus = Math.min(bonusCount, rubric.bonusCap) * rubric.bonusPoints;
  const penalty = penaltyCount * rubric.penaltyPoints;
  return { detection, bonus, penalty, total: round(detection + bonus - penalty), bonusCount, penaltyCount };
}

export type Stability = 'high' | 'medium' | 'low';

export interface VariantSummary {
  variant: string;
  scores: number[];
  mean: number;
  /** population SD: with two runs, half their gap (the convention most judge reports follow) */
  sd: number;
  stability: Stability;
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Population standard deviation. */
export function sd(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
}

/** SD ≤ 0.5 high, ≤ 1.0 medium, else low. */
export function stability(sdValue: number): Stability {
  if (sdValue <= 0.5 + 1e-9) return 'high';
  if (sdValue <= 1.0 + 1e-9) return 'medium';
  return 'low';
}

export function summarizeVariant(variant: string, scores: number[]): VariantSummary {
  const s = sd(scores);
  return { variant, scores, mean: round(mean(scores)), sd: round(s), stability: stability(s) };
}

export interface Recommendation {
  /** the variant to keep */
  winner: string;
  /** which rule decided */
  rule: 'higher-mean' | 'lower-sd' | 'keep-baseline';
  gap: number;
  reason: string;
}

/**
 * Baseline vs variant: mean gap > 1.0 → higher mean wins; 0.5–1.0 → lower SD
 * wins (ties keep the baseline); < 0.5 → keep the baseline.
 */
export function recommend(baseline: VariantSummary, variant: VariantSummary): Recommendation {
  const gap = round(Math.abs(variant.mean - baseline.mean));
  if (gap > 1.0) {
    const winner = variant.mean > baseline.mean ? variant : baseline;
    return { winner: winner.variant, rule: 'higher-mean', gap, reason: `mean gap ${fmt(gap)} > 1.0: ${winner.variant} has the higher mean (${fmt(winner.mean)})` };
  }
  if (gap >= 0.5) {
    const winner = variant.sd < baseline.sd ? variant : baseline;
    return { winner: winner.variant, rule: 'lower-sd', gap, reason: `mean gap ${fmt(gap)} is 0.5–1.0: ${winner.variant} has the lower SD (${fmt(winner.sd)})` };
  }
  return { winner: baseline.variant, rule: 'keep-baseline', gap, reason: `mean gap ${fmt(gap)} < 0.5: keep the baseline` };
}

/** Best of several variants against the baseline: among variants that beat it, the highest mean. */
export function recommendRound(baseline: VariantSummary, variants: VariantSummary[]): Recommendation {
  const results = variants.map((v) => ({ v, r: recommend(baseline, v) })).sort((a, b) => b.v.mean - a.v.mean);
  const winner = results.find((x) => x.r.winner === x.v.variant);
  if (winner) return winner.r;
  // none beats the baseline: explain with the strongest challenger
  return results[0]?.r ?? { winner: baseline.variant, rule: 'keep-baseline', gap: 0, reason: 'no variant to compare' };
}

/**
 * Two rounds in a row improving by < 0.5 → "may have converged". Input: the
 * best mean of each round, oldest first.
 */
export function convergence(bestMeans: number[]): { converged: boolean; improvements: number[] } {
  const improvements = bestMeans.slice(1).map((m, i) => round(m - bestMeans[i]));
  const n = improvements.length;
  const converged = n >= 2 && improvements[n - 1] < 0.5 && improvements[n - 2] < 0.5;
  return { converged, improvements };
}

/** Round to 2 decimals to keep 0.1+0.2 artefacts out of reports. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Numbers as a person writes them: 6.5, 7, 0.25. */
export function fmt(x: number): string {
  return String(round(x));
}
