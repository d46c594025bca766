// The shared data model of the grading core. Pure types: every module of
// src/core reads and writes these shapes, and the CLI and the extension only
// ever see these shapes. Nothing here imports 'vscode' or Node built-ins.
import type { Said } from './i18n';

/** A point in a text: line and column are 1-based (as in mdast), offset is 0-based UTF-16. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A source range, end exclusive. */
export interface Span {
  start: Point;
  end: Point;
}

export type Verdict = 'detected' | 'partial' | 'missed';

/** Credit of each verdict under the rubric. */
export const CREDIT: Record<Verdict, number> = { detected: 1, partial: 0.5, missed: 0 };

/** The rubric's marks, for display. */
export const MARK: Record<Verdict, string> = { detected: '○', partial: '△', missed: '×' };

export type Severity = 'error' | 'warning' | 'info';

/** A replacement of [start, end) offsets by newText: a machine-applicable fix. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A message about an input file; line is 1-based. */
export interface Diagnostic {
  /** stable rule code, e.g. 'duplicate-id', 'malformed-tag' */
  code: string;
  severity: Severity;
  /** in English (JSON output, caches and tests read it); `messageIn(d, t)` for a person's language */
  message: string;
  /** what a parser said, to be said again in another language (core/i18n `said`); absent: `message` only */
  said?: Said;
  line: number;
  column?: number;
  span?: Span;
  /** a mechanical fix, where one exists (becomes the editor's quick fix) */
  fix?: { title: string; edits: TextEdit[] };
}

export type Language = 'en' | 'ja';

// ---------------------------------------------------------------- answer key

export interface Criterion {
  verdict: Verdict;
  text: string;
  span: Span;
}

/** One field line of a problem, e.g. "- **Category**: Fault Recovery". */
export interface Field {
  /** normalized name: category, severity, location, description, difficulty, or the raw label */
  name: string;
  /** the label as written */
  label: string;
  value: string;
  span: Span;
}

export interface Problem {
  /** canonical id, zero-padded: 'P01' */
  id: string;
  /** numeric part of the id */
  number: number;
  title: string;
  category?: string;
  severity?: string;
  location?: string;
  description?: string;
  fields: Field[];
  criteria: Partial<Record<Verdict, Criterion>>;
  /** the heading line */
  headingSpan: Span;
  /** heading through the end of the problem's section */
  span: Span;
  /** how the item is written: heading ('### P01:'), bold lead ('**AK-01: …**') or table row; undefined = classic heading */
  shape?: 'heading' | 'bold' | 'row';
  /** 'key': the item states its own ○/△/× criteria; 'generic': it has none, the rubric's generic definitions apply */
  criteriaSource?: 'key' | 'generic';
  /** per-item weight as the key states it ('[Weight: 1.0]', a Weight column) */
  weight?: number;
  /** a problem-bank entry this item draws on ('PB-02') */
  ref?: string;
  /** the grouping heading a table row sits under ('Surface (S) — …') */
  group?: string;
  /** the scenario this item belongs to ('T01'), in a scenario rubric */
  scenario?: string;
}

/** How a key states its ratings and weights, when it departs from ○ 1 / △ 0.5 / × 0 summed. */
export interface KeyScoring {
  ratings: Record<Verdict, number>;
  /** items carry weights: rating × weight */
  weighted: boolean;
  /** a stated normalisation 'Σ(rating × weight) / max × 10': the subtotal is scaled to this */
  scale?: number;
  /** the rule as the key writes it, and its line */
  text?: string;
  line?: number;
  /** a stated total of the weights (a total row, 'Total weight: 5') */
  statedWeight?: number;
  statedWeightLine?: number;
}

/** One scenario of a scenario rubric ('## T01: Login flow'). */
export interface KeyScenario {
  id: string;
  title: string;
  line: number;
}

export interface BonusRow {
  /** 'B01' */
  id: string;
  category?: string;
  text: string;
  condition?: string;
  span: Span;
}

