// Graded runs → the dashboard's view model: rounds (matrix, variants,
// recommendation), history across rounds (convergence) and detection by
// category. Every figure carries a tooltip saying what it sums, so the page
// can be audited by hovering.
import { CREDIT, MARK, type AnswerKey, type GradedReview, type ProblemGrade, type RunScore, type Verdict } from '../model';
import { GENERIC_NOTE } from '../answerKey/generic';
import { convergence, fmt, improvement, recommendRound, signed, summarizeVariant, type VariantSummary } from '../score';
import { compareNames } from './order';
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

const WORD: Record<Verdict, string> = { detected: 'detected', partial: 'partial', missed: 'missed' };

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

export function buildPerspective(input: PerspectiveInput): PerspectiveView {
  const id = slug(input.name);
  const groups = new Map<string, DashboardRunInput[]>();
  for (const r of input.runs) {
    const k = `${r.round}\u0000${r.doc ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const rounds = [...groups.values()]
    .map((runs) => buildRound(input.name, id, runs))
    .sort((a, b) => a.round - b.round || (a.doc ?? 0) - (b.doc ?? 0));
  return { name: input.name, id, rounds, series: buildSeries(rounds), categories: buildCategories(rounds), runCount: input.runs.length };
}

export function buildRound(perspective: string, perspectiveId: string, runs: DashboardRunInput[]): RoundView {
  const sorted = [...runs].sort((a, b) => variantOrder(a.variant, b.variant) || a.run - b.run);
  const first = sorted[0];
  const key = first.graded.key;
  const docPart = first.doc !== undefined ? ` · doc ${first.doc}` : '';
  const columns: ColumnView[] = sorted.map((r) => ({
    variant: r.variant,
    run: r.run,
    path: r.path,
    score: r.graded.score,
    tip: scoreTip(r.graded, `${r.variant} run ${r.run}`),
    judge: r.judge,
  }));
  const problems = key.problems.map((p) => ({ id: p.id, title: p.title, category: p.category }));
  const cells = problems.map((p) => sorted.map((r) => cellView(p.id, r)));
  const variants = buildVariants(columns);
  const baseline = variants.find((v) => v.isBaseline)?.summary;
  const others = variants.filter((v) => !v.isBaseline).map((v) => v.summary);
  const recommendation = baseline && others.length ? recommendRound(baseline, others) : undefined;
  const own = first.graded.score;
  return {
    ...(own.detectionRule ? { detectionRule: own.detectionRule, detectionMax: own.detectionMax } : {}),
    ...(key.genericCriteria ? { genericNote: GENERIC_NOTE[key.language] } : {}),
    improvement: baseline && recommendation ? improvement(baseline, recommendation, others) : undefined,
    id: `${perspectiveId}-r${first.round}${first.doc !== undefined ? `-d${first.doc}` : ''}`,
    perspective,
    round: first.round,
    doc: first.doc,
    label: `Round ${first.round}${docPart}`,
    keyPath: first.graded.keyPath,
    problems,
    columns,
    cells,
    variants,
    baseline: baseline?.variant,
    recommendation,
    verdictSentence: sentence(baseline, others, recommendation),
    disagreements: cells.flat().filter((c) => c.disagreement).length,
  };
}

function sentence(baseline: VariantSummary | undefined, others: VariantSummary[], rec: RoundView['recommendation']): string {
  if (rec && baseline) {
    const verb = rec.winner === baseline.variant ? 'Keep' : 'Adopt';
    return `${verb} ${rec.winner}: ${rec.reason}.`;
  }
  if (!baseline) {
    const best = [...others].sort((a, b) => b.mean - a.mean)[0];
    return best
      ? `No baseline ran in this round, so the rubric has nothing to compare against; highest mean: ${best.variant} (${fmt(best.mean)}).`
      : 'No runs.';
  }
  return `Only the baseline ran in this round (mean ${fmt(baseline.mean)}); nothing to compare.`;
}

function cellView(problemId: string, r: DashboardRunInput): CellView {
  const p = r.graded.problems.find((x) => x.id === problemId);
  const target = { path: r.path, problemId, variant: r.variant, run: r.run, round: r.round, line: p?.evidence[0]?.line };
  if (!p) {
    return { verdict: 'missed', source: 'auto', auto: 'missed', disagreement: false, tip: `${problemId}: not graded`, target };
  }
  return {
    verdict: p.verdict,
    source: p.source,
    auto: p.auto.verdict,
    judge: p.judge,
    tag: p.tag,
    disagreement: p.disagreement,
    tip: cellTip(p, `${r.variant} run ${r.run}`, r.graded.key),
    target,
  };
}

function cellTip(p: ProblemGrade, runLabel: string, key?: AnswerKey): string {
  // under the key's own rule an item earns its rating × weight, not the classic credit
  const s = key?.scoring;
  const weight = s?.weighted ? (key!.problems.find((x) => x.id === p.id)?.weight ?? 1) : 1;
  const points = s ? (s.weighted ? `${fmt(s.ratings[p.verdict])} × weight ${fmt(weight)}` : fmt(s.ratings[p.verdict])) : fmt(p.credit);
  const lines = [
    `${p.id} · ${p.title}`,
    `${runLabel}: ${MARK[p.verdict]} ${WORD[p.verdict]} (${points}), from the ${p.source === 'tag' ? 'human tag' : p.source}`,
    `auto: ${MARK[p.auto.verdict]} ${WORD[p.auto.verdict]} (confidence ${p.auto.confidence.toFixed(2)})`,
  ];
  if (p.judge) lines.push(`judge: ${MARK[p.judge]} ${WORD[p.judge]}`);
  if (p.tag) lines.push(`tag: ${MARK[p.tag]} ${WORD[p.tag]}`);
  if (p.disagreement) lines.push('⚠ the sources disagree');
  for (const e of p.evidence.slice(0, 2)) {
    lines.push(`evidence: ${e.label || 'finding'} (line ${e.line}, ${e.score.toFixed(2)}) ${e.excerpt.slice(0, 90)}`);
  }
  return lines.join('\n');
}

export function scoreTip(g: GradedReview, runLabel: string): string {
  const count = (v: Verdict) => g.problems.filter((p) => p.verdict === v).length;
  const s = g.score;
  return [
    `${runLabel}`,
    s.detectionRule
      ? `detection ${fmt(s.detection)} by the key's rule (${s.detectionRule}): ${count('detected')} ○, ${count('partial')} △, ${count('missed')} × of ${g.problems.length}`
      : `detection ${fmt(s.detection)} = ${count('detected')} ○ × 1 + ${count('partial')} △ × 0.5 (${count('missed')} ×, of ${g.problems.length})`,
    `bonus +${fmt(s.bonus)}: ${bonusWords(s)}`,
    `penalty −${fmt(s.penalty)}: ${penaltyWords(s)}`,
    `total ${fmt(s.total)} = ${fmt(s.detection)} + ${fmt(s.bonus)} − ${fmt(s.penalty)}`,
  ].join('\n');
}

