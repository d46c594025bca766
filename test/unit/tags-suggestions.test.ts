// What the editor suggests writing: candidate problems of a finding, and the
// Accept All plan, which never silently overrules the judge (issue 7, item 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GradedReview, ProblemGrade, Verdict } from '../../src/core/model';
import { parseReview } from '../../src/core/review';
import { acceptAllPlan, candidatesFor, withDisputed } from '../../src/core/tags';

const REVIEW = parseReview(
  [
    '#### C1: Retry storm',
    'body',
    '#### C2: No idempotency key',
    '<!-- grade: P05 △ -->',
    'body',
    '#### C3: Unbounded queue',
    'body',
    '',
  ].join('\n'),
  'v001-baseline-run1.md',
);

function problem(
  id: string,
  auto: Verdict,
  top: number,
  opts: { judge?: Verdict; tag?: Verdict; more?: [number, number][] } = {},
): ProblemGrade {
  const evidence = [[top, 0.5] as [number, number], ...(opts.more ?? [])].map(([findingIndex, score]) => ({
    findingIndex,
    label: '',
    line: 1,
    score,
    excerpt: '',
  }));
  const verdict = opts.tag ?? opts.judge ?? auto;
  return {
    id,
    title: `${id} title`,
    verdict,
    credit: 0,
    source: opts.tag ? 'tag' : opts.judge ? 'judge' : 'auto',
    confidence: 1,
    auto: { verdict: auto, confidence: 1 },
    tag: opts.tag,
    judge: opts.judge,
    disagreement: false,
    evidence,
  };
}

function graded(problems: ProblemGrade[]): GradedReview {
  return { review: REVIEW, problems } as unknown as GradedReview;
}

test('Accept All sets apart the suggestions the judge rated △ or ×', () => {
  const plan = acceptAllPlan(
    graded([
      problem('P01', 'detected', 0), // nobody disputes
      problem('P02', 'detected', 2, { judge: 'partial' }), // the judge says △
      problem('P03', 'detected', 0, { judge: 'detected' }), // the judge agrees
      problem('P04', 'detected', 2, { judge: 'missed' }), // the judge says ×
      problem('P05', 'detected', 1), // C2 carries a human tag
      problem('P06', 'partial', 2), // not a ○ suggestion
    ]),
  );
  assert.deepEqual(
    [...plan.undisputed],
    [
      [
        0,
        [
          { kind: 'problem', id: 'P01', verdict: 'detected' },
          { kind: 'problem', id: 'P03', verdict: 'detected' },
        ],
      ],
    ],
  );
  assert.deepEqual(plan.disputed, [
    { findingIndex: 2, finding: 'C3', id: 'P02', judge: 'partial' },
    { findingIndex: 2, finding: 'C3', id: 'P04', judge: 'missed' },
  ]);
  const all = withDisputed(plan);
  assert.deepEqual(all.get(2), [
    { kind: 'problem', id: 'P02', verdict: 'detected' },
    { kind: 'problem', id: 'P04', verdict: 'detected' },
  ]);
  assert.equal(plan.undisputed.get(2), undefined, 'withDisputed does not change the plan');
});

test('a problem a human tagged anywhere is never in the plan', () => {
  const plan = acceptAllPlan(graded([problem('P01', 'detected', 0, { tag: 'missed', judge: 'partial' })]));
  assert.equal(plan.undisputed.size, 0);
  assert.equal(plan.disputed.length, 0);
});

test('candidatesFor: the top finding keeps the matcher verdict, others use the thresholds given', () => {
  const g = graded([problem('P01', 'partial', 0), problem('P02', 'detected', 2, { more: [[0, 0.3]] })]);
  const strict = candidatesFor(g, 0, { detected: 0.36, partial: 0.28 });
  assert.deepEqual(
    strict.map((c) => [c.id, c.verdict]),
    [
      ['P01', 'partial'],
      ['P02', 'partial'],
    ],
  );
  // the old extension code used its own defaults (0.4 / 0.35): P02 at 0.3 read as missed
  const loose = candidatesFor(g, 0, { detected: 0.4, partial: 0.35 });
  assert.deepEqual(
    loose.map((c) => [c.id, c.verdict]),
    [
      ['P01', 'partial'],
      ['P02', 'missed'],
    ],
  );
  assert.deepEqual(candidatesFor(g, 1, { detected: 0.36, partial: 0.28 }), []);
});