export interface AnswerKey {
  path?: string;
  language: Language;
  round?: number;
  perspective?: string;
  /** "Embedded Problems: 9" as stated in the header */
  statedCount?: number;
  statedCountLine?: number;
  problems: Problem[];
  bonus: BonusRow[];
  /** parse-level messages (lint adds more) */
  diagnostics: Diagnostic[];
  /** the shape the items were read in; undefined = classic '### P01:' key */
  shape?: 'items' | 'table' | 'scenario';
  /** no item states its own criteria: the rubric's generic ○/△/× definitions apply (GENERIC_CRITERIA) */
  genericCriteria?: boolean;
  /** the scenario this key is, in a file of several */
  scenario?: KeyScenario;
  /** every scenario of the file, when it holds more than one key */
  scenarios?: KeyScenario[];
  /** problem-bank entries of the file: a catalogue the scenarios draw on, not items */
  bank?: Problem[];
  /** ratings, weights and normalisation as the key states them; undefined = ○ 1, △ 0.5, × 0, summed */
  scoring?: KeyScoring;
}

// -------------------------------------------------------------------- review

export interface Finding {
  /** the id as the author wrote it: 'C1', 'C-1', 'S2', '1.1', '3', 'M-4'; undefined when none */
  label?: string;
  /** heading text without the label */
  title: string;
  /** the full heading line text (without # marks) */
  heading: string;
  /** body text below the heading, plain text */
  body: string;
  /** severity section it sits under, as written ('Critical Issues', '重大な問題', …) */
  section?: string;
  /** heading line span */
  headingSpan: Span;
  /** heading through end of body */
  span: Span;
  /** index in Review.findings */
  index: number;
  /** a positive aspect ('P1: Strong Foundation' under 'Positive Aspects'), not a problem: graders may ignore it */
  positive?: boolean;
}

