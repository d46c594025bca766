// The wording every view shares (src/extension/verdictText.ts, pure): a judge
// verdict shows the finding the judge cites, never the matcher's best guess;
// bare numeric labels get a title; bonus rows say whether they count. The
// words follow the UI language: English by default, Japanese with translator('ja').
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RUBRIC } from '../../src/core/score';
import type { BonusGrade, Evidence, GradedReview, ProblemGrade } from '../../src/core/model';
import { translator } from '../../src/core/i18n';
import {
  backingOf,
  bonusCounts,
  bonusStatus,
  bonusSummary,
  disagreementText,
  entryText,
  penaltySummary,
  problemTitle,
  stabilityWord,
} from '../../src/extension/verdictText';

const en = translator('en');
const ja = translator('ja');

const ev = (findingIndex: number, label: string, score: number): Evidence => ({
  findingIndex,
  label,
  line: 10 + findingIndex,
  score,
  excerpt: `finding ${label}`,
});

function grade(over: Partial<ProblemGrade>): ProblemGrade {
  return {
    id: 'P01',
    title: 'Retry storm',
    verdict: 'detected',
    credit: 1,
    source: 'auto',
    confidence: 0.8,
    auto: { verdict: 'detected', confidence: 0.8 },
    disagreement: false,
    evidence: [ev(0, 'C1', 0.5), ev(1, '2', 0.3)],
    ...over,
  };
}

const graded = (bonus: BonusGrade[] = [], extrasSource: GradedReview['extrasSource'] = 'auto'): GradedReview => ({
  review: {
    language: 'en',
    tags: [],
    diagnostics: [],
    findings: [0, 1].map((i) => ({
      label: i ? '2' : 'C1',
      title: i ? 'Timeouts are unbounded in the client' : 'Retries',
      heading: '',
      body: '',
      headingSpan: { start: { line: 10 + i, column: 1, offset: 0 }, end: { line: 10 + i, column: 1, offset: 0 } },
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
      index: i,
    })),
  },
  key: { language: 'en', problems: [], bonus: [], diagnostics: [] },
  problems: [],
  bonus,
  penalties: [],
  unmatched: [],
  score: { detection: 0, bonus: 0, penalty: 0, total: 0, bonusCount: bonus.length, penaltyCount: 0, rubric: DEFAULT_RUBRIC },
  extrasSource,
  diagnostics: [],
  gradingDiagnostics: [],
});

test("a judge verdict that cites no finding says so and offers the matcher's findings as candidates", () => {
  const p = grade({ source: 'judge', judge: 'detected' });
  const b = backingOf(p);
  assert.equal(b.kind, 'uncited');
  assert.deepEqual(b.kind === 'uncited' && b.candidates.map((e) => e.label), ['C1', '2']);
  // before: "detected · C1 (judge)", the matcher's candidate shown as the judge's evidence
  assert.equal(problemTitle(p, graded(), en), 'detected (judge) · judge: no finding cited');
});

test('a judge verdict shows the finding its report cites, even when the matcher ranks another first', () => {
  const p = grade({ source: 'judge', judge: 'partial', verdict: 'partial', judgeEvidence: ev(1, '2', 0.3), judgeCited: 'finding' });
  assert.equal(problemTitle(p, graded(), en), 'partial · 2 Timeouts are unbounded in t… (judge)');
  assert.equal(backingOf(grade({ source: 'judge', judgeCited: 'unresolved' })).kind, 'uncited');
});

test('a disputed miss has no evidence but keeps its candidates', () => {
  const p = grade({ source: 'judge', judge: 'missed', verdict: 'missed', disagreement: true });
  const b = backingOf(p);
  assert.equal(b.kind, 'none');
  assert.equal(b.kind === 'none' && b.candidates.length, 2);
  assert.equal(problemTitle(p, graded(), en), 'missed (judge) ≠ auto detected');
});

