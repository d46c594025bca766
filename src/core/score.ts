// The rubric's arithmetic (DESIGN.md): run score, per-variant mean/SD and
// stability, baseline-vs-variant recommendation, convergence. Pure numbers.
import { english, type Translate } from './i18n';
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

/** The classic detection rule in words, for views that state the rule even when it is the classic one. */
export const CLASSIC_DETECTION_RULE = '○ 1, △ 0.5, × 0, summed';

/** A key's own detection subtotal (answerKey/rating.detectionSubtotal), when it states a rule of its own. */
export interface KeyDetection {
  value: number;
  /** the most `value` can be */
  max: number;
  rule: string;
}

/**
 * Score of one run from its verdicts and its bonus/penalty counts. Classic
 * keys sum ○ 1 / △ 0.5 / × 0; a key with its own rule passes its subtotal
 * (`own`), which replaces the sum and is named in `detectionRule`.
 */
export function runScore(
  verdicts: Verdict[],
  bonusCount: number,
  penaltyCount: number,
  rubric: RubricOptions = DEFAULT_RUBRIC,
  own?: KeyDetection,
): RunScore {
  const detection = own ? round(own.value) : verdicts.reduce((sum, v) => sum + CREDIT[v], 0);
  const bonus = Math.min(bonusCount, rubric.bonusCap) * rubric.bonusPoints;
  const penalty = penaltyCount * rubric.penaltyPoints;
  const score: RunScore = {
    detection,
    bonus,
    penalty,
    total: round(detection + bonus - penalty),
    bonusCount,
    penaltyCount,
    detectionMax: own ? own.max : verdicts.length,
    rubric: { ...rubric },
  };
  if (own) score.detectionRule = own.rule;
  return score;
}

