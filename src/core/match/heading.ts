// A finding's heading says what the finding is about; its body says where and
// why. A finding about another aspect of the same component ("Audit log can be
// tampered with" against a key's "audit log misses read access") shares the
// component's words and often quotes the same design text in its body, but its
// heading names its own problem. So a finding's evidence for a problem is read
// in two views: the coverage of the whole finding (relevance.ts) and the
// coverage of its heading alone, which weighs HEADING_SHARE of the evidence.
//
// Measured on the corpus's judge ○ / × pairs among the findings the matcher
// credits (bench/accuracy.ts data): the heading's coverage separates them at
// AUC 0.77 (whole-finding coverage: 0.71); the best single sentence or bullet
// of the body does not (0.60; its share of the whole: 0.47, no signal), and
// blended in the heading's place it leaves held-out kappa where it was
// (0.562–0.569 against 0.570).
import type { Finding } from '../model';
import { coverage, type Profile, type ReviewIndex } from './relevance';
import { textFeatures, type FeatureBag } from './weights';

/**
 * Share of a finding's evidence that its heading carries. Leave-one-
 * perspective-out kappa (bench/accuracy.ts) rises at every share tried:
 * 0.570 → 0.592 / 0.614 / 0.608 / 0.593 at 0.15 / 0.2 / 0.25 / 0.3. At 0.2
 * the folds refit the shipped thresholds (0.40–0.41 / 0.30), the most lenient
 * perspective's held-out bias falls (reliability-design +0.36 → +0.24) and the
 * strictest one's grows least (structural-quality-design −0.58 → −0.64; −0.80
 * at 0.3): its losses are category sections read as findings ("3.1 Component
 * Design Issues"), whose heading names no one problem.
 */
export const HEADING_SHARE = 0.2;

/**
 * How much more a heading's coverage counts than the same coverage by a whole
 * finding: a heading is a title, and a key's own title covers about a third of
 * its problem's profile (measured on the corpus keys: 0.31 for English reviews,
 * 0.32 for Japanese ones), so a heading as good as the key's title counts as
 * full coverage. (Normalising by each problem's own title instead was noisier:
 * held-out kappa 0.577–0.597.)
 */
export const HEADING_SCALE = 3;

/** Feature bags of the findings' headings (the full heading line, label included). */
export function headingBags(findings: readonly Finding[]): FeatureBag[] {
  return findings.map((f) => textFeatures(f.heading));
}

/** A finding's evidence for a problem: whole-finding coverage blended with its heading's (scaled, saturating at 1). */
export function findingCoverage(profile: Profile, bag: FeatureBag, heading: FeatureBag, review: ReviewIndex): number {
  const whole = coverage(profile, bag, review);
  // the heading is part of the finding: when the finding covers nothing, neither does its heading
  const head = whole > 0 && mayEarn(profile, heading, review) ? Math.min(1, HEADING_SCALE * coverage(profile, heading, review)) : 0;
  return (1 - HEADING_SHARE) * whole + HEADING_SHARE * head;
}

const profileFeatures = new WeakMap<Profile, Set<string>>();
const aliasTargets = new WeakMap<ReviewIndex, Set<string>>();

/**
 * Could the heading earn anything of the profile? A heading has a few features
 * and most share none with a given problem: this check is exact (coverage earns
 * only on a profile feature, an identifier's glued spelling or an alias target)
 * and spares the full coverage pass for those.
 */
function mayEarn(profile: Profile, heading: FeatureBag, review: ReviewIndex): boolean {
  let own = profileFeatures.get(profile);
  if (!own) {
    own = new Set(profile.weights.keys());
    for (const g of profile.groups ?? []) for (const item of g.items) for (const f of item.keys()) own.add(f);
    profileFeatures.set(profile, own);
  }
  let targets = aliasTargets.get(review);
  if (!targets) {
    targets = new Set();
    for (const a of review.aliases.values()) for (const t of a.targets) targets.add(t);
    aliasTargets.set(review, targets);
  }
  for (const f of heading.keys()) {
    if (own.has(f) || targets.has(f)) return true;
    if (f.startsWith('g:') && own.has(`i:${f.slice(2)}`)) return true;
  }
  return false;
}
