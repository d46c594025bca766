// Accuracy benchmark of the automatic matcher against the judge's labels in
// ../shared/corpus/labels.json. Run from the repo root:
//   node --import tsx bench/accuracy.ts [--fit]
// Prints linear-weighted kappa, detection-subtotal MAE, the confusion matrix,
// figures per perspective and per language pairing, and leave-one-perspective-
// out (LOPO) figures for the two thresholds: fitted on three perspectives,
// tested on the fourth. The shipped defaults are fixed constants (verdict.ts);
// LOPO shows what fitting would buy and how well thresholds transfer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAnswerKey } from '../src/core/answerKey';
import { autoGrade } from '../src/core/match';
import { DEFAULT_THRESHOLDS, verdictFor, type Thresholds } from '../src/core/match/verdict';
import { accuracy, confusion, detectionMae, linearKappa, verdictOfMark } from '../src/core/match/metrics';
import type { AnswerKey, Review, Verdict } from '../src/core/model';
import { loadReviewParser } from './reviewLoader';

interface LabelRun {
  perspective: string;
  key: string;
  review: string;
  labels: Record<string, string>;
}

/** One graded run: the judge's verdicts and the matcher's best score per problem. */
export interface ScoredRun {
  perspective: string;
  pairing: string;
  truth: Verdict[];
  scores: number[];
  predicted: Verdict[];
}

export const CORPUS = resolve(process.cwd(), '../shared/corpus');

/** Grade every labelled run with the given thresholds; returns runs and timing. */
export async function scoreCorpus(thresholds: Thresholds = DEFAULT_THRESHOLDS, timingPasses = 3): Promise<{ runs: ScoredRun[]; ms: number }> {
  const parseReview = await loadReviewParser();
  const labels = JSON.parse(readFileSync(`${CORPUS}/labels.json`, 'utf8')) as LabelRun[];
  const keys = new Map<string, AnswerKey>();
  const inputs: { r: LabelRun; key: AnswerKey; review: Review }[] = [];
  for (const r of labels) {
    let key = keys.get(r.key);
    if (!key) keys.set(r.key, (key = parseAnswerKey(readFileSync(`${CORPUS}/${r.key}`, 'utf8'), r.key)));
    inputs.push({ r, key, review: parseReview(readFileSync(`${CORPUS}/${r.review}`, 'utf8'), r.review) });
  }
  // time the matcher alone: best of three passes over every run (the first warms the JIT)
  let ms = Infinity;
  for (let pass = 0; pass < timingPasses; pass++) {
    const start = performance.now();
    for (const { key, review } of inputs) autoGrade(key, review, thresholds);
    ms = Math.min(ms, performance.now() - start);
  }
  const runs: ScoredRun[] = [];
  for (const { r, key, review } of inputs) {
    const auto = autoGrade(key, review, thresholds);
    const run: ScoredRun = { perspective: r.perspective, pairing: `key ${key.language} / review ${review.language}`, truth: [], scores: [], predicted: [] };
    for (const p of auto.problems) {
      const truth = verdictOfMark(r.labels[p.id] ?? '');
      if (!truth) continue;
      run.truth.push(truth);
      run.scores.push(p.evidence[0]?.score ?? 0);
      run.predicted.push(p.verdict);
    }
    runs.push(run);
  }
  return { runs, ms };
}

export function figures(runs: ScoredRun[], predict?: (s: number) => Verdict) {
  const pairs = runs.flatMap((r) => r.truth.map((truth, i) => ({ truth, predicted: predict ? predict(r.scores[i]) : r.predicted[i] })));
  const perRun = runs.map((r) => ({ truth: r.truth, predicted: predict ? r.scores.map(predict) : r.predicted }));
  return { n: pairs.length, runs: runs.length, kappa: linearKappa(pairs), mae: detectionMae(perRun), accuracy: accuracy(pairs), confusion: confusion(pairs) };
}

/** Grid search of the two thresholds maximizing kappa (MAE breaks ties). */
export function fitThresholds(runs: ScoredRun[]): Thresholds {
  let best = { t: DEFAULT_THRESHOLDS, kappa: -Infinity, mae: Infinity };
  for (let d = 0.2; d <= 0.9001; d += 0.01) {
    for (let p = 0.1; p <= d + 1e-9; p += 0.01) {
      const t = { detected: d, partial: p };
      const f = figures(runs, (s) => verdictFor(s, t));
      if (f.kappa > best.kappa + 1e-9 || (Math.abs(f.kappa - best.kappa) <= 1e-9 && f.mae < best.mae)) best = { t, kappa: f.kappa, mae: f.mae };
    }
  }
  return { detected: round2(best.t.detected), partial: round2(best.t.partial) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const f3 = (x: number) => x.toFixed(3);

function line(name: string, f: ReturnType<typeof figures>): string {
  return `${name.padEnd(34)} verdicts ${String(f.n).padStart(4)}  runs ${String(f.runs).padStart(3)}  kappa ${f3(f.kappa)}  MAE ${f3(f.mae)}  exact ${f3(f.accuracy)}`;
}

function groupBy(runs: ScoredRun[], by: (r: ScoredRun) => string): Map<string, ScoredRun[]> {
  const m = new Map<string, ScoredRun[]>();
  for (const r of runs) m.set(by(r), [...(m.get(by(r)) ?? []), r]);
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b)));
}

async function main(): Promise<void> {
  const { runs, ms } = await scoreCorpus();
  const t = DEFAULT_THRESHOLDS;
  const all = figures(runs);
  console.log(`Review Grader matcher accuracy — ${runs.length} runs, thresholds detected ${t.detected} / partial ${t.partial} (fixed constants)`);
  console.log(`matcher time ${ms.toFixed(0)} ms for all runs, ${(ms / runs.length).toFixed(2)} ms per review (parsing excluded; key profiles cached per key)\n`);
  console.log(line('OVERALL', all));
  console.log('\nconfusion (rows = judge, columns = matcher)\n          ○     △     ×');
  all.confusion.forEach((row, i) => console.log(`  ${'○△×'[i]}  ${row.map((c) => String(c).padStart(5)).join(' ')}`));
  console.log('\nper perspective');
  for (const [g, rs] of groupBy(runs, (r) => r.perspective)) console.log(line(`  ${g}`, figures(rs)));
  console.log('\nper language pairing');
  for (const [g, rs] of groupBy(runs, (r) => r.pairing)) console.log(line(`  ${g}`, figures(rs)));

  console.log('\nleave-one-perspective-out: thresholds fitted on three perspectives, tested on the fourth');
  const held: { runs: ScoredRun[]; t: Thresholds }[] = [];
  for (const [g, test] of groupBy(runs, (r) => r.perspective)) {
    const fitted = fitThresholds(runs.filter((r) => r.perspective !== g));
    held.push({ runs: test, t: fitted });
    console.log(line(`  ${g} (d ${fitted.detected} p ${fitted.partial})`, figures(test, (s) => verdictFor(s, fitted))));
  }
  const pooled = held.flatMap((h) => h.runs.map((r) => ({ ...r, predicted: r.scores.map((s) => verdictFor(s, h.t)) })));
  console.log(line('  LOPO pooled', figures(pooled)));
  const fitAll = fitThresholds(runs);
  console.log(line(`  in-sample fit (d ${fitAll.detected} p ${fitAll.partial})`, figures(runs, (s) => verdictFor(s, fitAll))));
}

if (process.argv[1]?.endsWith('accuracy.ts')) void main();
