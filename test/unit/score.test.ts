import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convergence, improvement, recommend, recommendRound, runScore, sd, stability, summarizeVariant } from '../../src/core/score';

test('run score: detection + capped bonus − uncapped penalty', () => {
  const s = runScore(['detected', 'partial', 'missed', 'detected'], 7, 3);
  assert.deepEqual(s, {
    detection: 2.5,
    bonus: 2.5,
    penalty: 1.5,
    total: 3.5,
    bonusCount: 7,
    penaltyCount: 3,
    detectionMax: 4,
    rubric: { bonusPoints: 0.5, bonusCap: 5, penaltyPoints: 0.5 },
  });
  const wide = runScore(['detected'], 7, 0, { bonusPoints: 0.5, bonusCap: 10, penaltyPoints: 0.5 });
  assert.equal(wide.bonus, 3.5);
  assert.equal(wide.rubric.bonusCap, 10); // the score carries the rubric it was computed with
});

test('SD is the population SD: two runs 1.5 apart have SD 0.75', () => {
  assert.equal(sd([6.5, 8]), 0.75);
  assert.equal(sd([7]), 0);
  assert.equal(summarizeVariant('v', [6.5, 8]).mean, 7.25);
});

test('stability bands: ≤ 0.5 high, ≤ 1.0 medium, else low', () => {
  assert.equal(stability(0.5), 'high');
  assert.equal(stability(0.75), 'medium');
  assert.equal(stability(1.0), 'medium');
  assert.equal(stability(1.25), 'low');
});

const v = (name: string, mean: number, sdValue: number) => ({
  variant: name,
  scores: [mean],
  mean,
  sd: sdValue,
  stability: stability(sdValue),
});

test('recommendation: gap > 1.0 adopts the variant; any gap below the baseline keeps it', () => {
  const base = summarizeVariant('baseline', [7, 7]);
  const up = recommend(base, summarizeVariant('a', [8.5, 8.5]));
  assert.deepEqual([up.winner, up.rule, up.gap], ['a', 'higher-mean', 1.5]);
  assert.match(up.reason, /^mean gap \+1\.5 \(a 8\.5 − baseline 7\) > 1\.0: the higher mean wins$/);
  // A variant 1.5 below: the old |gap| rule called this "higher mean"; the signed rule keeps the baseline.
  const down = recommend(base, summarizeVariant('b', [5.5, 5.5]));
  assert.deepEqual([down.winner, down.rule, down.gap], ['baseline', 'keep-baseline', -1.5]);
  assert.match(down.reason, /mean gap −1\.5 .* < 0\.5: keep the baseline \(a variant below the baseline is never adopted\)/);
  assert.equal(recommend(base, summarizeVariant('d', [7.25, 7.25])).rule, 'keep-baseline');
});

test('recommendation: a variant 0.5–1.0 BELOW the baseline with a lower SD is never adopted', () => {
  // baseline 7.5 ± 0.5, variant 6.75 ± 0.25: |gap| 0.75 and a lower SD adopted the worse prompt.
  const r = recommend(summarizeVariant('baseline', [7, 8]), summarizeVariant('worse', [6.5, 7]));
  assert.deepEqual([r.winner, r.rule, r.gap], ['baseline', 'keep-baseline', -0.75]);
  assert.match(r.reason, /−0\.75/);
});

test('recommendation: 0.5 ≤ gap ≤ 1.0 → the lower SD; equal SDs → the variant', () => {
  const lower = recommend(summarizeVariant('baseline', [6, 8]), summarizeVariant('c', [7.75, 7.75]));
  assert.deepEqual([lower.winner, lower.rule, lower.gap], ['c', 'lower-sd', 0.75]);
  assert.match(lower.reason, /mean gap \+0\.75 .* is within 0\.5–1\.0: c has the lower SD \(0 vs 1\)/);
  const baseLower = recommend(summarizeVariant('baseline', [7, 7]), summarizeVariant('c', [7, 8]));
  assert.deepEqual([baseLower.winner, baseLower.rule], ['baseline', 'lower-sd']);
  // Equal SDs (both 0.5): the variant, with the higher mean; the old code kept the baseline here.
  const equal = recommend(summarizeVariant('baseline', [6, 7]), summarizeVariant('e', [6.75, 7.75]));
  assert.deepEqual([equal.winner, equal.rule, equal.gap], ['e', 'lower-sd', 0.75]);
  assert.match(equal.reason, /the SDs are equal \(0\.5\), so the higher mean: e/);
});

test('recommendation: the boundaries 0.5 and 1.0 are exact, whatever the float', () => {
  // 7.6 − 7.1 = 0.4999…91 and 8.3 − 7.3 = 1.0000…09 in floating point.
  const half = recommend(v('baseline', 7.1, 0.5), v('h', 7.6, 0.25));
  assert.deepEqual([half.winner, half.rule, half.gap], ['h', 'lower-sd', 0.5]);
  const one = recommend(v('baseline', 7.3, 0), v('o', 8.3, 0.5));
  assert.deepEqual([one.winner, one.rule, one.gap], ['baseline', 'lower-sd', 1]);
  const justOver = recommend(v('baseline', 7.3, 0), v('o', 8.31, 0.5));
  assert.deepEqual([justOver.winner, justOver.rule], ['o', 'higher-mean']);
  const justUnder = recommend(v('baseline', 7.1, 0.5), v('h', 7.59, 0));
  assert.deepEqual([justUnder.winner, justUnder.rule], ['baseline', 'keep-baseline']);
  // the same through summarizeVariant's rounding of means (7.6 = (7.1 + 8.1) / 2)
  assert.equal(recommend(summarizeVariant('baseline', [7, 7.2]), summarizeVariant('x', [7.1, 8.1])).gap, 0.5);
});

