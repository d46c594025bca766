// From raw coverages to match scores. Raw coverage (relevance.ts) says how
// much of a problem a finding covers; a score says how much that coverage
// stands out in this review. Two corrections, both defined by construction
// on the review itself (no per-corpus fitting):
//  - background: every finding shares some generic words with any problem,
//    so a finding's coverage counts only above the mean coverage of the
//    problem by the review's other findings;
//  - exclusivity: a finding that another planted problem of the key explains
//    better is weaker evidence for this one (reviewers write one finding per
//    issue, and graders map each finding to the problem it is about).

/** Score discount for a finding whose best-covered problem is another one (see bench/accuracy.ts for its LOPO check). */
export const EXCLUSIVITY_PENALTY = 0.1;

export interface ScoredFinding {
  /** position in the coverage row (eligible findings) */
  at: number;
  score: number;
}

/**
 * Scores of every finding for every problem, best first per problem.
 * `coverage[p][i]` is the raw coverage of problem p by eligible finding i.
 */
export function contrastScores(coverage: number[][], penalty = EXCLUSIVITY_PENALTY): ScoredFinding[][] {
  const n = coverage[0]?.length ?? 0;
  // the best raw coverage of each finding over all problems: who explains it best
  const explains = Array.from({ length: n }, (_, i) => Math.max(...coverage.map((row) => row[i])));
  return coverage.map((row) => {
    const background = backgroundOf(row);
    return row
      .map((c, at) => ({ at, score: Math.max(0, c - background - (c < explains[at] ? penalty : 0)) }))
      .sort((a, b) => b.score - a.score || a.at - b.at);
  });
}

/** Mean coverage of all findings but the best one (0 when there is no other finding). */
export function backgroundOf(row: number[]): number {
  if (row.length < 2) return 0;
  const top = Math.max(...row);
  return (row.reduce((a, b) => a + b, 0) - top) / (row.length - 1);
}
