// The detection subtotal under the key's own rule: classic keys keep ○ 1,
// △ 0.5, × 0 summed; a key that states ratings, weights or a normalisation
// ('Σ(rating × weight) / max × 10') is scored that way, and the rule used
// is said in words so every view can show it.
import { CREDIT, type AnswerKey, type Verdict } from '../model';

export type Verdicts =
  ReadonlyMap<string, Verdict> | Readonly<Record<string, Verdict | undefined>> | readonly { id: string; verdict: Verdict }[];

export interface Subtotal {
  value: number;
  /** the most the key's items can earn under the rule (before any scaling) */
  max: number;
  /** the rule in words, e.g. '○ 1, △ 0.5, × 0, summed' */
  rule: string;
}

function lookup(verdicts: Verdicts): (id: string) => Verdict | undefined {
  if (verdicts instanceof Map) return (id) => verdicts.get(id);
  if (Array.isArray(verdicts)) {
    const m = new Map<string, Verdict>();
    for (const v of verdicts as readonly { id: string; verdict: Verdict }[]) m.set(v.id, v.verdict);
    return (id) => m.get(id);
  }
  return (id) => (verdicts as Readonly<Record<string, Verdict | undefined>>)[id];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const num = (x: number) => String(round(x));

/** Subtotal of the key's items; an item without a verdict counts as missed. */
export function detectionSubtotal(key: AnswerKey, verdicts: Verdicts): Subtotal {
  const verdictOf = lookup(verdicts);
  const s = key.scoring;
  if (!s) {
    let value = 0;
    for (const p of key.problems) value += CREDIT[verdictOf(p.id) ?? 'missed'];
    return { value: round(value), max: key.problems.length, rule: '○ 1, △ 0.5, × 0, summed' };
  }
  let raw = 0;
  let max = 0;
  for (const p of key.problems) {
    const w = s.weighted ? (p.weight ?? 1) : 1;
    raw += s.ratings[verdictOf(p.id) ?? 'missed'] * w;
    max += s.ratings.detected * w;
  }
  const marks = `○ ${num(s.ratings.detected)}, △ ${num(s.ratings.partial)}, × ${num(s.ratings.missed)}`;
  const weights = s.weighted ? ' × the item’s weight' : '';
  const scaled = s.scale !== undefined && max > 0;
  const rule = `${marks}${weights}, summed${scaled ? `, / max (${num(max)}) × ${num(s.scale!)}` : ''}${s.text ? ` (as the key states: ${s.text})` : ''}`;
  return { value: round(scaled ? (raw / max) * s.scale! : raw), max: round(max), rule };
}

/**
 * Each item's share of the detection subtotal under the key's rule, so the
 * shares sum to `detectionSubtotal(...).value` (classic keys: ○ 1, △ 0.5, × 0).
 */
export function itemCredits(key: AnswerKey): (problem: { weight?: number }, verdict: Verdict) => number {
  const s = key.scoring;
  if (!s) return (_p, verdict) => CREDIT[verdict];
  const weightOf = (p: { weight?: number }) => (s.weighted ? (p.weight ?? 1) : 1);
  let max = 0;
  for (const p of key.problems) max += s.ratings.detected * weightOf(p);
  const scaled = s.scale !== undefined && max > 0;
  return (p, verdict) => {
    const raw = s.ratings[verdict] * weightOf(p);
    return round(scaled ? (raw / max) * s.scale! : raw);
  };
}
