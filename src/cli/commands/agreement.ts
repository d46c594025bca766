// `review-grader agreement FOLDER [--format text|json]`: how far each grading
// source can be trusted. The runs are found and graded as `dashboard` does
// (judge reports beside the runs, grading tags in them); the figures come
// from core/agreement. Control characters are escaped at the stream (cli/terminal).
import { dirname, relative, resolve } from 'node:path';
import { agreementJson, agreementReport, SOURCE_NAME, type PairAgreement } from '../../core/agreement';
import { MARK } from '../../core/model';
import { ORDER } from '../../core/match/metrics';
import { fmt } from '../../core/score';
import { parse } from '../args';
import { UsageError, warn } from '../io';
import { loadPerspective, perspectiveFolders } from './dashboard';
import { CACHE_OPTIONS, useCache } from '../cache';

export function runAgreement(args: string[]): number {
  const { values, positionals } = parse('agreement', args, { format: { type: 'string', default: 'text' }, ...CACHE_OPTIONS });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`agreement: --format must be text or json, got '${format}'`);
  if (positionals.length !== 1)
    throw new UsageError('agreement: give exactly one folder (a perspective folder, its results/, or the corpus root)');
  useCache(values);
  const dirs = perspectiveFolders(positionals[0], 'agreement');
  const inputs = dirs.map((dir) => loadPerspective(dir, { judge: true }, warn));
  const names = inputs.map((p) => p.name);
  const report = agreementReport(inputs.flatMap((p) => p.runs));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(agreementJson(report, names), null, 2)}\n`);
    return 0;
  }
  const lines = [`Agreement · ${names.join(', ')} · ${report.runs} runs (tags in ${report.sources.tag}, judge in ${report.sources.judge})`];
  // keys named from the folder holding the perspectives: 'reliability-design/answer-key-round-001.md'
  const base = dirname(resolve(dirs[0]));
  const keyName = (key: string | null) => (key === null ? 'key unknown' : relative(base, resolve(key)));
  for (const p of report.pairs) lines.push('', ...pairText(p, keyName));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function pairText(p: PairAgreement, keyName: (key: string | null) => string): string[] {
  const head = `${SOURCE_NAME[p.a]} vs ${SOURCE_NAME[p.b]}`;
  if (p.kappa === null || p.exact === null) return [`${head}: ${p.note ?? 'no overlap'}`];
  const out = [`${head}: ${p.n} verdicts graded by both · κ ${fmt(p.kappa)} (linear-weighted) · ${pct(p.exact)} the same`];
  // rows: the reference source (a), columns: the compared one (b)
  const corner = `${SOURCE_NAME[p.a]} \\ ${SOURCE_NAME[p.b]}`;
  const width = p.confusion.flat().reduce((w, c) => Math.max(w, String(c).length + 2), 5);
  const cells = (xs: string[]) => xs.map((x) => x.padStart(width)).join('');
  out.push(`  ${corner}${cells(ORDER.map((v) => MARK[v]))}`);
  ORDER.forEach((v, i) => out.push(`  ${MARK[v].padEnd(corner.length)}${cells(p.confusion[i].map(String))}`));
  out.push(`  lean: ${p.lean ? p.lean.text : 'none, they never disagree'}`);
  if (p.disputed.length) {
    out.push('  most disputed:');
    for (const d of p.disputed) out.push(`    ${d.problem} ${d.title} — ${keyName(d.key)}: ${d.runs} of ${d.of} runs`);
  }
  return out;
}
