// How far each grading source can be trusted: for every pair of sources
// (human tags, the judge's report, the automatic matcher) that graded the same
// problems of the same runs, linear-weighted kappa and a 3×3 confusion
// matrix (core/match/metrics: the one implementation), the problems they
// disagree on most, and the pair's systematic lean in words. Pure: graded
// runs in, a report object out.
import { accuracy, confusion, linearKappa, ORDER } from './match/metrics';
import { english, type Translate } from './i18n';
import { MARK, type GradedReview, type ProblemGrade, type Verdict, type VerdictSource } from './model';

/** One graded run (a DashboardRunInput fits). */
export interface AgreementRun {
  graded: GradedReview;
}

export interface DisputedProblem {
  problem: string;
  /** the key's path as the host named it (path#scenario for one scenario of a rubric); null when unknown */
  key: string | null;
  title: string;
  /** runs where the two sources give this problem different verdicts */
  runs: number;
  /** runs where both graded it */
  of: number;
}

/** The largest off-diagonal cell relative to its row: b says `b` where a says `a` in `count` of `of` cases. */
export interface Lean {
  a: Verdict;
  b: Verdict;
  count: number;
  of: number;
  text: string;
}

export interface PairAgreement {
  /** the reference source: rows of the confusion matrix */
  a: VerdictSource;
  /** the compared source: columns */
  b: VerdictSource;
  /** (run, problem) verdicts both sources gave */
  n: number;
  /** linear-weighted kappa; null when there is no overlap */
  kappa: number | null;
  /** share of exactly equal verdicts; null when there is no overlap */
  exact: number | null;
  /** confusion[i][j]: a says ORDER[i], b says ORDER[j] (○ △ ×) */
  confusion: number[][];
  /** null when the two never disagree (or never meet) */
  lean: Lean | null;
  disputed: DisputedProblem[];
  /** why there is no overlap; null when there is */
  note: string | null;
}

export interface AgreementReport {
  runs: number;
  /** runs in which each source gave at least one verdict */
  sources: Record<VerdictSource, number>;
  pairs: PairAgreement[];
}

/** Every pair, the more trusted source first (it is the reference row). */
export const SOURCE_PAIRS: [VerdictSource, VerdictSource][] = [
  ['tag', 'judge'],
  ['tag', 'auto'],
  ['judge', 'auto'],
];

/** Short names for headings and tables. */
export const SOURCE_NAME: Record<VerdictSource, string> = { tag: 'tags', judge: 'judge', auto: 'auto' };
const RUN_WITH: Record<VerdictSource, string> = { tag: 'carries grading tags', judge: 'has judge verdicts', auto: 'was matched' };
const RUNS_WITH: Record<VerdictSource, string> = { tag: 'carry grading tags', judge: 'have judge verdicts', auto: 'were matched' };

export const DISPUTED_TOP = 5;

function verdictOf(p: ProblemGrade, s: VerdictSource): Verdict | undefined {
  return s === 'auto' ? p.auto.verdict : s === 'tag' ? p.tag : p.judge;
}

export function agreementReport(runs: AgreementRun[], opts: { top?: number } = {}): AgreementReport {
  const sources: Record<VerdictSource, number> = { tag: 0, judge: 0, auto: 0 };
  for (const r of runs)
    for (const s of ['tag', 'judge', 'auto'] as const) if (r.graded.problems.some((p) => verdictOf(p, s) !== undefined)) sources[s]++;
  const pairs = SOURCE_PAIRS.map(([a, b]) => pairAgreement(runs, a, b, sources, opts.top ?? DISPUTED_TOP));
  return { runs: runs.length, sources, pairs };
}

