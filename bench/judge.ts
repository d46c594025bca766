// Judge-import benchmark: does the importer read a judge's own figures right?
// For every labelled run whose report is self-consistent — its stated
// detection equals the sum of its own verdicts, and its stated total equals
// detection + 0.5 × bonuses − 0.5 × penalties — compare the import's stated
// detection, bonus count and penalty count with the report's figures
// (labels.json). Also times the import of every report and of a generated
// 3 MB one (the import must stay linear).
//   node --import tsx bench/judge.ts
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseJudgeReport, type JudgeReport } from '../src/core/judge';
import { parseAnswerKey } from '../src/core/answerKey';
import { parseReview } from '../src/core/review';
import { gradeReview } from '../src/core/grade';
import type { AnswerKey } from '../src/core/model';
import { corpusPath, labels, type LabelRecord } from './corpus';

const EPS = 1e-6;
const same = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) < EPS;

function selfConsistent(r: LabelRecord): boolean {
  const { judge_stated_detection: d, judge_stated_total: t, bonus_count: b, penalty_count: p } = r;
  if (d === null || t === null || b === null || p === null) return false;
  return Math.abs(d - r.detection) < EPS && Math.abs(d + 0.5 * b - 0.5 * p - t) < EPS;
}

const records = labels();
const reports = new Map<string, JudgeReport>();
let parseMs = 0;
const reportOf = (r: LabelRecord): JudgeReport => {
  const ids = Object.keys(r.labels);
  const k = `${r.scoring}|${ids.join(',')}`;
  let report = reports.get(k);
  if (!report) {
    const text = readFileSync(corpusPath(r.scoring), 'utf8');
    const t0 = performance.now();
    report = parseJudgeReport(text, r.scoring, ids);
    parseMs += performance.now() - t0;
    reports.set(k, report);
  }
  return report;
};

// Mismatches checked by hand, where labels.json (not the import) is off.
const EXPLAINED: Record<string, string> = {
  'reliability-design/results/v004-baseline-scoring.md run 1':
    'the report states "Total Bonuses: 1 (+0.5)", "Total Penalties: 1 (-0.5)" and 6.0 + 0.5 - 0.5 = 6.0; labels.json doubles both counts (run 2 too)',
};
const fmt = (n: number | undefined) => (n === undefined ? '—' : String(n));
const mismatches: string[] = [];
let n = 0;
let m = 0;
for (const r of records) {
  if (!selfConsistent(r)) continue;
  m++;
  const run = reportOf(r).runs.find((x) => x.run === r.run);
  const got = [run?.statedDetection, run?.bonusCount, run?.penaltyCount];
  const want = [r.judge_stated_detection!, r.bonus_count!, r.penalty_count!];
  if (got.every((g, i) => same(g, want[i]))) n++;
  else {
    const why = EXPLAINED[`${r.scoring} run ${r.run}`];
    mismatches.push(
      `  ${r.scoring} run ${r.run}: read ${got.map(fmt).join('/')}, labels say ${want.join('/')} (detection/bonus/penalty)${why ? ` — ${why}` : ''}`,
    );
  }
}
console.log(`judge import: ${n} of ${m} self-consistent runs match (detection, bonus, penalty)`);
for (const line of mismatches) console.log(line);
console.log(`judge import: ${reports.size} reports parsed in ${parseMs.toFixed(0)} ms`);

// What the judge cites for its ○/△ verdicts, resolved against each review's findings.
const keys = new Map<string, AnswerKey>();
const cited = { finding: 0, none: 0, unresolved: 0 };
let sameAsMatcher = 0;
for (const r of records) {
  const key = keys.get(r.key) ?? parseAnswerKey(readFileSync(corpusPath(r.key), 'utf8'), r.key);
  keys.set(r.key, key);
  const judge = reportOf(r).runs.find((x) => x.run === r.run);
  const review = parseReview(readFileSync(corpusPath(r.review), 'utf8'), r.review);
  for (const p of gradeReview(key, review, { judge, autoOnly: true }).problems) {
    if (!p.judge || p.judge === 'missed' || !p.judgeCited) continue;
    cited[p.judgeCited]++;
    if (p.judgeEvidence && p.evidence[0]?.findingIndex === p.judgeEvidence.findingIndex) sameAsMatcher++;
  }
}
console.log(
  `judge citations (○/△ verdicts): ${cited.finding} cite a finding that resolves, ${cited.none} cite none, ` +
    `${cited.unresolved} cite one the review lacks; the matcher's best candidate is the cited finding in ${sameAsMatcher} of ${cited.finding}`,
);

// A 3 MB report: many run sections with repeated per-item bonus lines.
const parts: string[] = ['# Scoring report', ''];
for (let run = 1; parts.join('\n').length < 3_000_000 && run < 10_000; run++) {
  parts.push(`## Run ${(run % 9) + 1}`, '| Problem | Verdict |', '|---|---|');
  for (let p = 1; p <= 9; p++) parts.push(`| P0${p} | ${p % 3 ? '○' : '△'} |`);
  for (let b = 0; b < 40; b++) parts.push(`- Bonus: +0.5 (finding C${b} adds a valid point about retries)`);
  parts.push('- Penalty: -0.5 (one out-of-scope finding)', '- Detection: 8.0', '- Total: 8.0 + 2.5 - 0.5 = 10.0', '');
}
const big = parts.join('\n');
const t0 = performance.now();
parseJudgeReport(big, 'v001-big-scoring.md');
console.log(`judge import: generated ${(big.length / 1e6).toFixed(1)} MB report in ${(performance.now() - t0).toFixed(0)} ms`);
