// Agreement between grading sources (core/agreement): exact kappa on a
// constructed case, the lean sentence, the most disputed problems, a pair
// with no overlap — on made-up graded runs written as mark strings — and the
// CLI on a made-up folder with tags and a judge report, and on the corpus.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { agreementJson, agreementReport, leanOf, type AgreementRun } from '../../src/core/agreement';
import type { GradedReview, ProblemGrade, Verdict } from '../../src/core/model';
import { writePerspective } from '../fixtures/dashboard/folder';

const FROM_MARK: Record<string, Verdict | undefined> = { '○': 'detected', '△': 'partial', '×': 'missed', '-': undefined };

/** A graded run from one mark string per source ('-' = that source gave no verdict for the problem). */
function run(keyPath: string, marks: { tag?: string; judge?: string; auto: string }): AgreementRun {
  const problems: ProblemGrade[] = [...marks.auto].map((m, i) => {
    const auto = FROM_MARK[m] as Verdict;
    const tag = marks.tag ? FROM_MARK[marks.tag[i]] : undefined;
    const judge = marks.judge ? FROM_MARK[marks.judge[i]] : undefined;
    const verdict = tag ?? judge ?? auto;
    return {
      id: `P0${i + 1}`,
      title: `Problem ${i + 1}`,
      verdict,
      credit: 0,
      source: tag ? 'tag' : judge ? 'judge' : 'auto',
      confidence: 0.5,
      auto: { verdict: auto, confidence: 0.5 },
      tag,
      judge,
      disagreement: false,
      evidence: [],
    };
  });
  return { graded: { keyPath, problems } as unknown as GradedReview };
}

const pair = (r: ReturnType<typeof agreementReport>, a: string, b: string) => {
  const p = r.pairs.find((x) => x.a === a && x.b === b);
  assert.ok(p, `${a}/${b}`);
  return p;
};

describe('agreementReport', () => {
  test('linear-weighted kappa of a constructed case is exactly 5/7', () => {
    // tags ○ ○ △ ×, judge ○ △ △ ×: observed 0.875, expected 0.5625 → (0.875 − 0.5625) / 0.4375
    const r = agreementReport([run('k.md', { tag: '○○△×', judge: '○△△×', auto: '××××' })]);
    const p = pair(r, 'tag', 'judge');
    assert.equal(p.n, 4);
    assert.ok(Math.abs((p.kappa ?? NaN) - 5 / 7) < 1e-12, String(p.kappa));
    assert.equal(p.exact, 0.75);
    assert.deepEqual(p.confusion, [
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    assert.equal(p.lean?.text, 'the judge gives △ where your tags say ○ in 1 of 2 cases');
    assert.equal(p.note, null);
  });

  test('the lean is the largest off-diagonal cell relative to its row', () => {
    // 14 of 20 (0.7) beats 1 of 2 (0.5) although row × is smaller
    const lean = leanOf(
      [
        [6, 14, 0],
        [0, 3, 0],
        [1, 0, 1],
      ],
      'tag',
      'judge',
    );
    assert.deepEqual(lean, {
      a: 'detected',
      b: 'partial',
      count: 14,
      of: 20,
      text: 'the judge gives △ where your tags say ○ in 14 of 20 cases',
    });
    assert.equal(
      leanOf(
        [
          [3, 0, 0],
          [0, 2, 0],
          [0, 0, 1],
        ],
        'judge',
        'auto',
      ),
      null,
      'no disagreement, no lean',
    );
    assert.equal(
      leanOf(
        [
          [0, 0, 0],
          [0, 0, 1],
          [0, 0, 0],
        ],
        'judge',
        'auto',
      )?.text,
      'the matcher gives × where the judge says △ in 1 of 1 case',
    );
  });

  test('a pair with no overlap says so, and why', () => {
    const none = agreementReport([run('k.md', { judge: '○△', auto: '○○' })]);
    const p = pair(none, 'tag', 'judge');
    assert.deepEqual([p.n, p.kappa, p.exact, p.lean, p.disputed], [0, null, null, null, []]);
    assert.equal(p.note, 'no overlap: no run carries grading tags');
    // tags in one run, the judge in another: both exist, never on the same problem
    const apart = agreementReport([run('k.md', { tag: '○○', auto: '○○' }), run('k.md', { judge: '○○', auto: '○○' })]);
    assert.equal(
      pair(apart, 'tag', 'judge').note,
      'no overlap: 1 run carries grading tags and 1 has judge verdicts, never on the same problem',
    );
    assert.equal(pair(apart, 'judge', 'auto').n, 2);
    assert.deepEqual(apart.sources, { tag: 1, judge: 1, auto: 2 });
  });

  test('most disputed problems: by disagreeing runs, with key and title; problems of two keys kept apart', () => {
    const r = agreementReport([
      run('a.md', { judge: '○○○', auto: '×△○' }),
      run('a.md', { judge: '○○○', auto: '○×○' }),
      run('b.md', { judge: '○○○', auto: '×○○' }),
    ]);
    assert.deepEqual(pair(r, 'judge', 'auto').disputed, [
      { problem: 'P02', key: 'a.md', title: 'Problem 2', runs: 2, of: 2 },
      // P01 of b.md (1 of 1) ranks above P01 of a.md (1 of 2): same count, larger share
      { problem: 'P01', key: 'b.md', title: 'Problem 1', runs: 1, of: 1 },
      { problem: 'P01', key: 'a.md', title: 'Problem 1', runs: 1, of: 2 },
    ]);
    assert.equal(agreementReport([run('a.md', { judge: '○○○', auto: '×××' })], { top: 2 }).pairs[2].disputed.length, 2);
  });

  test('JSON: "perspective" for one folder, "perspectives" for several; kappa rounded to 3 places', () => {
    const r = agreementReport([run('k.md', { tag: '○○△×', judge: '○△△×', auto: '○○△×' })]);
    const one = agreementJson(r, ['p']);
    assert.deepEqual(Object.keys(one), ['perspective', 'runs', 'sources', 'scale', 'pairs']);
    assert.deepEqual(Object.keys(one.pairs[0]), ['a', 'b', 'n', 'kappa', 'exact', 'confusion', 'lean', 'disputed', 'note']);
    assert.equal(one.pairs[0].kappa, 0.714);
    assert.deepEqual(pair(r, 'tag', 'auto').kappa, 1);
    assert.deepEqual(agreementJson(r, ['p', 'q']).perspectives, ['p', 'q']);
  });
});

// ------------------------------------------------------------------ the CLI

const MAIN = resolve('src/cli/main.ts');
const rg = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });

describe('review-grader agreement', () => {
  let tmp = '';
  let folder = '';
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rg-agreement-'));
    // tags: run 1 ○×7 then ×; run 2 ○×6 then × (folder.ts writes one tag per problem)
    folder = writePerspective(tmp, 'made-up', [{ round: 1, runs: { baseline: [7, 6] } }]);
    // a title with a terminal escape: it must reach stdout escaped
    const keyPath = join(folder, 'answer-key-round-001.md');
    writeFileSync(keyPath, readFileSync(keyPath, 'utf8').replace('The quorum ledger drifts', 'The quorum\x1b]0;owned\x07 ledger drifts'));
    const judge1 = ['△', '○', '○', '○', '○', '△', '△', '×', '×', '×'];
    const judge2 = ['○', '○', '○', '○', '○', '○', '×', '△', '×', '×'];
    const rows = judge1.map((m, i) => `| P${String(i + 1).padStart(2, '0')}: Item ${i + 1} | ${m} | ${judge2[i]} | |`);
    writeFileSync(
      join(folder, 'results', 'v001-baseline-scoring.md'),
      [
        '# Scoring Report: v001-baseline',
        '',
        '## Detection Matrix',
        '',
        '| Problem ID | Run1 | Run2 | Notes |',
        '|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('--format json: tags against the judge, exactly', () => {
    const r = rg('agreement', folder, '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.perspective, 'made-up');
    assert.deepEqual(out.sources, { tag: 2, judge: 2, auto: 2 });
    const p = out.pairs.find((x: { a: string; b: string }) => x.a === 'tag' && x.b === 'judge');
    assert.equal(p.n, 20);
    assert.deepEqual(p.confusion, [
      [10, 3, 0],
      [0, 0, 0],
      [0, 1, 6],
    ]);
    assert.equal(p.lean.text, 'the judge gives △ where your tags say ○ in 3 of 13 cases');
    assert.deepEqual(
      p.disputed.map((d: { problem: string; runs: number; of: number }) => [d.problem, d.runs, d.of]),
      [
        ['P01', 1, 2],
        ['P06', 1, 2],
        ['P07', 1, 2],
        ['P08', 1, 2],
      ],
    );
    assert.ok(p.kappa > 0 && p.kappa < 1, String(p.kappa));
    for (const q of out.pairs) assert.equal(q.n, 20);
  });

  test('text: compact, the escape in a title shown escaped; a results/ folder stands for its perspective', () => {
    const r = rg('agreement', join(folder, 'results'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Agreement · made-up · 2 runs \(tags in 2, judge in 2\)$/m);
    assert.match(r.stdout, /^tags vs judge: 20 verdicts graded by both · κ 0\.\d+ \(linear-weighted\) · 80% the same$/m);
    assert.match(r.stdout, /lean: the judge gives △ where your tags say ○ in 3 of 13 cases/);
    assert.match(r.stdout, /P01 The quorum\\u001b\]0;owned\\u0007 ledger drifts — made-up\/answer-key-round-001\.md: 1 of 2 runs/);
    assert.doesNotMatch(r.stdout, /[\x00-\x08\x1b\x7f]/);
  });

  test('bad usage exits 2 with a message naming the command', () => {
    const r = rg('agreement', join(tmp, 'nowhere'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^review-grader: agreement: .*nowhere: not a folder/);
    assert.match(rg('agreement', folder, '--format', 'xml').stderr, /--format must be text or json/);
  });

  const corpus = resolve('../shared/corpus/reliability-design');
  test('corpus smoke: judge vs auto on a corpus perspective has a kappa between 0 and 1', { skip: !existsSync(corpus) }, () => {
    const r = rg('agreement', corpus);
    assert.equal(r.status, 0, r.stderr);
    const m = /^judge vs auto: (\d+) verdicts graded by both · κ ([\d.]+) /m.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.ok(Number(m[1]) > 100);
    assert.ok(Number(m[2]) > 0 && Number(m[2]) < 1, m[2]);
    assert.match(r.stdout, /^tags vs judge: no overlap: no run carries grading tags$/m);
  });
});
