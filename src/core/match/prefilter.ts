// Bounded work for large inputs. Scoring every finding against every problem
// costs P × F coverage evaluations: a 999-problem key against 10 000 findings
// is ten million, about a minute. Past a budget, each problem is compared only
// with the findings that share its rarest, heaviest features (an inverted
// index over the review), at most a fixed number per problem; the caller says
// so in a diagnostic. Under the budget nothing changes: every pair is scored.
import type { Profile } from './relevance';
import type { FeatureBag } from './weights';

/**
 * Problem × finding pairs scored exhaustively. A corpus review needs ~200
 * (10 problems × 20 findings); 200 000 pairs take ~0.1 s, the most a grading
 * pass may spend before the editor feels it.
 */
export const PAIR_BUDGET = 200_000;
/** Findings compared per problem once the budget is exceeded: a problem is detected by a handful, never by hundreds. */
export const CANDIDATES_PER_PROBLEM = 50;
/** Features of a problem used to look candidates up: its heaviest, i.e. most distinctive, ones. */
const PROBE_FEATURES = 12;
/**
 * A feature found in more than this many findings cannot pick a problem's few
 * candidates (ten times the candidates kept): it is skipped, which also bounds
 * the lookup at problems × probes × this.
 */
const MAX_POSTING = 10 * CANDIDATES_PER_PROBLEM;

/** Candidate finding positions per profile (all positions when within budget), and whether the cap cut in. */
export function candidatesFor(profiles: Profile[], bags: FeatureBag[]): { candidates: number[][] | undefined; capped: boolean } {
  const n = bags.length;
  if (profiles.length * n <= PAIR_BUDGET) return { candidates: undefined, capped: false };
  // inverted index: feature → positions of findings that contain it
  const postings = new Map<string, number[]>();
  bags.forEach((bag, at) => {
    for (const f of bag.keys()) {
      const key = f.startsWith('g:') ? `i:${f.slice(2)}` : f;
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(at);
    }
  });
  const candidates = profiles.map((p) => {
    const probes: [string, number][] = [];
    for (const [f, w] of p.weights) {
      const df = postings.get(f)?.length ?? 0;
      if (df > 0 && df <= MAX_POSTING) probes.push([f, w]);
    }
    probes.sort((a, b) => b[1] - a[1]);
    probes.length = Math.min(probes.length, PROBE_FEATURES);
    const score = new Map<number, number>();
    for (const [f, w] of probes) for (const at of postings.get(f) ?? []) score.set(at, (score.get(at) ?? 0) + w);
    return [...score]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_PER_PROBLEM)
      .map(([at]) => at);
  });
  return { candidates, capped: true };
}
