// Agreement metrics between automatic and reference verdicts on the ordered
// scale ○ = 1, △ = 0.5, × = 0. Pure; shared by the benchmark and any report.
import type { Verdict } from '../model';
import { CREDIT } from '../model';

export const ORDER: Verdict[] = ['detected', 'partial', 'missed'];

/** 3×3 counts: rows = reference (judge), columns = predicted; order ○ △ ×. */
export function confusion(pairs: { truth: Verdict; predicted: Verdict }[]): number[][] {
  const m = ORDER.map(() => ORDER.map(() => 0));
  for (const p of pairs) m[ORDER.indexOf(p.truth)][ORDER.indexOf(p.predicted)]++;
  return m;
}

/** Linear-weighted Cohen's kappa over the three ordered categories (agreement weight 1 − |i − j| / 2). */
export function linearKappa(pairs: { truth: Verdict; predicted: Verdict }[]): number {
  const m = confusion(pairs);
  const n = pairs.length;
  if (n === 0) return 0;
  const k = ORDER.length;
  const rows = m.map((r) => r.reduce((a, b) => a + b, 0) / n);
  const cols = ORDER.map((_, j) => m.reduce((a, r) => a + r[j], 0) / n);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = 1 - Math.abs(i - j) / (k - 1);
      observed += (w * m[i][j]) / n;
      expected += w * rows[i] * cols[j];
    }
  }
  return expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
}

/** Mean absolute error of per-run detection subtotals (sum of credits). */
export function detectionMae(runs: { truth: Verdict[]; predicted: Verdict[] }[]): number {
  if (runs.length === 0) return 0;
  const credit = (vs: Verdict[]) => vs.reduce((a, v) => a + CREDIT[v], 0);
  return runs.reduce((a, r) => a + Math.abs(credit(r.truth) - credit(r.predicted)), 0) / runs.length;
}

/** Exact agreement share. */
export function accuracy(pairs: { truth: Verdict; predicted: Verdict }[]): number {
  return pairs.length ? pairs.filter((p) => p.truth === p.predicted).length / pairs.length : 0;
}

/** Parse a rubric mark (○ △ ×, or ASCII spellings) into a verdict: core/text's one table. */
export { parseVerdict as verdictOfMark } from '../text';