/** Bonus findings counted apart from points: "8 found, 5 count (at most 5) × 0.5". */
export function bonusWords(s: RunScore): string {
  const counted = Math.min(s.bonusCount, s.rubric.bonusCap);
  return `${s.bonusCount} bonus finding${s.bonusCount === 1 ? '' : 's'} found, ${counted} count (at most ${s.rubric.bonusCap}) × ${fmt(s.rubric.bonusPoints)}`;
}

export function penaltyWords(s: RunScore): string {
  return `${s.penaltyCount} penalt${s.penaltyCount === 1 ? 'y' : 'ies'} found × ${fmt(s.rubric.penaltyPoints)} (no cap)`;
}

function buildVariants(columns: ColumnView[]): VariantView[] {
  const names = [...new Set(columns.map((c) => c.variant))];
  return names.map((name) => {
    const idx = columns.flatMap((c, i) => (c.variant === name ? [i] : []));
    const scores = idx.map((i) => columns[i].score.total);
    const summary = summarizeVariant(name, scores);
    const list = scores.map(fmt).join(', ');
    return {
      summary,
      isBaseline: isBaseline(name),
      columns: idx,
      bonusCount: idx.reduce((a, i) => a + columns[i].score.bonusCount, 0),
      penaltyCount: idx.reduce((a, i) => a + columns[i].score.penaltyCount, 0),
      meanTip: `mean of ${scores.length} run total${scores.length === 1 ? '' : 's'} (${list}) = ${fmt(summary.mean)}`,
      sdTip: `population SD of (${list}) = ${fmt(summary.sd)}; stability ${summary.stability} (≤ 0.5 high, ≤ 1.0 medium, else low)`,
    };
  });
}

function buildSeries(rounds: RoundView[]): HistorySeries[] {
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
    const c = convergence(own.map((r) => r.improvement));
    const last = c.improvements.slice(-2).map((x) => (x === undefined ? 'no call' : signed(x)));
    const sentence = c.converged
      ? `May have converged: the last two rounds improved on their baseline by ${last.join(' then ')} (each < 0.5).`
      : c.improvements.length < 2
        ? `Too few rounds (${points.length}) to judge convergence: it needs two rounds in a row improving by < 0.5; keep going.`
        : `Keep going: the last two rounds improved on their baseline by ${last.join(' then ')} (converged needs both < 0.5).`;
    return { doc, points, converged: c.converged, improvements: c.improvements, sentence };
  });
}

function buildCategories(rounds: RoundView[]): CategoryRow[] {
  const rows = new Map<string, CategoryRow>();
  for (const r of rounds) {
    r.problems.forEach((p, i) => {
      // A parenthetical refines a category in one round only ("Fault Recovery (Backpressure)"): fold it in.
      const name =
        (p.category ?? '')
          .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
          .replace(/\s+/g, ' ')
          .trim() || '(no category)';
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