function pairAgreement(
  runs: AgreementRun[],
  a: VerdictSource,
  b: VerdictSource,
  sources: Record<VerdictSource, number>,
  top: number,
): PairAgreement {
  const pairs: { truth: Verdict; predicted: Verdict }[] = [];
  // per problem of a key, in first-seen order (runs come in path order): a stable tie-break
  const byProblem = new Map<string, DisputedProblem>();
  for (const { graded } of runs) {
    for (const p of graded.problems) {
      const va = verdictOf(p, a);
      const vb = verdictOf(p, b);
      if (va === undefined || vb === undefined) continue;
      pairs.push({ truth: va, predicted: vb });
      const id = `${graded.keyPath ?? ''}\u0000${p.id}`;
      const d = byProblem.get(id) ?? { problem: p.id, key: graded.keyPath ?? null, title: p.title, runs: 0, of: 0 };
      d.of++;
      if (va !== vb) d.runs++;
      byProblem.set(id, d);
    }
  }
  const m = confusion(pairs);
  const n = pairs.length;
  if (n === 0) return { a, b, n, kappa: null, exact: null, confusion: m, lean: null, disputed: [], note: noOverlap(a, b, sources) };
  const disputed = [...byProblem.values()]
    .filter((d) => d.runs > 0)
    .sort((x, y) => y.runs - x.runs || y.runs / y.of - x.runs / x.of)
    .slice(0, top);
  return { a, b, n, kappa: linearKappa(pairs), exact: accuracy(pairs), confusion: m, lean: leanOf(m, a, b), disputed, note: null };
}

function noOverlap(a: VerdictSource, b: VerdictSource, sources: Record<VerdictSource, number>): string {
  for (const s of [a, b]) if (sources[s] === 0) return `no overlap: no run ${RUN_WITH[s]}`;
  const count = (s: VerdictSource) => `${sources[s]} ${sources[s] === 1 ? RUN_WITH[s] : RUNS_WITH[s]}`;
  return `no overlap: ${count(a).replace(/^(\d+) /, (_, k) => `${k} ${k === '1' ? 'run' : 'runs'} `)} and ${count(b)}, never on the same problem`;
}

/** The off-diagonal cell largest relative to its row (ties: the larger count, then ○ △ × order). */
export function leanOf(m: number[][], a: VerdictSource, b: VerdictSource): Lean | null {
  let best: { i: number; j: number; ratio: number; count: number; of: number } | undefined;
  for (let i = 0; i < ORDER.length; i++) {
    const of = m[i].reduce((s, x) => s + x, 0);
    for (let j = 0; j < ORDER.length; j++) {
      const count = m[i][j];
      if (i === j || count === 0) continue;
      const ratio = count / of;
      if (!best || ratio > best.ratio || (ratio === best.ratio && count > best.count)) best = { i, j, ratio, count, of };
    }
  }
  if (!best) return null;
  const va = ORDER[best.i];
  const vb = ORDER[best.j];
  const lean = { a: va, b: vb, count: best.count, of: best.of };
  return { ...lean, text: leanWords(a, b, lean, english) };
}

/**
 * The pair's lean as a sentence, "the judge gives △ where your tags say ○ in
 * 14 of 20 cases": one message per pair (of SOURCE_PAIRS), so each language
 * can order it its own way.
 */
export function leanWords(a: VerdictSource, b: VerdictSource, lean: Omit<Lean, 'text'>, t: Translate): string {
  const args = [MARK[lean.b], MARK[lean.a], lean.count, lean.of] as const;
  const one = lean.of === 1;
  if (a === 'tag' && b === 'judge')
    return one
      ? t('the judge gives {0} where your tags say {1} in {2} of {3} case', ...args)
      : t('the judge gives {0} where your tags say {1} in {2} of {3} cases', ...args);
  if (a === 'tag')
    return one
      ? t('the matcher gives {0} where your tags say {1} in {2} of {3} case', ...args)
      : t('the matcher gives {0} where your tags say {1} in {2} of {3} cases', ...args);
  return one
    ? t('the matcher gives {0} where the judge says {1} in {2} of {3} case', ...args)
    : t('the matcher gives {0} where the judge says {1} in {2} of {3} cases', ...args);
}

/** `agreement --format json`: one object; "perspective" for one folder, "perspectives" for a root holding several. */
export interface AgreementJson {
  perspective?: string;
  perspectives?: string[];
  runs: number;
  sources: Record<VerdictSource, number>;
  /** the order of the confusion matrices' rows and columns */
  scale: Verdict[];
  /** kappa and exact rounded to 3 places */
  pairs: PairAgreement[];
}

export function agreementJson(report: AgreementReport, perspectives: string[]): AgreementJson {
  const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return {
    ...(perspectives.length === 1 ? { perspective: perspectives[0] } : { perspectives }),
    runs: report.runs,
    sources: report.sources,
    scale: ORDER,
    pairs: report.pairs.map((p) => ({
      a: p.a,
      b: p.b,
      n: p.n,
      kappa: round3(p.kappa),
      exact: round3(p.exact),
      confusion: p.confusion,
      lean: p.lean,
      disputed: p.disputed,
      note: p.note,
    })),
  };
}