test('auto and tag verdicts keep their own evidence', () => {
  assert.equal(problemTitle(grade({}), graded(), en), 'detected · C1 (auto 0.80)');
  const tagged = grade({ source: 'tag', tag: 'detected', evidence: [{ ...ev(1, '2', 1), fromTag: true }, ev(0, 'C1', 0.5)] });
  assert.equal(backingOf(tagged).kind === 'evidence' && (backingOf(tagged) as { evidence: Evidence }).evidence.label, '2');
});

test("bonus rows show the core's `counts`, and say why one does not count", () => {
  const rows: BonusGrade[] = [1, 2, 3].map((i) => ({ id: `B0${i}`, findingIndex: 0, source: 'auto', text: '', counts: i < 3 }));
  const g = graded(rows);
  assert.deepEqual(bonusCounts(g), [true, true, false]);
  assert.equal(bonusStatus(rows[2], false, g, en), 'over the cap');
  const judged = graded(
    rows.map((r) => ({ ...r, counts: false })),
    'judge',
  );
  assert.deepEqual(bonusCounts(judged), [false, false, false]);
  assert.match(bonusStatus(rows[0], false, judged, en), /judge's count/);
});

test('lens titles in Japanese: 検出 / 部分検出 / 未検出, with the source and the backing in Japanese too', () => {
  assert.equal(problemTitle(grade({}), graded(), ja), '検出 · C1 (自動 0.80)');
  const judged = grade({ source: 'judge', judge: 'partial', verdict: 'partial', judgeEvidence: ev(1, '2', 0.3), judgeCited: 'finding' });
  assert.equal(problemTitle(judged, graded(), ja), '部分検出 · 2 Timeouts are unbounded in t… (ジャッジ)');
  const miss = grade({ source: 'judge', judge: 'missed', verdict: 'missed', disagreement: true });
  assert.equal(problemTitle(miss, graded(), ja), '未検出 (ジャッジ) ≠ 自動 検出');
  assert.equal(problemTitle(grade({ source: 'judge', judge: 'detected' }), graded(), ja), '検出 (ジャッジ) · ジャッジ: 指摘の引用なし');
  assert.equal(disagreementText(grade({ source: 'tag', tag: 'missed', verdict: 'missed', disagreement: true }), ja), '≠ 自動 検出');
});

test('scores, bonus rows and tags in Japanese; no English word left in them', () => {
  const s = { ...graded().score, bonus: 2.5, bonusCount: 7, penalty: 0.5, penaltyCount: 1 };
  assert.equal(bonusSummary(s, 5, ja), '+2.5 (ボーナス指摘 5 件) (上限 5 を超えた 2 件は対象外)');
  assert.equal(bonusSummary(s, 5, en), '+2.5 for 5 bonus finding(s) (2 more over the cap of 5)');
  assert.equal(penaltySummary(s, ja), '−0.5 (ペナルティ 1 件)');
  assert.equal(penaltySummary({ ...s, penaltyCount: 2 }, en), '−0.5 for 2 penalties');
  const rows: BonusGrade[] = [{ id: 'B01', findingIndex: 0, source: 'auto', text: '', counts: false }];
  assert.equal(bonusStatus(rows[0], false, graded(rows), ja), '上限超過');
  assert.equal(bonusStatus(rows[0], false, graded(rows, 'judge'), ja), '加点せず: ジャッジの件数を使用');
  assert.equal(entryText({ kind: 'bonus', id: 'B01' }, ja), 'ボーナス B01');
  assert.equal(entryText({ kind: 'penalty', reason: '範囲外' }, ja), 'ペナルティ: 範囲外');
  assert.equal(stabilityWord('high', ja), '高');
  for (const text of [bonusSummary(s, 5, ja), penaltySummary(s, ja), problemTitle(grade({}), graded(), ja)])
    assert.doesNotMatch(text, /\b(detected|partial|missed|auto|judge|bonus|penalt)/, text);
});
