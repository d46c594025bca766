// Every key shape wired into grading and the views: the key's own detection
// rule (ratings, weights, '/ max × 10'), one scenario of a rubric by its
// '#T01' link, generic criteria said where they apply, and tags that name
// the ids these keys use. Fixtures: test/fixtures/keyShapes (made up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { gradeReview } from '../../src/core/grade';
import { parseTagBody } from '../../src/core/tags/syntax';
import { renderScoringReport } from '../../src/core/report';
import { buildPerspective, dashboardJson, driveSync, gatherRuns, runFilesOf } from '../../src/core/dashboard';
import { runScore, detectionRuleText } from '../../src/core/score';
import { loadKey } from '../../src/cli/inputs';

const DIR = 'test/fixtures/keyShapes';
const read = (p: string) => readFileSync(`${DIR}/${p}`, 'utf8');
const RUBRIC = read('scenario/rubric.md');
const TABLE = read('table/answer-key.md');

const review = (text: string, path = 'r.md') => parseReview(text, path);

test('a classic key keeps ○ 1 / △ 0.5 / × 0 summed and states no rule of its own', () => {
  const key = parseAnswerKey('# Key\n\n### P01: A\n- ○: a\n- △: b\n- ×: c\n\n### P02: B\n- ○: a\n- △: b\n- ×: c\n', 'k.md');
  const g = gradeReview(key, review('# R\n\n### 1. x\n<!-- grade: P01 △ -->\n'));
  assert.equal(g.score.detection, 0.5);
  assert.equal(g.score.detectionMax, 2);
  assert.equal(g.score.detectionRule, undefined);
  assert.equal(detectionRuleText(g.score), undefined);
  assert.deepEqual(runScore(['detected', 'partial'], 0, 0), {
    ...runScore(['detected', 'partial'], 0, 0),
    detection: 1.5,
    detectionMax: 2,
  });
});

test('a weighted scenario is scored by its rule: Σ(rating × weight) / max × 10', () => {
  const key = parseAnswerKey(RUBRIC, 'rubric.md', 'T01');
  assert.equal(key.scenario?.id, 'T01');
  // T01-C1 (weight 2) ○, T01-C2 (weight 1) △, T01-C3 ×: (2×2 + 1×1) / 8 × 10 = 6.25 (the classic sum would be 1.5)
  const g = gradeReview(key, review('# R\n\n### F-1: a\n<!-- grade: T01-C1 ○, T01-C2 △ -->\n'));
  assert.equal(g.score.detection, 6.25);
  assert.equal(g.score.detectionMax, 10);
  assert.equal(g.score.total, 6.25);
  assert.match(g.score.detectionRule ?? '', /○ 2, △ 1, × 0 × the item’s weight, summed, \/ max \(8\) × 10/);
  assert.match(detectionRuleText(g.score) ?? '', /^detection by the key's rule: .*; at most 10$/);
  // each item's credit is its share under the same rule, so the JSON's credits add up to the subtotal
  assert.deepEqual(
    g.problems.map((p) => p.credit),
    [5, 1.25, 0],
  );
});

test('the #T02 fragment of a path picks that scenario, its bank refs intact', () => {
  const key = parseAnswerKey(RUBRIC, 'rubric.md#T02');
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['AK-T02-01', 'AK-T02-02'],
  );
  const g = gradeReview(key, review('# R\n\n### F-1: a\n<!-- grade: AK-T02-01 ○ -->\n'));
  assert.equal(g.score.detection, 6.67); // 2×1 / 3 × 10
});

test('tags name any item id a key uses (Q1, T01-C1, AK-T02-01), P-ids as before', () => {
  assert.deepEqual(parseTagBody('P1 ○, Q1 △, T01-C1 ×, ak-t02-01 o, bonus B01, penalty: off').entries, [
    { kind: 'problem', id: 'P01', verdict: 'detected' },
    { kind: 'problem', id: 'Q1', verdict: 'partial' },
    { kind: 'problem', id: 'T01-C1', verdict: 'missed' },
    { kind: 'problem', id: 'AK-T02-01', verdict: 'detected' },
    { kind: 'bonus', id: 'B01' },
    { kind: 'penalty', reason: 'off' },
  ]);
  assert.equal(parseTagBody('B1 ○').entries.length, 0); // a bonus id is not an item
});

