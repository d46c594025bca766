import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convergence, recommend, recommendRound, runScore, sd, stability, summarizeVariant } from '../../src/core/score';

test('run score: detection + capped bonus − uncapped penalty', () => {
  const s = runScore(['detected', 'partial', 'missed', 'detected'], 7, 3);
  assert.deepEqual(s, { detection: 2.5, bonus: 2.5, penalty: 1.5, total: 3.5, bonusCount: 7, penaltyCount: 3 });
  assert.equal(runScore(['detected'], 7, 0, { bonusPoints: 0.5, bonusCap: 10, penaltyPoints: 0.5 }).bonus, 3.5);
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

test('recommendation follows the mean-gap rule', () => {
  const base = summarizeVariant('baseline', [7, 7]);
  assert.equal(recommend(base, summarizeVariant('a', [8.5, 8.5])).rule, 'higher-mean');
  assert.equal(recommend(base, summarizeVariant('a', [8.5, 8.5])).winner, 'a');
  assert.equal(recommend(base, summarizeVariant('b', [5.5, 5.5])).winner, 'baseline');
  const mid = recommend(summarizeVariant('baseline', [6, 8]), summarizeVariant('c', [7.75, 7.75]));
  assert.equal(mid.rule, 'lower-sd');
  assert.equal(mid.winner, 'c');
  assert.equal(recommend(base, summarizeVariant('d', [7.25, 7.25])).rule, 'keep-baseline');
  const round = recommendRound(base, [summarizeVariant('d', [7.25, 7.25]), summarizeVariant('e', [9, 9]), summarizeVariant('f', [8.5, 8.5])]);
  assert.equal(round.winner, 'e');
  assert.equal(recommendRound(base, []).winner, 'baseline');
});

test('convergence: two rounds in a row improving by < 0.5', () => {
  assert.equal(convergence([6, 7, 7.2, 7.3]).converged, true);
  assert.equal(convergence([6, 7, 7.2, 8]).converged, false);
  assert.equal(convergence([6, 6.2]).converged, false);
});