test('several variants: the highest mean among those adopted; challengers below never win', () => {
  const base = summarizeVariant('baseline', [7, 7]);
  const round = recommendRound(base, [
    summarizeVariant('d', [7.25, 7.25]),
    summarizeVariant('e', [9, 9]),
    summarizeVariant('f', [8.5, 8.5]),
  ]);
  assert.deepEqual([round.winner, round.gap], ['e', 2]);
  assert.match(round.reason, /of 2 variants the rule adopts \(e 9, f 8\.5\), the highest mean wins/);
  // f is adopted on SD (gap 0.75), g has the higher mean but a larger SD and is not adopted: f wins.
  const sdOnly = recommendRound(summarizeVariant('baseline', [6.5, 7.5]), [
    summarizeVariant('g', [7, 9]),
    summarizeVariant('f', [7.75, 7.75]),
  ]);
  assert.equal(sdOnly.winner, 'f');
  // none adopted: keep the baseline, explained with the strongest challenger's signed gap
  const none = recommendRound(base, [summarizeVariant('p', [6, 6]), summarizeVariant('q', [6.5, 6.5])]);
  assert.deepEqual([none.winner, none.gap], ['baseline', -0.5]);
  assert.match(none.reason, /mean gap −0\.5 \(q 6\.5 − baseline 7\).*none of the 2 variants qualifies/);
  assert.equal(recommendRound(base, []).winner, 'baseline');
});

test('several variants: a tie on the mean is stated, broken by the lower SD, never silently by name', () => {
  const base = summarizeVariant('baseline', [6, 6]);
  const bySd = recommendRound(base, [summarizeVariant('b', [7.5, 8.5]), summarizeVariant('a', [8, 8])]);
  assert.equal(bySd.winner, 'a');
  assert.deepEqual(bySd.tied, ['b', 'a']);
  assert.match(bySd.reason, /b and a tie on the highest mean \(8\); a has the lower SD \(0\)/);
  const both = recommendRound(base, [summarizeVariant('z', [8, 8]), summarizeVariant('a', [8, 8])]);
  assert.equal(both.winner, 'z'); // the given order, not the name, and the reason says to choose
  assert.match(both.reason, /z and a tie on the highest mean \(8\) and on SD \(0\): the rubric cannot separate them, choose by hand/);
});

test("improvement: the recommended mean − this round's baseline mean, 0 when the baseline is kept", () => {
  const base = summarizeVariant('baseline', [7, 7]);
  const vs = [summarizeVariant('a', [8.5, 8.5]), summarizeVariant('b', [6, 6])];
  assert.equal(improvement(base, recommendRound(base, vs), vs), 1.5);
  const worse = [summarizeVariant('b', [6, 6])];
  assert.equal(improvement(base, recommendRound(base, worse), worse), 0);
});

test('convergence: two rounds in a row with an improvement < 0.5', () => {
  assert.equal(convergence([1.5, 0.25, 0]).converged, true);
  assert.equal(convergence([0, 0.5]).converged, false); // 0.5 is not < 0.5
  assert.equal(convergence([0.25, 0.49, 1]).converged, false);
  assert.equal(convergence([0.2]).converged, false);
  // a round with no call (no baseline) breaks the run of two
  assert.equal(convergence([0, undefined, 0]).converged, false);
  assert.deepEqual(convergence([0.1 + 0.2, undefined]).improvements, [0.3, undefined]);
});

test("a project file's round thresholds are the rule: stability, recommendation gaps and convergence", () => {
  const rule = { stability: { high: 0.2, medium: 0.4 }, recommendation: { clear: 2, close: 1 }, convergence: 1 };
  assert.equal(stability(0.3), 'high');
  assert.equal(stability(0.3, rule), 'medium');
  assert.equal(stability(0.5, rule), 'low');
  const base = summarizeVariant('v001-baseline', [7, 7], rule);
  const better = summarizeVariant('v001-variant', [8.5, 8.5], rule); // +1.5: clear by default, close under this rule
  assert.equal(recommend(base, better).rule, 'higher-mean');
  const r = recommend(base, better, rule);
  assert.equal(r.rule, 'lower-sd');
  assert.match(r.reason, /within 1\.0–2\.0/);
  const small = summarizeVariant('v001-small', [7.8, 7.8], rule); // +0.8: below this rule's close
  assert.equal(recommendRound(base, [small], rule).rule, 'keep-baseline');
  assert.match(recommendRound(base, [small], rule).reason, /< 1\.0: keep the baseline/);
  assert.equal(convergence([0.8, 0.9]).converged, false);
  assert.equal(convergence([0.8, 0.9], rule).converged, true);
});
