// Automatic verdicts: for each planted problem of a key, which findings of a
// review match it, a verdict ○/△/× and a confidence. Pure; no I/O.
import type { AnswerKey, AutoGrade, AutoProblemVerdict, Evidence, Finding, Review } from '../model';
import { excerpt } from './normalize';
import { contrastScores } from './contrast';
import { coverage, indexKey, indexReview } from './relevance';
import { confidenceFor, DEFAULT_THRESHOLDS, verdictFor, type Thresholds } from './verdict';

export { DEFAULT_THRESHOLDS, type Thresholds } from './verdict';
export { tokenize, stem } from './tokenize';
export { textFeatures } from './weights';
export { coverage, indexKey, indexReview } from './relevance';
export { backgroundOf, contrastScores, EXCLUSIVITY_PENALTY } from './contrast';

/** Verdict thresholds on the coverage scale 0..1 (the extension exposes `detected`/`partial` as settings). */
export interface MatchOptions extends Partial<Thresholds> {
  /** evidence entries kept per problem, best first (default 3) */
  maxEvidence?: number;
}

/** A finding praising the design is not a detection (optional field some parsers add). */
function isPositive(f: Finding): boolean {
  return (f as Finding & { positive?: boolean }).positive === true;
}

export function autoGrade(key: AnswerKey, review: Review, opts: MatchOptions = {}): AutoGrade {
  const t: Thresholds = {
    detected: finite(opts.detected) ?? DEFAULT_THRESHOLDS.detected,
    partial: finite(opts.partial) ?? DEFAULT_THRESHOLDS.partial,
  };
  if (t.partial > t.detected) t.partial = t.detected;
  const maxEvidence = opts.maxEvidence ?? 3;
  const keyIndex = indexKey(key);
  const reviewIndex = indexReview(review, keyIndex);
  const eligible = review.findings.filter((f) => !isPositive(f));
  // scores[p][i]: coverage of problem p by eligible finding i
  const scores = keyIndex.problems.map((p) => eligible.map((f) => coverage(p, reviewIndex.findings[f.index], reviewIndex)));

  const ranked = contrastScores(scores);
  const problems: AutoProblemVerdict[] = keyIndex.problems.map((p, pi) => {
    const best = ranked[pi][0]?.score ?? 0;
    const evidence: Evidence[] = ranked[pi]
      .filter((r, i) => i === 0 || r.score >= t.partial)
      .filter((r) => r.score > 0)
      .slice(0, maxEvidence)
      .map(({ at, score }) => {
        const f = eligible[at];
        return { findingIndex: f.index, label: f.label ?? '', line: f.headingSpan.start.line, score: round(score), excerpt: excerpt(`${f.heading} — ${f.body}`) };
      });
    return { id: p.id, verdict: verdictFor(best, t), confidence: round(confidenceFor(best, t)), evidence };
  });

  // Bonus rows: a finding matches a row when it covers the row as well as a detection would
  // and the row explains it better than any planted problem does.
  const bestProblem = eligible.map((_, i) => Math.max(0, ...scores.map((row) => row[i])));
  const bonus: AutoGrade['bonus'] = [];
  const bonusFindings = new Set<number>();
  for (const b of keyIndex.bonus) {
    let top: { index: number; score: number } | undefined;
    eligible.forEach((f, i) => {
      const s = coverage(b, reviewIndex.findings[f.index], reviewIndex);
      if (s >= t.detected && s > bestProblem[i] && (!top || s > top.score)) top = { index: f.index, score: s };
    });
    if (top) {
      bonus.push({ id: b.id, findingIndex: top.index, score: round(top.score) });
      bonusFindings.add(top.index);
    }
  }
  const unmatched = eligible
    .filter((f, i) => bestProblem[i] < t.partial && !bonusFindings.has(f.index))
    .map((f) => f.index);
  return { problems, bonus, unmatched };
}

function finite(x: number | undefined): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