export interface Review {
  path?: string;
  language: Language;
  variant?: string;
  run?: number;
  round?: number;
  /** doc number in the older `-docK-` layout */
  doc?: number;
  findings: Finding[];
  tags: GradeTag[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------- tags

export type TagEntry =
  { kind: 'problem'; id: string; verdict: Verdict } | { kind: 'bonus'; id?: string } | { kind: 'penalty'; reason?: string };

/** A `<!-- grade: … -->` comment in a review. */
export interface GradeTag {
  entries: TagEntry[];
  /** the comment itself */
  span: Span;
  /** the whole line(s) the tag occupies including the line break, for removal */
  lineStart: number;
  lineEnd: number;
  /** the finding it belongs to; undefined = speaks for the whole review */
  findingIndex?: number;
  raw: string;
}

// ------------------------------------------------------------------ grading

export type VerdictSource = 'tag' | 'auto' | 'judge';

export interface Evidence {
  findingIndex: number;
  /** finding label or '' */
  label: string;
  line: number;
  /** 0..1 relevance of this finding to the problem */
  score: number;
  excerpt: string;
  /** a human tag on this finding names the problem (else the matcher found it) */
  fromTag?: boolean;
  /** the judge's report cites this finding for the problem (`ProblemGrade.judgeEvidence`) */
  fromJudge?: boolean;
}

export interface ProblemGrade {
  id: string;
  title: string;
  /** the verdict in force: tag > judge > auto */
  verdict: Verdict;
  credit: number;
  source: VerdictSource;
  /** 0..1, confidence of the automatic verdict */
  confidence: number;
  auto: { verdict: Verdict; confidence: number };
  tag?: Verdict;
  judge?: Verdict;
  /** the sources in play do not all agree */
  disagreement: boolean;
  /**
   * Candidates, best first: findings a human tagged for this problem
   * (`fromTag`), then the matcher's matches. For a judge verdict these are
   * only candidates — never present them as the judge's evidence; that is
   * `judgeEvidence`.
   */
  evidence: Evidence[];
  /**
   * The finding the judge's report cites for this problem in this run,
   * resolved in this review (label "C3"/"S-5"/"1.1" or a quoted title).
   * Set only when `judgeCited` is 'finding'. Its `score` is the matcher's
   * relevance of that finding to the problem (0 when the matcher did not
   * rank it).
   */
  judgeEvidence?: Evidence;
  /**
   * Set whenever a judge verdict applies (`judge` is set):
   * - 'finding': the report names a finding and it resolves (`judgeEvidence`);
   * - 'none': the report names no finding for this verdict ("judge: no finding cited");
   * - 'unresolved': it names one (a label or quote) this review does not have.
   * Views show `judgeEvidence` as "(judge)" evidence, and otherwise offer
   * `evidence` as the matcher's candidates, labelled so.
   */
  judgeCited?: 'finding' | 'none' | 'unresolved';
}

export interface BonusGrade {
  /** 'B01', or undefined for an extra finding that is not in the key's bonus table */
  id?: string;
  findingIndex?: number;
  label?: string;
  line?: number;
  source: VerdictSource;
  text: string;
  /**
   * Counts toward the score's bonus under the cap. Only bonuses of the
   * source in force (`GradedReview.extrasSource`) can count: with human tags,
   * the tagged ones; with auto, the matched ones; with the judge, rows the
   * judge's report names (B01..). Of those, the first `bonusCap` in review
   * order (by line) count; the rest are shown but add nothing.
   */
  counts: boolean;
}

export interface PenaltyGrade {
  findingIndex?: number;
  label?: string;
  line?: number;
  source: VerdictSource;
  reason: string;
}

/** A finding that matches no problem: a bonus or penalty candidate. */
export interface UnmatchedFinding {
  findingIndex: number;
  label?: string;
  line: number;
  title: string;
  /** best bonus row, if any matches */
  bonusCandidate?: string;
}

export interface RunScore {
  detection: number;
  bonus: number;
  penalty: number;
  total: number;
  bonusCount: number;
  penaltyCount: number;
  /** the most the detection subtotal can be: the item count for a classic key, else the key's own maximum (or its stated scale) */
  detectionMax?: number;
  /** the key's own detection rule in words ('○ 2, △ 1, × 0 × the item’s weight, summed, / max (5) × 10'); undefined = classic ○ 1, △ 0.5, × 0 */
  detectionRule?: string;
  /** the rubric these figures were computed with, so every renderer prints the cap and points actually used */
  rubric: { bonusPoints: number; bonusCap: number; penaltyPoints: number };
}

export interface GradedReview {
  path?: string;
  keyPath?: string;
  review: Review;
  key: AnswerKey;
  problems: ProblemGrade[];
  bonus: BonusGrade[];
  penalties: PenaltyGrade[];
  unmatched: UnmatchedFinding[];
  score: RunScore;
  /** whose bonus/penalty counts the score uses: the human's tags, else the judge's report, else auto */
  extrasSource: VerdictSource;
  /** the key's and the review's parse messages (each at its own file's lines) */
  diagnostics: Diagnostic[];
  /**
   * What grading itself found, at the review's lines: tags naming a problem
   * or bonus row the key lacks. Kept apart from `diagnostics` (which holds the
   * inputs' parse messages) so callers need not filter one list apart again.
   */
  gradingDiagnostics: Diagnostic[];
}

// ------------------------------------------------------------ auto matching

/** What the matcher says about one problem, before tags and judge are applied. */
export interface AutoProblemVerdict {
  id: string;
  verdict: Verdict;
  /** 0..1 */
  confidence: number;
  /** best-matching findings, best first (at most a few) */
  evidence: Evidence[];
}

/** The matcher's output for one review against one key. */
export interface AutoGrade {
  problems: AutoProblemVerdict[];
  /** bonus rows of the key that some finding matches */
  bonus: { id: string; findingIndex: number; score: number }[];
  /** indices of findings that match no problem (bonus/penalty candidates) */
  unmatched: number[];
}
