// The settings a file is graded with, merged in one place for the CLI and the
// editor: the defaults < the project file < explicit overrides (CLI flags; the
// editor's settings only where the user set them). Key patterns add up: an
// override's patterns are tried first, then the project file's.
import type { ProjectConfig } from './project';
import type { Verdict } from './model';
import { DEFAULT_ROUND_RULE, DEFAULT_RUBRIC, type RoundRule, type RubricOptions } from './score';
import { DEFAULT_THRESHOLDS, type Thresholds } from './match/verdict';

/** `stability`, `recommendation` and `convergence` are the round rule (core/score RoundRule). */
export interface EffectiveSettings extends RoundRule {
  rubric: RubricOptions;
  /** the automatic matcher's ○ / △ scores (partial ≤ detected) */
  match: Thresholds;
  /** key locations tried after the naming conventions (core/findKey `patterns`) */
  keyPatterns: string[];
  runPatterns: string[];
  /** the project file's `keys.scenario` */
  scenario?: string;
  /** as the project file states them; undefined: the key's own rule, else ○ 1 / △ 0.5 / × 0 */
  ratings?: Partial<Record<Verdict, number>>;
  weights?: Record<string, number>;
  scale?: number;
}

/** What a host states explicitly; each one set wins over the project file. */
export interface SettingsOverrides {
  bonusCap?: number;
  bonusPoints?: number;
  penaltyPoints?: number;
  /** added before the project file's patterns */
  keyPatterns?: readonly string[];
  match?: Partial<Thresholds>;
}

export const DEFAULT_SETTINGS: EffectiveSettings = {
  rubric: { ...DEFAULT_RUBRIC },
  match: { ...DEFAULT_THRESHOLDS },
  keyPatterns: [],
  runPatterns: [],
  stability: { ...DEFAULT_ROUND_RULE.stability },
  recommendation: { ...DEFAULT_ROUND_RULE.recommendation },
  convergence: DEFAULT_ROUND_RULE.convergence,
};

const pick = <T>(...xs: (T | undefined)[]): T => xs.find((x) => x !== undefined) as T;

export function effectiveSettings(project: ProjectConfig | undefined, overrides: SettingsOverrides = {}): EffectiveSettings {
  const p = project ?? {};
  const d = DEFAULT_SETTINGS;
  const detected = pick(overrides.match?.detected, p.thresholds?.match?.detected, d.match.detected);
  const partial = pick(overrides.match?.partial, p.thresholds?.match?.partial, d.match.partial);
  const out: EffectiveSettings = {
    rubric: {
      bonusCap: pick(overrides.bonusCap, p.rubric?.bonus?.cap, d.rubric.bonusCap),
      bonusPoints: pick(overrides.bonusPoints, p.rubric?.bonus?.points, d.rubric.bonusPoints),
      penaltyPoints: pick(overrides.penaltyPoints, p.rubric?.penalty?.points, d.rubric.penaltyPoints),
    },
    match: { detected, partial: Math.min(partial, detected) },
    keyPatterns: [...new Set([...(overrides.keyPatterns ?? []), ...(p.keys?.patterns ?? [])])],
    runPatterns: [...(p.runs?.patterns ?? [])],
    stability: {
      high: pick(p.thresholds?.stability?.high, d.stability.high),
      medium: pick(p.thresholds?.stability?.medium, d.stability.medium),
    },
    recommendation: {
      clear: pick(p.thresholds?.recommendation?.clear, d.recommendation.clear),
      close: pick(p.thresholds?.recommendation?.close, d.recommendation.close),
    },
    convergence: pick(p.thresholds?.convergence, d.convergence),
  };
  if (p.keys?.scenario !== undefined) out.scenario = p.keys.scenario;
  if (p.rubric?.ratings !== undefined) out.ratings = { ...p.rubric.ratings };
  if (p.rubric?.weights !== undefined) out.weights = { ...p.rubric.weights };
  if (p.rubric?.scale !== undefined) out.scale = p.rubric.scale;
  return out;
}