test('a tag counts for a table key item, and P01 names a table key’s P1', () => {
  const key = parseAnswerKey(TABLE, 'answer-key.md');
  const g = gradeReview(key, review('# R\n\n### C-1: x\n<!-- grade: L1 △ -->\n'));
  assert.equal(g.problems.find((p) => p.id === 'L1')?.source, 'tag');
  assert.equal(g.gradingDiagnostics.length, 0);
  const p1 = parseAnswerKey(
    '# Answer Key\n\n| ID | Section | Problematic text | Why it is a problem |\n|----|----|----|----|\n| P1 | §1 | "slow" | no target |\n| P2 | §2 | "big" | no size |\n',
    'k.md',
  );
  assert.deepEqual(
    p1.problems.map((p) => p.id),
    ['P1', 'P2'],
  );
  const tagged = gradeReview(p1, review('# R\n\n### C-1: x\n<!-- grade: P01 ○ -->\n'));
  assert.equal(tagged.problems[0].verdict, 'detected');
  assert.equal(tagged.gradingDiagnostics.length, 0);
});

test('report: the key’s rule and the generic-criteria note in the header; the cap the score carries', () => {
  const key = parseAnswerKey(RUBRIC, 'rubric.md#T01');
  const g = gradeReview(key, review('# R\n\n### F-1: a\n', 'v001-base-run1.md'), {
    rubric: { bonusPoints: 0.5, bonusCap: 3, penaltyPoints: 0.5 },
  });
  const md = renderScoringReport([g]);
  assert.match(md, /Graded by review-grader: detection by the key's rule: ○ 2, △ 1, × 0 × the item’s weight/);
  assert.match(md, /at most 3\)/);
  assert.match(md, /- T01-C1 [○△×] \(\d × weight 2\)/); // each item's points under the rule, not the classic credit
  const table = gradeReview(parseAnswerKey(TABLE, 'answer-key.md'), review('# R\n', 'v001-base-run1.md'));
  const t = renderScoringReport([table]);
  assert.match(t, /○ detected 1, △ partial 0\.5, × missed 0/);
  assert.match(t, /generic ○\/△\/× definitions apply/);
});

test('dashboard gather: each run reads the scenario its link names; JSON states the rule', () => {
  const files = runFilesOf(
    ['scenario/results/v001-baseline-run1.md', 'scenario/results/v001-baseline-run2.md', 'scenario/results/v002-baseline-run1.md'].map(
      (p) => `${DIR}/${p}`,
    ),
  );
  const reads: string[] = [];
  const runs = driveSync(
    gatherRuns(files, { judge: false }, (l) => assert.fail(l)),
    (p) => {
      reads.push(p);
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  );
  assert.deepEqual(
    runs.map((r) => r.graded.key.scenario?.id),
    ['T01', 'T01', 'T02'],
  );
  assert.equal(reads.filter((p) => p.endsWith('rubric.md')).length, 1, 'the rubric is read once for both scenarios');
  const json = dashboardJson(buildPerspective({ name: 'scenario', runs }));
  assert.deepEqual(
    json.rounds.map((r) => r.key),
    [`${DIR}/scenario/rubric.md#T01`, `${DIR}/scenario/rubric.md#T02`],
  );
  assert.deepEqual(
    json.rounds.map((r) => r.detectionMax),
    [10, 10],
  );
  assert.match(json.rounds[0].detectionRule ?? '', /× the item’s weight/);
});

test('CLI loadKey reads one scenario from rubric.md#T02 (and caches scenarios apart)', () => {
  const t2 = loadKey(`${DIR}/scenario/rubric.md#T02`);
  const t1 = loadKey(`${DIR}/scenario/rubric.md`, 'T01');
  assert.equal(t2.path, `${DIR}/scenario/rubric.md`);
  assert.equal(t2.value.scenario?.id, 'T02');
  assert.equal(t1.value.scenario?.id, 'T01');
});
