// `dashboard --format json`: the view model as one plain object, the shape
// scripts and CI read (and the rubric's tests assert on). Exactly these keys;
// a perspective in the -docK- layout adds "doc" to each round.
import type { Stability } from '../score';
import type { PerspectiveView } from './model';
import { agreementJson, type AgreementJson } from '../agreement';

export interface DashboardJson {
  perspective: string;
  rounds: {
    round: number;
    doc?: number;
    key: string | null;
    /** only for a key with its own rule: the rule in words and the most detection can be */
    detectionRule?: string;
    detectionMax?: number;
    /** only for a key with no criteria per item: the rubric's generic ○/△/× definitions applied */
    genericCriteria?: true;
    variants: { variant: string; scores: number[]; mean: number; sd: number; stability: Stability }[];
    recommendation: { winner: string; rule: string; gap: number; reason: string } | null;
  }[];
  /**
   * improvements[i] belongs to rounds[i] (null: no call that round). With
   * several documents (-docK-), each document's rounds are judged on their
   * own and "converged" needs every document to have converged.
   */
  convergence: { converged: boolean; improvements: (number | null)[] };
  /** how far the sources agree over the perspective's runs: `agreement --format json` without its perspective name */
  agreement: Omit<AgreementJson, 'perspective' | 'perspectives'>;
}

export function dashboardJson(p: PerspectiveView): DashboardJson {
  const rounds = p.rounds.map((r) => ({
    round: r.round,
    ...(r.doc !== undefined ? { doc: r.doc } : {}),
    key: r.keyPath ?? null,
    ...(r.detectionRule ? { detectionRule: r.detectionRule, detectionMax: r.detectionMax } : {}),
    ...(r.genericNote ? { genericCriteria: true as const } : {}),
    variants: r.variants.map(({ summary: s }) => ({
      variant: s.variant,
      scores: s.scores,
      mean: s.mean,
      sd: s.sd,
      stability: s.stability,
    })),
    recommendation: r.recommendation
      ? { winner: r.recommendation.winner, rule: r.recommendation.rule, gap: r.recommendation.gap, reason: r.recommendation.reason }
      : null,
  }));
  return {
    perspective: p.name,
    rounds,
    convergence: {
      converged: p.series.length > 0 && p.series.every((s) => s.converged),
      improvements: p.rounds.map((r) => r.improvement ?? null),
    },
    agreement: withoutName(agreementJson(p.agreement, [p.name])),
  };
}

function withoutName(j: AgreementJson): DashboardJson['agreement'] {
  return { runs: j.runs, sources: j.sources, scale: j.scale, pairs: j.pairs };
}
