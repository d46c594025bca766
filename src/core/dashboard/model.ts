// The dashboard's data model: what the CLI (or the extension) hands in, and
// the view model built from it. Pure types; the renderer reads only these, so
// a webview and a standalone page show exactly the same figures.
import type { GradedReview, RunScore, Verdict, VerdictSource } from '../model';
import type { Recommendation, RoundRule, Stability, VariantSummary } from '../score';
import type { AgreementReport } from '../agreement';

/** What a judge's own report states about one run (may disagree with its verdicts). */
export interface JudgeStated {
  path: string;
  detection?: number;
  total?: number;
  /** 1-based line numbers where the figures were stated */
  detectionLine?: number;
  totalLine?: number;
}

/** One graded review run, as the host found it on disk. */
export interface DashboardRunInput {
  graded: GradedReview;
  round: number;
  /** the older one-key-per-document layout */
  doc?: number;
  variant: string;
  run: number;
  /** the review's path as the host names it (shown, and passed to cellLink) */
  path: string;
  judge?: JudgeStated;
}

export interface PerspectiveInput {
  name: string;
  runs: DashboardRunInput[];
  /** the round thresholds in force (a project file's, else the rubric's) */
  rule?: RoundRule;
}

/** Where a matrix cell points: the host turns it into a link or a message. */
export interface CellTarget {
  path: string;
  /** line of the best evidence in the review, when there is one */
  line?: number;
  problemId: string;
  variant: string;
  run: number;
  round: number;
}

// ------------------------------------------------------------------ view model

export interface CellView {
  verdict: Verdict;
  source: VerdictSource;
  auto: Verdict;
  judge?: Verdict;
  tag?: Verdict;
  disagreement: boolean;
  /** tooltip text: every source's verdict and the evidence */
  tip: string;
  target: CellTarget;
}

export interface ColumnView {
  variant: string;
  run: number;
  path: string;
  score: RunScore;
  /** "detection 7.5 (6 ○ + 3 △) + bonus … = total" */
  tip: string;
  judge?: JudgeStated;
}

export interface VariantView {
  summary: VariantSummary;
  isBaseline: boolean;
  /** indices into RoundView.columns */
  columns: number[];
  bonusCount: number;
  penaltyCount: number;
  meanTip: string;
  sdTip: string;
}

export interface RoundView {
  /** unique anchor id within the page */
  id: string;
  /** the round thresholds it was judged by */
  rule: RoundRule;
  perspective: string;
  round: number;
  doc?: number;
  label: string;
  keyPath?: string;
  /** the key's own detection rule in words (RunScore.detectionRule) and its ceiling, when it is not the classic ○ 1 / △ 0.5 / × 0 */
  detectionRule?: string;
  detectionMax?: number;
  /** the key states no criteria per item: the rubric's generic ○/△/× definitions applied (GENERIC_NOTE) */
  genericNote?: string;
  problems: { id: string; title: string; category?: string }[];
  columns: ColumnView[];
  /** cells[problemIndex][columnIndex] */
  cells: CellView[][];
  variants: VariantView[];
  baseline?: string;
  /** the rubric's call; its `reason` is English, as `--format json` gives it */
  recommendation?: Recommendation;
  /** the same reason in the page's language */
  reasonSaid?: string;
  /** recommended mean − this round's baseline mean (0 when the baseline is kept); undefined: no call */
  improvement?: number;
  /** the recommendation (or why there is none) in one sentence */
  verdictSentence: string;
  disagreements: number;
}

export interface HistoryPoint {
  round: number;
  roundId: string;
  label: string;
  baseline?: VariantSummary;
  best?: VariantSummary;
  improvement?: number;
}

export interface HistorySeries {
  /** document number in the -docK- layout; undefined otherwise */
  doc?: number;
  points: HistoryPoint[];
  converged: boolean;
  /** one per round of the series, oldest first; undefined for a round with no call */
  improvements: (number | undefined)[];
  sentence: string;
}

export interface CategoryRow {
  category: string;
  /** per round id: credit earned / verdicts counted */
  byRound: Record<string, { credit: number; count: number; detected: number; partial: number; missed: number }>;
  credit: number;
  count: number;
}

export interface PerspectiveView {
  name: string;
  id: string;
  rounds: RoundView[];
  series: HistorySeries[];
  categories: CategoryRow[];
  runCount: number;
  /** how far the sources (tags, judge, matcher) agree over all of the perspective's runs (core/agreement) */
  agreement: AgreementReport;
}

export type { Stability };