/** The key's own rule in words with its ceiling, or undefined for the classic rule (views then say nothing new). */
export function detectionRuleText(s: Pick<RunScore, 'detectionRule' | 'detectionMax'>): string | undefined {
  if (!s.detectionRule) return undefined;
  return `detection by the key's rule: ${s.detectionRule}${s.detectionMax !== undefined ? `; at most ${fmt(s.detectionMax)}` : ''}`;
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

/**
 * The round-level thresholds: DESIGN.md's rubric by default, a project
 * file's `thresholds` where it sets them (effectiveSettings.ts reads them).
 */
export interface RoundRule {
  /** SD ≤ high is high stability, ≤ medium is medium, else low */
  stability: { high: number; medium: number };
  /** gap > clear → the variant; close ≤ gap ≤ clear → the lower SD; below close → the baseline */
  recommendation: { clear: number; close: number };
  /** two rounds in a row improving less than this: may have converged */
  convergence: number;
}
export const DEFAULT_ROUND_RULE: RoundRule = {
  stability: { high: 0.5, medium: 1.0 },
  recommendation: { clear: 1.0, close: 0.5 },
  convergence: 0.5,
};

/** SD ≤ 0.5 high, ≤ 1.0 medium, else low (by default). */
export function stability(sdValue: number, rule: RoundRule = DEFAULT_ROUND_RULE): Stability {
  if (sdValue <= rule.stability.high + 1e-9) return 'high';
  if (sdValue <= rule.stability.medium + 1e-9) return 'medium';
  return 'low';
}

export function summarizeVariant(variant: string, scores: number[], rule: RoundRule = DEFAULT_ROUND_RULE): VariantSummary {
  const s = sd(scores);
  return { variant, scores, mean: round(mean(scores)), sd: round(s), stability: stability(s, rule) };
}

export interface Recommendation {
  /** the variant to keep */
  winner: string;
  /** which rule decided */
  rule: 'higher-mean' | 'lower-sd' | 'keep-baseline';
  /** variant mean − baseline mean, signed (the winner's, or the strongest challenger's when the baseline is kept) */
  gap: number;
  reason: string;
  /** variants recommended against the baseline that share the winner's mean (a tie the reason states) */
  tied?: string[];
}

/**
 * Baseline vs one variant, the rubric's signed gap (DESIGN.md "The
 * recommendation, exactly"): gap = variant − baseline; > 1.0 → the variant;
 * 0.5 ≤ gap ≤ 1.0 → the lower SD, equal SDs → the variant (higher mean);
 * < 0.5, every negative gap included → the baseline. Compared on values
 * rounded to 2 decimals, so 7.6 − 7.1 is exactly 0.5.
 */
export function recommend(
  baseline: VariantSummary,
  variant: VariantSummary,
  rule: RoundRule = DEFAULT_ROUND_RULE,
  t: Translate = english,
): Recommendation {
  const { clear, close } = rule.recommendation;
  const gap = round(variant.mean - baseline.mean);
  const g = t('mean gap {0} ({1} {2} − {3} {4})', signed(gap), variant.variant, fmt(variant.mean), baseline.variant, fmt(baseline.mean));
  if (gap > round(clear)) {
    return { winner: variant.variant, rule: 'higher-mean', gap, reason: t('{0} > {1}: the higher mean wins', g, threshold(clear)) };
  }
  if (gap >= round(close)) {
    const vs = round(variant.sd);
    const bs = round(baseline.sd);
    if (vs === bs) {
      return {
        winner: variant.variant,
        rule: 'lower-sd',
        gap,
        reason: t(
          '{0} is within {1}–{2}, where the lower SD wins; the SDs are equal ({3}), so the higher mean: {4}',
          g,
          threshold(close),
          threshold(clear),
          fmt(vs),
          variant.variant,
        ),
      };
    }
    const winner = vs < bs ? variant : baseline;
    return {
      winner: winner.variant,
      rule: 'lower-sd',
      gap,
      reason: t(
        '{0} is within {1}–{2}: {3} has the lower SD ({4} vs {5})',
        g,
        threshold(close),
        threshold(clear),
        winner.variant,
        fmt(Math.min(vs, bs)),
        fmt(Math.max(vs, bs)),
      ),
    };
  }
  const reason =
    gap < 0
      ? t('{0} < {1}: keep the baseline (a variant below the baseline is never adopted)', g, threshold(close))
      : t('{0} < {1}: keep the baseline', g, threshold(close));
  return { winner: baseline.variant, rule: 'keep-baseline', gap, reason };
}

/**
 * Several variants against the baseline: among those the rule recommends,
 * the highest mean wins. A tie on that mean is stated in the reason and
 * broken by the lower SD; a tie on both is left to a person (the winner is
 * then the first in the given order, and the reason says so).
 */
export function recommendRound(
  baseline: VariantSummary,
  variants: VariantSummary[],
  rule: RoundRule = DEFAULT_ROUND_RULE,
  t: Translate = english,
): Recommendation {
  if (variants.length === 0) return { winner: baseline.variant, rule: 'keep-baseline', gap: 0, reason: t('no variant to compare') };
  const results = variants.map((v) => ({ v, r: recommend(baseline, v, rule, t) }));
  const adopted = results.filter((x) => x.r.winner === x.v.variant);
  if (adopted.length === 0) {
    // None qualifies: explain with the strongest challenger (first of equals in the given order).
    let best = results[0];
    for (const x of results) if (round(x.v.mean) > round(best.v.mean)) best = x;
    if (results.length === 1) return best.r;
    return { ...best.r, reason: t('{0}; none of the {1} variants qualifies (the closest is shown)', best.r.reason, results.length) };
  }
  if (adopted.length === 1) return adopted[0].r;
  let top = round(adopted[0].v.mean);
  for (const x of adopted) top = Math.max(top, round(x.v.mean));
  const tied = adopted.filter((x) => round(x.v.mean) === top);
  const list = adopted.map((x) => `${x.v.variant} ${fmt(x.v.mean)}`).join(', ');
  if (tied.length === 1) {
    return {
      ...tied[0].r,
      reason: t('{0}; of {1} variants the rule adopts ({2}), the highest mean wins', tied[0].r.reason, adopted.length, list),
    };
  }
  let lowSd = tied[0];
  for (const x of tied) if (round(x.v.sd) < round(lowSd.v.sd)) lowSd = x;
  const sameSd = tied.filter((x) => round(x.v.sd) === round(lowSd.v.sd));
  const names = tied.map((x) => x.v.variant).join(t(' and '));
  const tie =
    sameSd.length === 1
      ? t('{0} tie on the highest mean ({1}); {2} has the lower SD ({3})', names, fmt(top), lowSd.v.variant, fmt(lowSd.v.sd))
      : t(
          '{0} tie on the highest mean ({1}) and on SD ({2}): the rubric cannot separate them, choose by hand ({3} is shown)',
          names,
          fmt(top),
          fmt(lowSd.v.sd),
          lowSd.v.variant,
        );
  return { ...lowSd.r, reason: t('{0}; {1}', lowSd.r.reason, tie), tied: tied.map((x) => x.v.variant) };
}

/** One round's improvement: the recommended prompt's mean − that round's baseline mean (0 when the baseline is kept). */
export function improvement(baseline: VariantSummary, rec: Recommendation, variants: VariantSummary[]): number {
  if (rec.winner === baseline.variant) return 0;
  const w = variants.find((v) => v.variant === rec.winner);
  return w ? round(w.mean - baseline.mean) : 0;
}

/**
 * Two rounds in a row with an improvement < 0.5 → "may have converged".
 * Input: each round's improvement, oldest first; undefined for a round with
 * no call (no baseline, or nothing to compare), which breaks the run of two.
 */
export function convergence(
  improvements: (number | undefined)[],
  rule: RoundRule = DEFAULT_ROUND_RULE,
): { converged: boolean; improvements: (number | undefined)[] } {
  const small = (x: number | undefined) => x !== undefined && round(x) < round(rule.convergence);
  const n = improvements.length;
  const converged = n >= 2 && small(improvements[n - 1]) && small(improvements[n - 2]);
  return { converged, improvements: improvements.map((x) => (x === undefined ? undefined : round(x))) };
}

/** Round to 2 decimals to keep 0.1+0.2 artefacts out of reports. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Numbers as a person writes them: 6.5, 7, 0.25. */
export function fmt(x: number): string {
  return String(round(x));
}

/** A threshold as the rubric writes it: 1.0, 0.5, 0.75. */
export function threshold(x: number): string {
  return Number.isInteger(round(x)) ? round(x).toFixed(1) : fmt(x);
}

/** A gap with its sign: +0.75, −0.5, 0. */
export function signed(x: number): string {
  const r = round(x);
  return r > 0 ? `+${fmt(r)}` : r < 0 ? `−${fmt(-r)}` : '0';
}
