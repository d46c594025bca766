// A finding's heading says what the finding is about; its body says where and
// why. A finding about another aspect of the same component ("Audit log can be
// tampered with" against a key's "Audit log misses read access") shares the
// component's words and often quotes the same design text in its body, but its
// heading names its own problem. The key's title is the problem's own heading.
// So a finding's evidence for a problem is read in two views: the coverage of
// the whole finding (relevance.ts), and how much of the key's title its heading
// names, which weighs HEADING_SHARE of the evidence. Both views are shares in
// 0..1, so the blend keeps the scale the verdict thresholds are set on.
//
// Measured on the corpus's judge ○ / × pairs among the findings the matcher
// credits: the heading's coverage of the problem (its whole profile) separates them at AUC 0.77
// (whole-finding coverage: 0.71); the best single sentence or bullet of the
// body does not (0.60; its share of the whole: 0.47, no signal), and blended in
// the heading's place it leaves held-out kappa where it was (0.562–0.569
// against 0.570).
import { coverage, type Profile, type ReviewIndex } from './relevance';
import { contains, textFeatures, travels, type FeatureBag } from './weights';

/**
 * Share of a finding's evidence that its heading carries.
 * Leave-one-perspective-out (bench/accuracy.ts), kappa / MAE: 0.570 / 0.847
 * without; 0.621 / 0.782, 0.614 / 0.771, 0.594 / 0.794 at 0.2 / 0.25 / 0.3.
 * At 0.25 the folds refit the shipped thresholds (0.38 / 0.28–0.30), the
 * strictest perspective (structural-quality-design) gets less strict
 * (held-out bias −0.58 → −0.51) and the most lenient one (reliability-design)
 * less lenient (+0.36 → +0.25); security-design-reviewer, nearly unbiased,
 * moves +0.02 → −0.09; at 0.2 security-design tips to −0.32. (Held-out kappa
 * moves by ±0.02 on 3-decimal rounding of scores alone: the folds' threshold
 * grid is coarse; the shipped thresholds' pooled kappa, 0.565 → 0.619, needs no fit.)
 * (Scoring the heading against the problem's whole profile instead of its
 * title needs a scale of its own, a heading being short, and graded the
 * strictest perspective harder: −0.64.)
 */
export const HEADING_SHARE = 0.25;

const titles = new WeakMap<Profile, Map<string, number>>();

/** The key title's features as the problem's profile weighs them (cached per profile). */
export function titleWeights(profile: Profile, title: string): Map<string, number> {
  let t = titles.get(profile);
  if (!t) {
    t = new Map();
    for (const f of textFeatures(title).keys()) {
      const w = profile.weights.get(f) ?? 0;
      if (w > 0) t.set(f, w);
    }
    titles.set(profile, t);
  }
  return t;
}

/**
 * Bonus rows have no title (their text is a sentence, not a heading): they keep
 * the whole-finding coverage. Reading a bonus row's text as its title was
 * tried: bonus matches fell from 964 to 769 against the judge's 888 and the
 * per-run error of the bonus count grew (sum 245 → 302; it was 267 before the
 * heading was read at all).
 *
 * A finding's evidence for a problem: its whole-finding coverage blended with
 * the weighted share of the key's title its heading names. Without a title
 * (bonus rows), or when none of the title's features can appear in this
 * review's language, the heading has no say and the coverage stands.
 */
export function findingCoverage(
  profile: Profile,
  bag: FeatureBag,
  heading: FeatureBag,
  review: ReviewIndex,
  title?: Map<string, number>,
): number {
  const whole = coverage(profile, bag, review);
  if (!title || whole === 0) return whole;
  let total = 0;
  let named = 0;
  for (const [f, w] of title) {
    if (!travels(f, review.japanese)) continue;
    total += w;
    if (contains(heading, f)) named += w;
    else {
      // a name the heading spells differently (fuzzy.ts), as coverage reads it
      const alias = review.aliases.get(f);
      if (alias && alias.targets.some((t) => heading.has(t))) named += w * alias.similarity;
    }
  }
  return total > 0 ? (1 - HEADING_SHARE) * whole + HEADING_SHARE * (named / total) : whole;
}
