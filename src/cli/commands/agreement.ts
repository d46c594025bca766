// `review-grader agreement FOLDER [--format text|json]`: how far each grading
// source can be trusted. The runs are found and graded as `dashboard` does
// (judge reports beside the runs, grading tags in them); the figures come
// from core/agreement. Control characters are escaped at the stream (cli/terminal).
// The text follows --lang; the JSON is the same in every language.
import { dirname, relative, resolve } from 'node:path';
import { agreementJson, agreementReport, leanWords, type PairAgreement } from '../../core/agreement';
import { MARK, type VerdictSource } from '../../core/model';
import type { Translate } from '../../core/i18n';
import { ORDER } from '../../core/match/metrics';
import { fmt } from '../../core/score';
import { formatOf, parse } from '../args';
import { UsageError, warn } from '../io';
import { pad, width } from '../format/width';
import { cliLanguage, cliTranslator, t } from '../locale';
import { loadPerspective, perspectiveFolders } from './dashboard';
import { CACHE_OPTIONS, useCache } from '../cache';

export function runAgreement(args: string[]): number {
  const { values, positionals } = parse('agreement', args, { format: { type: 'string', default: 'text' }, ...CACHE_OPTIONS });
  const format = formatOf('agreement', values.format, ['text', 'json']);
  if (positionals.length !== 1)
    throw new UsageError(`agreement: ${t('give exactly one folder (a perspective folder, its results/, or the corpus root)')}`);
  useCache(values);
  const dirs = perspectiveFolders(positionals[0], 'agreement');
  const inputs = dirs.map((dir) => loadPerspective(dir, { judge: true }, warn));
  const names = inputs.map((p) => p.name);
  const report = agreementReport(inputs.flatMap((p) => p.runs));
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(agreementJson(report, names), null, 2)}\n`);
    return 0;
  }
  const lines = [
    t('Agreement · {0} · {1} runs (tags in {2}, judge in {3})', names.join(', '), report.runs, report.sources.tag, report.sources.judge),
  ];
  // keys named from the folder holding the perspectives: 'reliability-design/answer-key-round-001.md'
  const base = dirname(resolve(dirs[0]));
  const keyName = (key: string | null) => (key === null ? t('key unknown') : relative(base, resolve(key)));
  for (const p of report.pairs) lines.push('', ...pairText(p, keyName, cliTranslator()));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The sources' short names as core/agreement's SOURCE_NAME gives them: tags, judge, auto. */
function sourceName(s: VerdictSource, t: Translate): string {
  if (s === 'tag') return t('tags');
  return s === 'judge' ? t('judge') : t('auto');
}

function pairText(p: PairAgreement, keyName: (key: string | null) => string, t: Translate): string[] {
  const head = `${sourceName(p.a, t)} vs ${sourceName(p.b, t)}`;
  if (p.kappa === null || p.exact === null) return [`${head}: ${noOverlapText(p, t)}`];
  const out = [t('{0}: {1} verdicts graded by both · κ {2} (linear-weighted) · {3} the same', head, p.n, fmt(p.kappa), pct(p.exact))];
  // rows: the reference source (a), columns: the compared one (b)
  const corner = `${sourceName(p.a, t)} \\ ${sourceName(p.b, t)}`;
  const cellWidth = p.confusion.flat().reduce((w, c) => Math.max(w, String(c).length + 2), 5);
  const cells = (xs: string[]) => xs.map((x) => x.padStart(cellWidth)).join('');
  out.push(`  ${corner}${cells(ORDER.map((v) => MARK[v]))}`);
  ORDER.forEach((v, i) => out.push(`  ${pad(MARK[v], width(corner))}${cells(p.confusion[i].map(String))}`));
  out.push(`  ${t('lean: {0}', p.lean ? leanWords(p.a, p.b, p.lean, t) : t('none, they never disagree'))}`);
  if (p.disputed.length) {
    out.push(`  ${t('most disputed:')}`);
    for (const d of p.disputed) out.push(`    ${t('{0} {1} — {2}: {3} of {4} runs', d.problem, d.title, keyName(d.key), d.runs, d.of)}`);
  }
  return out;
}

/** Why two sources never met: core/agreement's note, or its gist in the UI language. */
function noOverlapText(p: PairAgreement, t: Translate): string {
  if (cliLanguage() === 'en') return p.note ?? 'no overlap';
  return t('no overlap: the two never graded the same problem');
}
