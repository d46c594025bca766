// Graded runs → the dashboard's view model: rounds (matrix, variants,
// recommendation), history across rounds (convergence) and detection by
// category. Every figure carries a tooltip saying what it sums, so the page
// can be audited by hovering.
import { CREDIT, MARK, type AnswerKey, type GradedReview, type ProblemGrade, type RunScore, type Verdict } from '../model';
import { GENERIC_NOTE } from '../answerKey/generic';
import {
  convergence,
  DEFAULT_ROUND_RULE,
  fmt,
  threshold,
  improvement,
  recommendRound,
  signed,
  summarizeVariant,
  type RoundRule,
  type VariantSummary,
} from '../score';
import { compareNames } from './order';
import { agreementReport } from '../agreement';
import { stabilityWord } from '../sourceWord';
import { english, verdictWord, type Translate } from '../i18n';
import type {
  CategoryRow,
  CellView,
  ColumnView,
  DashboardRunInput,
  HistorySeries,
  PerspectiveInput,
  PerspectiveView,
  RoundView,
  VariantView,
} from './model';

export function isBaseline(variant: string): boolean {
  return /^baseline$/i.test(variant) || /(^|-)baseline$/i.test(variant);
}

/** Baseline first, then by name (locale-independent): the order of columns and rows everywhere. */
function variantOrder(a: string, b: string): number {
  return Number(isBaseline(b)) - Number(isBaseline(a)) || compareNames(a, b);
}

