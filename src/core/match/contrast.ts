// From raw coverages to match scores. Raw coverage (relevance.ts) says how
// much of a problem a finding covers; a score says how much that coverage
// stands out in this review. Two corrections, both defined by construction
// on the review itself (no per-corpus fitting):
//  - background: every finding shares some generic words with any problem,
//    so a finding's coverage counts only above the mean coverage of the
//    problem by the review's other findings;
//  - exclusivity: a finding that another planted problem of the key explains
//    better is weaker evidence for this one (reviewers write one finding per
//    issue, and graders map each finding to the problem it is about). The
//    discount is soft: it grows with the margin by which the other problem
//    explains the finding better, up to EXCLUSIVITY_PENALTY, so a finding
//    that covers two sibling problems about equally credits both.
// Rows are sparse (findings a problem was not compared with have coverage 0),
// so a large key against a large review costs what was compared, not P × F.

/** Largest score discount for a finding whose best-covered problem is another one (see bench/accuracy.ts for its LOPO check). */
export const EXCLUSIVITY_PENALTY = 0.1;

/**
 * Virtual findings of coverage 0 added to the background mean: the mean of a
 * review's other findings is a poor estimate when there are only one or two
 * (a short review's other finding may well touch the problem too, and the
 * whole of it was subtracted). One unrelated finding as a prior shrinks that
 * estimate for short reviews and leaves a 20-finding review almost as it was
 * (×19/20). Checked leave-one-perspective-out: held-out kappa 0.549 → 0.553;
 * two virtual findings lower it again (0.540).
 */
export const BACKGROUND_PRIOR = 1;

export interface ScoredFinding {
  /** position in the coverage row (eligible findings) */
  at: number;
  score: number;
}

/** One problem's coverages: `entries` for the findings compared, 0 for the other `n − entries.length`. */
export interface SparseRow {
  n: number;
  entries: { at: number; c: number }[];
}

/**
 * Scores of every finding for every problem, best first per problem.
 * `coverage[p][i]` is the raw coverage of problem p by eligible finding i.
 */
export function contrastScores(coverage: number[][], penalty = EXCLUSIVITY_PENALTY): ScoredFinding[][] {
  return contrastSparse(
    coverage.map((row) => ({ n: row.length, entries: row.map((c, at) => ({ at, c })) })),
    penalty,
  );
}

/** contrastScores over sparse rows; only compared findings with a positive score are returned. */
export function contrastSparse(rows: SparseRow[], penalty = EXCLUSIVITY_PENALTY): ScoredFinding[][] {
  // the best raw coverage of each finding over all problems: who explains it best
  const explains = new Map<number, number>();
  for (const row of rows) for (const { at, c } of row.entries) if (c > (explains.get(at) ?? 0)) explains.set(at, c);
  return rows.map((row) => {
    const background = sparseBackground(row);
    const out: ScoredFinding[] = [];
    for (const { at, c } of row.entries) {
      const margin = (explains.get(at) ?? 0) - c;
      const score = Math.max(0, c - background - Math.min(penalty, margin));
      if (row.entries.length === row.n || score > 0) out.push({ at, score });
    }
    return out.sort((a, b) => b.score - a.score || a.at - b.at);
  });
}

/** Mean coverage of all findings but the best one, shrunk by the prior (0 when there is no other finding). */
export function backgroundOf(row: number[]): number {
  return sparseBackground({ n: row.length, entries: row.map((c, at) => ({ at, c })) });
}

function sparseBackground(row: SparseRow): number {
  if (row.n < 2) return 0;
  let sum = 0;
  let top = 0;
  for (const { c } of row.entries) {
    sum += c;
    if (c > top) top = c;
  }
  return (sum - top) / (row.n - 1 + BACKGROUND_PRIOR);
}
