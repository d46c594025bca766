// How well the verdicts would transfer to a perspective the vocabulary was not
// written for. Leave-one-perspective-out (bench/accuracy.ts) holds out the
// thresholds, but not the hand-written vocabulary (src/core/match/vocabulary.ts):
// it was written with all four corpus perspectives in view, so held-out kappa
// over-predicted the perspectives outside the corpus (0.539 against 0.435 when
// both were measured). This bench also holds the vocabulary out, as far as it
// can without refitting: for the held-out perspective it removes every concept
// its keys use that no other perspective's keys use, from the key's profiles
// and from the findings alike, so those words count only as what they are
// without the vocabulary (English stems, kanji bigrams, katakana) and no longer
// bridge languages. Concepts the perspectives share stay, so this is still an
// optimistic estimate, but a closer one. Run from the repo root:
//   node --import tsx bench/transfer.ts
import { contrastScores, findingCoverage, indexKey, indexReview, titleWeights } from '../src/core/match';
import { coversClauses, type Profile } from '../src/core/match/relevance';
import type { FeatureBag } from '../src/core/match/weights';
import { verdictFor } from '../src/core/match/verdict';
import { capped, figures, fitThresholds, scoreCorpus, type ScoredRun } from './accuracy';

/** Every concept feature (c:…) a profile uses: its weights, lists of alternatives and AND clauses. */
function conceptsOf(p: Profile, into: Set<string>): void {
  for (const f of p.weights.keys()) if (f.startsWith('c:')) into.add(f);
  for (const g of p.groups ?? []) for (const item of g.items) for (const f of item.keys()) if (f.startsWith('c:')) into.add(f);
  for (const c of p.clauses ?? []) conceptsOf(c, into);
}

const without = <V>(m: Map<string, V>, drop: Set<string>) => new Map([...m].filter(([f]) => !drop.has(f)));

/** The profile as the vocabulary without `drop` would have made it (its cached denominators recomputed). */
function stripped(p: Profile, drop: Set<string>): Profile {
  const groups = (p.groups ?? []).map((g) => ({ items: g.items.map((i) => without(i, drop)).filter((i) => i.size > 0) }));
  const { mass: _cached, ...rest } = p; // the denominators are recomputed for the stripped features
  return {
    ...rest,
    weights: without(p.weights, drop),
    clauses: p.clauses?.map((c) => stripped(c, drop)),
    groups: groups.filter((g) => g.items.length > 0),
  };
}

/** A run's best score per labelled problem, and whether its best finding meets the AND clauses, with `drop` unknown. */
function blindScores(run: ScoredRun, drop: Set<string>): Pick<ScoredRun, 'scores' | 'clausesMet'> {
  const ki = indexKey(run.key);
  const ri = indexReview(run.review, ki);
  const profiles = ki.problems.map((p) => stripped(p, drop));
  const eligible = run.review.findings.filter((f) => !f.positive);
  const bags: FeatureBag[] = eligible.map((f) => without(ri.findings[f.index], drop));
  const heads = eligible.map((f) => without(ri.headings[f.index], drop));
  // the evidence autoGrade weighs: whole-finding coverage and the heading's naming of the title (heading.ts)
  const raw = profiles.map((p, pi) => {
    const title = without(titleWeights(ki.problems[pi], run.key.problems[pi].title), drop);
    return bags.map((b, at) => findingCoverage(p, b, heads[at], ri, title));
  });
  const ranked = contrastScores(raw);
  const scores: number[] = [];
  const clausesMet: boolean[] = [];
  for (const pi of run.problems) {
    const top = ranked[pi][0];
    scores.push(top?.score ?? 0);
    clausesMet.push(!top || coversClauses(profiles[pi], bags[top.at], ri));
  }
  return { scores, clausesMet };
}

function line(name: string, f: ReturnType<typeof figures>): string {
  const f3 = (x: number) => x.toFixed(3);
  return `${name.padEnd(34)} runs ${String(f.runs).padStart(3)}  kappa ${f3(f.kappa)}  MAE ${f3(f.mae)}  bias ${(f.bias >= 0 ? '+' : '') + f3(f.bias)}`;
}

async function main(): Promise<void> {
  const { runs } = await scoreCorpus(undefined, 1);
  const perspectives = [...new Set(runs.map((r) => r.perspective))].sort();
  const concepts = new Map(perspectives.map((p) => [p, new Set<string>()]));
  for (const r of runs) for (const p of indexKey(r.key).problems) conceptsOf(p, concepts.get(r.perspective)!);
  console.log('leave-one-perspective-out with the vocabulary held out too: thresholds fitted on three perspectives, and the');
  console.log("held-out perspective's own concepts (used by its keys, by no other perspective's) unknown to the matcher\n");
  const usual: ScoredRun[] = [];
  const blind: ScoredRun[] = [];
  for (const g of perspectives) {
    const others = new Set(perspectives.filter((p) => p !== g).flatMap((p) => [...concepts.get(p)!]));
    const own = new Set([...concepts.get(g)!].filter((c) => !others.has(c)));
    const t = fitThresholds(runs.filter((r) => r.perspective !== g));
    const predict = (r: ScoredRun): ScoredRun => ({ ...r, predicted: r.scores.map((s, i) => capped(verdictFor(s, t), r.clausesMet[i])) });
    const test = runs.filter((r) => r.perspective === g);
    const held = test.map(predict);
    const unknown = test.map((r) => predict({ ...r, ...blindScores(r, own) }));
    usual.push(...held);
    blind.push(...unknown);
    console.log(`  ${g}: ${own.size} of its ${concepts.get(g)!.size} concepts are its own (d ${t.detected} p ${t.partial})`);
    console.log(line('    held out (as bench/accuracy.ts)', figures(held)));
    console.log(line('    held out, own concepts unknown', figures(unknown)));
  }
  console.log(line('  pooled, held out', figures(usual)));
  console.log(line('  pooled, own concepts unknown', figures(blind)));
  for (const pairing of [...new Set(runs.map((r) => r.pairing))].sort())
    console.log(line(`  ${pairing}, own concepts unknown`, figures(blind.filter((r) => r.pairing === pairing))));
  // the other extreme: no vocabulary at all (what identifiers, stems, bigrams and katakana do alone)
  const all = new Set(perspectives.flatMap((p) => [...concepts.get(p)!]));
  const none: ScoredRun[] = [];
  for (const g of perspectives) {
    const t = fitThresholds(runs.filter((r) => r.perspective !== g));
    for (const r of runs.filter((x) => x.perspective === g)) {
      const b = { ...r, ...blindScores(r, all) };
      none.push({ ...b, predicted: b.scores.map((s, i) => capped(verdictFor(s, t), b.clausesMet[i])) });
    }
  }
  console.log(line('  pooled, no concepts at all', figures(none)));
  for (const pairing of [...new Set(runs.map((r) => r.pairing))].sort())
    console.log(line(`  ${pairing}, no concepts`, figures(none.filter((r) => r.pairing === pairing))));
}

if (process.argv[1]?.endsWith('transfer.ts')) void main();
