// Automatic verdicts: for each planted problem of a key, which findings of a
// review match it, a verdict ○/△/× and a confidence. Pure; no I/O.
import type { AnswerKey, AutoGrade, AutoProblemVerdict, Diagnostic, Evidence, Finding, Review } from '../model';
import { said } from '../i18n';
import { excerpt } from './normalize';
import { contrastSparse, type SparseRow } from './contrast';
import { CANDIDATES_PER_PROBLEM, candidatesFor, PAIR_BUDGET } from './prefilter';
import { coversClauses, indexKey, indexReview, type Profile } from './relevance';
import { findingCoverage, titleWeights } from './heading';
import { confidenceFor, DEFAULT_THRESHOLDS, verdictFor, type Thresholds } from './verdict';

export { DEFAULT_THRESHOLDS, type Thresholds } from './verdict';
export { tokenize, stem } from './tokenize';
export { textFeatures } from './weights';
export { coverage, indexKey, indexReview } from './relevance';
export { findingCoverage, HEADING_SHARE, titleWeights } from './heading';
export { backgroundOf, contrastScores, contrastSparse, EXCLUSIVITY_PENALTY } from './contrast';
export { CANDIDATES_PER_PROBLEM, PAIR_BUDGET } from './prefilter';

/** Verdict thresholds on the coverage scale 0..1 (the extension exposes `detected`/`partial` as settings). */
export interface MatchOptions extends Partial<Thresholds> {
  /** evidence entries kept per problem, best first (default 3) */
  maxEvidence?: number;
}

/** A finding praising the design is not a detection (optional field some parsers add). */
function isPositive(f: Finding): boolean {
  return (f as Finding & { positive?: boolean }).positive === true;
}

/** The automatic grade, with what the matcher has to say about its own work (a bound that cut in). */
export interface MatchedGrade extends AutoGrade {
  diagnostics: Diagnostic[];
}

export function autoGrade(key: AnswerKey, review: Review, opts: MatchOptions = {}): MatchedGrade {
  const t: Thresholds = {
    detected: finite(opts.detected) ?? DEFAULT_THRESHOLDS.detected,
    partial: finite(opts.partial) ?? DEFAULT_THRESHOLDS.partial,
  };
  if (t.partial > t.detected) t.partial = t.detected;
  const maxEvidence = opts.maxEvidence ?? 3;
  const keyIndex = indexKey(key);
  const reviewIndex = indexReview(review, keyIndex);
  const eligible = review.findings.filter((f) => !isPositive(f));
  const bags = eligible.map((f) => reviewIndex.findings[f.index]);
  const heads = eligible.map((f) => reviewIndex.headings[f.index]);
  const titles = keyIndex.problems.map((p, pi) => titleWeights(p, key.problems[pi].title));
  const diagnostics: Diagnostic[] = [];
  // rows[p]: coverage of problem p by the eligible findings it is compared with (all, within the budget)
  const rowsFor = (profiles: Profile[], what: 'problems' | 'bonus rows', named?: Map<string, number>[]): SparseRow[] => {
    const { candidates, capped } = candidatesFor(profiles, bags);
    if (capped) {
      diagnostics.push({
        code: 'match-bounded',
        severity: 'info',
        line: 1,
        ...(what === 'problems'
          ? said(
              "{0} problems × {1} findings is over the matcher's budget of {2} comparisons: each was compared only with the {3} findings sharing most of its distinctive terms",
              profiles.length,
              eligible.length,
              PAIR_BUDGET,
              CANDIDATES_PER_PROBLEM,
            )
          : said(
              "{0} bonus rows × {1} findings is over the matcher's budget of {2} comparisons: each was compared only with the {3} findings sharing most of its distinctive terms",
              profiles.length,
              eligible.length,
              PAIR_BUDGET,
              CANDIDATES_PER_PROBLEM,
            )),
      });
    }
    return profiles.map((p, pi) => ({
      n: bags.length,
      entries: (candidates?.[pi] ?? bags.map((_, at) => at)).map((at) => ({
        at,
        c: findingCoverage(p, bags[at], heads[at], reviewIndex, named?.[pi]),
      })),
    }));
  };
  const rows = rowsFor(keyIndex.problems, 'problems', titles);
  const ranked = contrastSparse(rows);
  const problems: AutoProblemVerdict[] = keyIndex.problems.map((p, pi) => {
    let best = ranked[pi][0]?.score ?? 0;
    const top = ranked[pi][0];
    // ○ needs every AND clause of the ○ criterion: a finding that covers one of them is △
    if (best >= t.detected && top && !coversClauses(p, bags[top.at], reviewIndex)) best = t.detected - 0.001;
    const evidence: Evidence[] = ranked[pi]
      .filter((r, i) => i === 0 || r.score >= t.partial)
      .filter((r) => r.score > 0)
      .slice(0, maxEvidence)
      .map(({ at, score }) => {
        const f = eligible[at];
        return {
          findingIndex: f.index,
          label: f.label ?? '',
          line: f.headingSpan.start.line,
          score: round(score),
          excerpt: excerpt(`${f.heading} — ${f.body}`),
        };
      });
    return { id: p.id, verdict: verdictFor(best, t), confidence: round(confidenceFor(best, t)), evidence };
  });

  // Bonus rows: a finding matches a row when it covers the row as well as a detection would
  // and the row explains it better than any planted problem does.
  const bestProblem = eligible.map(() => 0);
  for (const row of rows) for (const { at, c } of row.entries) if (c > bestProblem[at]) bestProblem[at] = c;
  const bonus: MatchedGrade['bonus'] = [];
  const bonusFindings = new Set<number>();
  const bonusRows = keyIndex.bonus.length ? rowsFor(keyIndex.bonus, 'bonus rows') : [];
  keyIndex.bonus.forEach((b, bi) => {
    let top: { index: number; score: number } | undefined;
    for (const { at, c } of bonusRows[bi].entries) {
      if (c >= t.detected && c > bestProblem[at] && (!top || c > top.score)) top = { index: eligible[at].index, score: c };
    }
    if (top) {
      bonus.push({ id: b.id, findingIndex: top.index, score: round(top.score) });
      bonusFindings.add(top.index);
    }
  });
  const unmatched = eligible.filter((f, i) => bestProblem[i] < t.partial && !bonusFindings.has(f.index)).map((f) => f.index);
  return { problems, bonus, unmatched, diagnostics };
}

function finite(x: number | undefined): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