export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/** The runs grouped by round (and document, in the -docK- layout), oldest first. */
export function roundGroups<T extends { round: number; doc?: number }>(runs: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of runs) {
    const k = `${r.round}\u0000${r.doc ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()].sort((a, b) => a[0].round - b[0].round || (a[0].doc ?? 0) - (b[0].doc ?? 0));
}

/** A round's anchor id in the page: the same whether the round is built or still pending. */
export function roundId(perspectiveId: string, round: number, doc?: number): string {
  return `${perspectiveId}-r${round}${doc !== undefined ? `-d${doc}` : ''}`;
}

export function roundLabel(round: number, doc: number | undefined, t: Translate = english): string {
  return doc !== undefined ? t('Round {0} · doc {1}', round, doc) : t('Round {0}', round);
}

export function buildPerspective(input: PerspectiveInput, t: Translate = english): PerspectiveView {
  const id = slug(input.name);
  const rule = input.rule ?? DEFAULT_ROUND_RULE;
  const rounds = roundGroups(input.runs).map((runs) => buildRound(input.name, id, runs, t, rule));
  return {
    name: input.name,
    id,
    rounds,
    series: buildSeries(rounds, t, rule),
    categories: buildCategories(rounds, t),
    runCount: input.runs.length,
    agreement: agreementReport(input.runs),
  };
}

export function buildRound(
  perspective: string,
  perspectiveId: string,
  runs: DashboardRunInput[],
  t: Translate = english,
  rule: RoundRule = DEFAULT_ROUND_RULE,
): RoundView {
  const sorted = [...runs].sort((a, b) => variantOrder(a.variant, b.variant) || a.run - b.run);
  const first = sorted[0];
  const key = first.graded.key;
  const columns: ColumnView[] = sorted.map((r) => ({
    variant: r.variant,
    run: r.run,
    path: r.path,
    score: r.graded.score,
    tip: scoreTip(r.graded, t('{0} run {1}', r.variant, r.run), t),
    judge: r.judge,
  }));
  const problems = key.problems.map((p) => ({ id: p.id, title: p.title, category: p.category }));
  const cells = problems.map((p) => sorted.map((r) => cellView(p.id, r, t)));
  const variants = buildVariants(columns, t, rule);
  const baseline = variants.find((v) => v.isBaseline)?.summary;
  const others = variants.filter((v) => !v.isBaseline).map((v) => v.summary);
  const recommendation = baseline && others.length ? recommendRound(baseline, others, rule) : undefined;
  const reasonSaid = baseline && others.length ? recommendRound(baseline, others, rule, t).reason : undefined;
  const own = first.graded.score;
  return {
    ...(own.detectionRule ? { detectionRule: own.detectionRule, detectionMax: own.detectionMax } : {}),
    ...(key.genericCriteria ? { genericNote: GENERIC_NOTE[key.language] } : {}),
    improvement: baseline && recommendation ? improvement(baseline, recommendation, others) : undefined,
    id: roundId(perspectiveId, first.round, first.doc),
    rule,
    perspective,
    round: first.round,
    doc: first.doc,
    label: roundLabel(first.round, first.doc, t),
    keyPath: first.graded.keyPath,
    problems,
    columns,
    cells,
    variants,
    baseline: baseline?.variant,
    recommendation,
    reasonSaid,
    verdictSentence: sentence(baseline, others, recommendation, reasonSaid, t),
    disagreements: cells.flat().filter((c) => c.disagreement).length,
  };
}

/** The recommendation in one sentence, with core/score's reason in the page's language. */
function sentence(
  baseline: VariantSummary | undefined,
  others: VariantSummary[],
  rec: RoundView['recommendation'],
  reason: string | undefined,
  t: Translate,
): string {
  if (rec && baseline) {
    const why = reason ?? rec.reason;
    return rec.winner === baseline.variant ? t('Keep {0}: {1}.', rec.winner, why) : t('Adopt {0}: {1}.', rec.winner, why);
  }
  if (!baseline) {
    const best = [...others].sort((a, b) => b.mean - a.mean)[0];
    return best
      ? t(
          'No baseline ran in this round, so the rubric has nothing to compare against; highest mean: {0} ({1}).',
          best.variant,
          fmt(best.mean),
        )
      : t('No runs.');
  }
  return t('Only the baseline ran in this round (mean {0}); nothing to compare.', fmt(baseline.mean));
}

function cellView(problemId: string, r: DashboardRunInput, t: Translate): CellView {
  const p = r.graded.problems.find((x) => x.id === problemId);
  const target = { path: r.path, problemId, variant: r.variant, run: r.run, round: r.round, line: p?.evidence[0]?.line };
  if (!p) {
    return { verdict: 'missed', source: 'auto', auto: 'missed', disagreement: false, tip: t('{0}: not graded', problemId), target };
  }
  return {
    verdict: p.verdict,
    source: p.source,
    auto: p.auto.verdict,
    judge: p.judge,
    tag: p.tag,
    disagreement: p.disagreement,
    tip: cellTip(p, t('{0} run {1}', r.variant, r.run), t, r.graded.key),
    target,
  };
}

function cellTip(p: ProblemGrade, runLabel: string, t: Translate, key?: AnswerKey): string {
  // under the key's own rule an item earns its rating × weight, not the classic credit
  const s = key?.scoring;
  const weight = s?.weighted ? (key!.problems.find((x) => x.id === p.id)?.weight ?? 1) : 1;
  const points = s
    ? s.weighted
      ? t('{0} × weight {1}', fmt(s.ratings[p.verdict]), fmt(weight))
      : fmt(s.ratings[p.verdict])
    : fmt(p.credit);
  const w = (v: Verdict) => `${MARK[v]} ${verdictWord(v, t)}`;
  const from = p.source === 'tag' ? t('from the human tag') : p.source === 'judge' ? t('from the judge') : t('from the auto matcher');
  const lines = [
    `${p.id} · ${p.title}`,
    `${runLabel}: ${w(p.verdict)} (${points}), ${from}`,
    t('auto: {0} (confidence {1})', w(p.auto.verdict), p.auto.confidence.toFixed(2)),
  ];
  if (p.judge) lines.push(t('judge: {0}', w(p.judge)));
  if (p.tag) lines.push(t('tag: {0}', w(p.tag)));
  if (p.disagreement) lines.push(t('⚠ the sources disagree'));
  for (const e of p.evidence.slice(0, 2)) {
    lines.push(t('evidence: {0} (line {1}, {2}) {3}', e.label || t('finding'), e.line, e.score.toFixed(2), e.excerpt.slice(0, 90)));
  }
  return lines.join('\n');
}

export function scoreTip(g: GradedReview, runLabel: string, t: Translate = english): string {
  const count = (v: Verdict) => g.problems.filter((p) => p.verdict === v).length;
  const s = g.score;
  return [
    `${runLabel}`,
    s.detectionRule
      ? t(
          "detection {0} by the key's rule ({1}): {2} ○, {3} △, {4} × of {5}",
          fmt(s.detection),
          s.detectionRule,
          count('detected'),
          count('partial'),
          count('missed'),
          g.problems.length,
        )
      : t(
          'detection {0} = {1} ○ × 1 + {2} △ × 0.5 ({3} ×, of {4})',
          fmt(s.detection),
          count('detected'),
          count('partial'),
          count('missed'),
          g.problems.length,
        ),
    t('bonus +{0}: {1}', fmt(s.bonus), bonusWords(s, t)),
    t('penalty −{0}: {1}', fmt(s.penalty), penaltyWords(s, t)),
    t('total {0} = {1} + {2} − {3}', fmt(s.total), fmt(s.detection), fmt(s.bonus), fmt(s.penalty)),
  ].join('\n');
}

/** Bonus findings counted apart from points: "8 found, 5 count (at most 5) × 0.5". */
export function bonusWords(s: RunScore, t: Translate = english): string {
  const counted = Math.min(s.bonusCount, s.rubric.bonusCap);
  return s.bonusCount === 1
    ? t('1 bonus finding found, {0} count (at most {1}) × {2}', counted, s.rubric.bonusCap, fmt(s.rubric.bonusPoints))
    : t('{0} bonus findings found, {1} count (at most {2}) × {3}', s.bonusCount, counted, s.rubric.bonusCap, fmt(s.rubric.bonusPoints));
}

export function penaltyWords(s: RunScore, t: Translate = english): string {
  return s.penaltyCount === 1
    ? t('1 penalty found × {0} (no cap)', fmt(s.rubric.penaltyPoints))
    : t('{0} penalties found × {1} (no cap)', s.penaltyCount, fmt(s.rubric.penaltyPoints));
}

function buildVariants(columns: ColumnView[], t: Translate, rule: RoundRule): VariantView[] {
  const names = [...new Set(columns.map((c) => c.variant))];
  return names.map((name) => {
    const idx = columns.flatMap((c, i) => (c.variant === name ? [i] : []));
    const scores = idx.map((i) => columns[i].score.total);
    const summary = summarizeVariant(name, scores, rule);
    const list = scores.map(fmt).join(', ');
    return {
      summary,
      isBaseline: isBaseline(name),
      columns: idx,
      bonusCount: idx.reduce((a, i) => a + columns[i].score.bonusCount, 0),
      penaltyCount: idx.reduce((a, i) => a + columns[i].score.penaltyCount, 0),
      meanTip:
        scores.length === 1
          ? t('mean of 1 run total ({0}) = {1}', list, fmt(summary.mean))
          : t('mean of {0} run totals ({1}) = {2}', scores.length, list, fmt(summary.mean)),
      sdTip: t(
        'population SD of ({0}) = {1}; stability {2} (≤ {3} high, ≤ {4} medium, else low)',
        list,
        fmt(summary.sd),
        stabilityWord(summary.stability, t),
        threshold(rule.stability.high),
        threshold(rule.stability.medium),
      ),
    };
  });
}

function buildSeries(rounds: RoundView[], t: Translate, rule: RoundRule): HistorySeries[] {
  const docs = [...new Set(rounds.map((r) => r.doc))];
  return docs.map((doc) => {
    const own = rounds.filter((r) => r.doc === doc);
    const points = own.map((r) => {
      const baseline = r.variants.find((v) => v.isBaseline)?.summary;
      const best = r.variants
        .filter((v) => !v.isBaseline)
        .map((v) => v.summary)
        .sort((a, b) => b.mean - a.mean)[0];
      return { round: r.round, roundId: r.id, label: r.label, baseline, best, improvement: r.improvement };
    });
    // Every round has a new test document, so means are not compared across rounds:
    // a round's improvement is its recommended prompt over its own baseline.
    const c = convergence(
      own.map((r) => r.improvement),
      rule,
    );
    const limit = threshold(rule.convergence);
    const last = c.improvements.slice(-2).map((x) => (x === undefined ? t('no call') : signed(x)));
    const sentence = c.converged
      ? t('May have converged: the last two rounds improved on their baseline by {0} then {1} (each < {2}).', last[0], last[1], limit)
      : c.improvements.length < 2
        ? t('Too few rounds ({0}) to judge convergence: it needs two rounds in a row improving by < {1}; keep going.', points.length, limit)
        : t(
            'Keep going: the last two rounds improved on their baseline by {0} then {1} (converged needs both < {2}).',
            last[0],
            last[1],
            limit,
          );
    return { doc, points, converged: c.converged, improvements: c.improvements, sentence };
  });
}

function buildCategories(rounds: RoundView[], t: Translate): CategoryRow[] {
  const rows = new Map<string, CategoryRow>();
  for (const r of rounds) {
    r.problems.forEach((p, i) => {
      // A parenthetical refines a category in one round only ("Fault Recovery (Backpressure)"): fold it in.
      const name =
        (p.category ?? '')
          .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
          .replace(/\s+/g, ' ')
          .trim() || t('(no category)');
      // "A & B Design" and "A/B Design" are one category written two ways; the first spelling names it.
      const k = name.toLowerCase().replace(/\band\b|[\s&/,、・]+/g, '');
      const row = rows.get(k) ?? { category: name, byRound: {}, credit: 0, count: 0 };
      rows.set(k, row);
      const cell = (row.byRound[r.id] ??= { credit: 0, count: 0, detected: 0, partial: 0, missed: 0 });
      for (const c of r.cells[i]) {
        cell[c.verdict] += 1;
        cell.credit += CREDIT[c.verdict];
        cell.count += 1;
        row.credit += CREDIT[c.verdict];
        row.count += 1;
      }
    });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || compareNames(a.category, b.category));
}
