// One round: the recommendation in a sentence, each variant's runs / mean /
// SD / stability as a strip on a shared axis, and the detection matrix.
import { MARK, type Verdict, type VerdictSource } from '../model';
import { detectionRuleText, fmt, threshold } from '../score';
import { bonusWords, penaltyWords } from './build';
import { stabilityWord } from '../sourceWord';
import { english, verdictWord, type Translate } from '../i18n';
import { attrs, esc, num, px, svgTip } from './html';
import type { CellTarget, CellView, ColumnView, RoundView, VariantView } from './model';

/** How a cell links: an anchor (page) or a message posted to the host (webview). */
export type CellLink = { href: string } | { message: unknown };
export type CellLinker = (target: CellTarget) => CellLink | undefined;

const SOURCE_LETTER: Record<VerdictSource, string> = { tag: 'T', judge: 'J', auto: 'A' };
function sourceWord(s: VerdictSource, t: Translate): string {
  if (s === 'tag') return t('human tag');
  if (s === 'judge') return t('judge');
  return t('auto');
}
const STRIP = { w: 340, h: 28, pad: 12 };

export function renderRound(r: RoundView, cellLink?: CellLinker, t: Translate = english): string {
  const rec = r.recommendation;
  const cls = rec ? (rec.winner === r.baseline ? 'keep' : 'adopt') : 'none';
  const verb = rec ? (cls === 'keep' ? t('Keep') : t('Adopt')) : t('No call');
  const said = rec ? t('{0}: {1}.', rec.winner, r.reasonSaid ?? rec.reason) : r.verdictSentence;
  return `<section class="round" id="${esc(r.id)}" aria-labelledby="${esc(r.id)}-h">
<h3 id="${esc(r.id)}-h">${esc(r.label)} <small>${esc(r.perspective)} · ${esc(t('{0} problems', r.problems.length))} · ${esc(t('{0} runs', r.columns.length))}${r.keyPath ? ` · <code>${esc(tail(r.keyPath))}</code>` : ''}</small></h3>
<p class="verdict ${cls}" data-winner="${esc(rec?.winner ?? '')}"><strong>${esc(verb)}</strong> ${esc(said)}</p>
${ruleLines(r)}${renderVariants(r, t)}
${renderMatrix(r, t, cellLink)}
</section>`;
}

/** The key's own detection rule and the generic-criteria note, when they apply (a classic key shows neither). */
function ruleLines(r: RoundView): string {
  const rule = detectionRuleText(r);
  return (rule ? `<p class="rule">${esc(rule)}</p>\n` : '') + (r.genericNote ? `<p class="rule">${esc(r.genericNote)}</p>\n` : '');
}

function tail(p: string): string {
  return p.split('/').slice(-1)[0];
}

// ------------------------------------------------------------ variant strips

function renderVariants(r: RoundView, t: Translate): string {
  const scores = r.columns.map((c) => c.score.total);
  const base = r.variants.find((v) => v.isBaseline)?.summary.mean;
  // Bounds by a loop: one value per run, never spread into Math.min.
  let lo = base !== undefined ? base - 0.5 : Infinity;
  let hi = base !== undefined ? base + 1.5 : -Infinity;
  for (const t of scores) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  lo = Math.floor(lo - 0.5);
  hi = Math.ceil(hi + 0.5);
  const x = (v: number) => STRIP.pad + ((v - lo) / Math.max(hi - lo, 1)) * (STRIP.w - 2 * STRIP.pad);
  const rows = r.variants.map((v) => variantRow(r, v, x, base, lo, hi, t)).join('\n');
  const heads = [t('Variant'), t('Runs'), t('Mean'), t('SD'), t('Stability'), t('Bonus points'), t('Penalty points')];
  const stripHead =
    base !== undefined ? t('Run scores ● · mean ┃ · SD band · zones above the baseline') : t('Run scores ● · mean ┃ · SD band');
  const stripKey =
    base !== undefined
      ? t(
          'Gap = variant mean − baseline mean (dashed), signed: a mean left of +{0} keeps the baseline (every mean below it too) · +{0} to +{1} the lower SD decides (equal SDs: the variant) · right of +{1} the variant wins',
          threshold(r.rule.recommendation.close),
          threshold(r.rule.recommendation.clear),
        )
      : '';
  return `<table class="variants" aria-label="${esc(t('{0}: variant scores', r.label))}">
<thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}<th scope="col" class="strip-h">${esc(stripHead)}</th></tr></thead>
<tbody>
${rows}
<tr class="axis"><td colspan="7" class="strip-key">${esc(stripKey)}</td><td>${axis(lo, hi, x)}</td></tr>
</tbody></table>`;
}

function variantRow(
  r: RoundView,
  v: VariantView,
  x: (n: number) => number,
  base: number | undefined,
  lo: number,
  hi: number,
  t: Translate,
): string {
  const s = v.summary;
  const runs = v.columns.map((i) => runNumber(r.columns[i])).join(' ');
  const judgeStated = v.columns.map((i) => r.columns[i].judge?.total).filter((t): t is number => t !== undefined);
  const bonusTip = v.columns
    .map((i) => t('run {0}: {1} = +{2}', r.columns[i].run, bonusWords(r.columns[i].score, t), fmt(r.columns[i].score.bonus)))
    .join('\n');
  const penTip = v.columns
    .map((i) => t('run {0}: {1} = −{2}', r.columns[i].run, penaltyWords(r.columns[i].score, t), fmt(r.columns[i].score.penalty)))
    .join('\n');
  const bonusPts = v.columns.map((i) => `+${fmt(r.columns[i].score.bonus)}`).join(' ');
  const penPts = v.columns.map((i) => `−${fmt(r.columns[i].score.penalty)}`).join(' ');
  const mid = STRIP.h / 2;
  const parts: string[] = [];
  if (base !== undefined) {
    // The signed rule: only means above the baseline can adopt the variant, so the zones are one-sided.
    const [x0, xKeep, xSd, x1] = [x(lo), x(base + r.rule.recommendation.close), x(base + r.rule.recommendation.clear), x(hi)];
    parts.push(`<rect class="zone-keep" data-zone="keep" x="${px(x0)}" y="0" width="${px(xKeep - x0)}" height="${STRIP.h}"/>`);
    parts.push(`<rect class="zone-sd" data-zone="lower-sd" x="${px(xKeep)}" y="0" width="${px(xSd - xKeep)}" height="${STRIP.h}"/>`);
    parts.push(`<rect class="zone-adopt" data-zone="adopt" x="${px(xSd)}" y="0" width="${px(x1 - xSd)}" height="${STRIP.h}"/>`);
    parts.push(`<line class="base-line" x1="${px(x(base))}" x2="${px(x(base))}" y1="0" y2="${STRIP.h}"/>`);
  }
  parts.push(
    svgTip(
      'rect',
      {
        class: `band st-${s.stability}`,
        x: px(x(s.mean - s.sd)),
        y: mid - 6,
        width: px(Math.max(x(s.mean + s.sd) - x(s.mean - s.sd), 2)),
        height: 12,
        rx: 3,
      },
      v.sdTip,
    ),
  );
  parts.push(svgTip('rect', { class: 'mean', x: px(x(s.mean) - 1.5), y: mid - 9, width: 3, height: 18 }, v.meanTip));
  v.columns.forEach((ci, k) => {
    const c = r.columns[ci];
    const dup = v.columns.slice(0, k).filter((cj) => r.columns[cj].score.total === c.score.total).length;
    parts.push(svgTip('circle', { class: 'pt', cx: px(x(c.score.total)), cy: px(mid + (dup % 2 ? 5 : dup ? -5 : 0)), r: 4.5 }, c.tip));
  });
  return `<tr${attrs({ 'data-variant': s.variant, class: v.isBaseline ? 'is-baseline' : undefined })}>
<th scope="row">${esc(s.variant)}${v.isBaseline ? ` <span class="pill">${esc(t('baseline'))}</span>` : ''}${r.recommendation?.winner === s.variant ? ` <span class="pill win">${esc(t('recommended'))}</span>` : ''}</th>
<td class="runs">${runs}${judgeStated.length && judgeStated.some((x, i) => x !== r.columns[v.columns[i]]?.score.total) ? ` <span class="judge-note" title="${esc(t("the judge's report states totals {0}", judgeStated.map(fmt).join(', ')))}">${esc(t('judge: {0}', judgeStated.map(fmt).join(', ')))}</span>` : ''}</td>
<td>${num(s.mean, v.meanTip, 'num mean')}</td>
<td>${num(s.sd, v.sdTip)}</td>
<td><span class="st st-${s.stability}">${esc(stabilityWord(s.stability, t))}</span></td>
<td>${num(bonusPts, bonusTip)}</td>
<td>${num(penPts, penTip)}</td>
<td class="strip"><svg viewBox="0 0 ${STRIP.w} ${STRIP.h}" width="${STRIP.w}" height="${STRIP.h}" role="img" aria-label="${esc(t('{0}: runs {1}, mean {2}, SD {3}', s.variant, s.scores.map(fmt).join(', '), fmt(s.mean), fmt(s.sd)))}">${parts.join('')}</svg></td>
</tr>`;
}

function runNumber(c: ColumnView): string {
  return num(c.score.total, c.tip, 'num run-score');
}

function axis(lo: number, hi: number, x: (n: number) => number): string {
  const step = hi - lo > 12 ? 2 : 1;
  const ticks: string[] = [];
  for (let v = lo; v <= hi; v += step) {
    ticks.push(`<line x1="${px(x(v))}" x2="${px(x(v))}" y1="0" y2="4"/><text x="${px(x(v))}" y="15">${v}</text>`);
  }
  return `<svg class="axis-svg" viewBox="0 0 ${STRIP.w} 18" width="${STRIP.w}" height="18" aria-hidden="true">${ticks.join('')}</svg>`;
}

// -------------------------------------------------------------------- matrix

function renderMatrix(r: RoundView, t: Translate, cellLink?: CellLinker): string {
  const groups = r.variants
    .map((v) => `<th scope="colgroup" colspan="${v.columns.length}" class="vg">${esc(v.summary.variant)}</th>`)
    .join('');
  const runHeads = r.columns.map((c) => `<th scope="col" class="rh">${esc(t('run {0}', c.run))}</th>`).join('');
  const body = r.problems
    .map(
      (p, i) =>
        `<tr><th scope="row" class="ph" title="${esc(`${p.id}: ${p.title}${p.category ? `\n${t('category: {0}', p.category)}` : ''}`)}"><span class="pid">${esc(p.id)}</span> ${esc(p.title)}</th>${r.cells[i].map((c) => renderCell(c, t, cellLink)).join('')}</tr>`,
    )
    .join('\n');
  const foot = [
    footRow(t('Detection'), r.columns, (c) => judgeCompare(c.score.detection, c.judge?.detection, c.tip, 'detection', t)),
    footRow(
      t('Bonus'),
      r.columns,
      (c) =>
        `${num(`+${fmt(c.score.bonus)}`, c.tip)} <small class="count">${esc(t('{0} found, {1} count', c.score.bonusCount, Math.min(c.score.bonusCount, c.score.rubric.bonusCap)))}</small>`,
    ),
    footRow(
      t('Penalty'),
      r.columns,
      (c) => `${num(`−${fmt(c.score.penalty)}`, c.tip)} <small class="count">${esc(t('{0} found', c.score.penaltyCount))}</small>`,
    ),
    footRow(t('Total'), r.columns, (c) => judgeCompare(c.score.total, c.judge?.total, c.tip, 'total', t)),
  ].join('\n');
  return `<div class="matrix-wrap"><table class="matrix" aria-label="${esc(t('{0}: detection matrix, problems by variant and run', r.label))}">
<thead><tr><th rowspan="2" scope="col" class="corner">${esc(t('Problem'))}</th>${groups}</tr><tr>${runHeads}</tr></thead>
<tbody>
${body}
</tbody><tfoot>
${foot}
</tfoot></table></div>
${legend(r, t)}`;
}

function footRow(label: string, cols: ColumnView[], cell: (c: ColumnView) => string): string {
  return `<tr><th scope="row">${esc(label)}</th>${cols.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`;
}

/** Our figure, and the judge's stated one beside it when they differ. */
function judgeCompare(ours: number, stated: number | undefined, tip: string, what: 'detection' | 'total', t: Translate): string {
  if (stated === undefined || Math.abs(stated - ours) < 1e-9) {
    const same =
      what === 'detection'
        ? t("the judge's report states the same detection ({0})", fmt(stated ?? 0))
        : t("the judge's report states the same total ({0})", fmt(stated ?? 0));
    return num(ours, stated === undefined ? tip : `${tip}\n${same}`, 'num foot');
  }
  const differs =
    what === 'detection'
      ? t("⚠ the judge's report states detection {0}, but its own verdicts and counts give {1}", fmt(stated), fmt(ours))
      : t("⚠ the judge's report states total {0}, but its own verdicts and counts give {1}", fmt(stated), fmt(ours));
  const full = `${tip}\n${differs}`;
  return `${num(ours, full, 'num foot differs')} <span class="stated" title="${esc(full)}" data-stated="${fmt(stated)}">${esc(t('judge {0}', fmt(stated)))}</span>`;
}

function renderCell(c: CellView, t: Translate, cellLink?: CellLinker): string {
  const others: [VerdictSource, Verdict | undefined][] = [
    ['auto', c.auto],
    ['judge', c.judge],
    ['tag', c.tag],
  ];
  const alt = others.filter(([s, v]) => s !== c.source && v && v !== c.verdict);
  const label =
    t(
      '{0}, {1} run {2}: {3} by {4}',
      c.target.problemId,
      c.target.variant,
      c.target.run,
      verdictWord(c.verdict, t),
      sourceWord(c.source, t),
    ) + alt.map(([s, v]) => t('; {0} says {1}', sourceWord(s, t), verdictWord(v as Verdict, t))).join('');
  const inner =
    `<span class="mark" aria-hidden="true">${MARK[c.verdict]}</span><span class="src" aria-hidden="true">${SOURCE_LETTER[c.source]}</span>` +
    (alt.length ? `<span class="alt" aria-hidden="true">${alt.map(([s, v]) => `${s[0]}${MARK[v as Verdict]}`).join(' ')}</span>` : '');
  const link = cellLink?.(c.target);
  const common = { class: 'cell', title: c.tip, 'aria-label': label };
  const el =
    link && 'href' in link
      ? `<a${attrs({ ...common, href: link.href })}>${inner}</a>`
      : link
        ? `<a${attrs({ ...common, href: '#', 'data-message': JSON.stringify(link.message) })}>${inner}</a>`
        : `<span${attrs({ ...common, tabindex: 0, role: 'button' })}>${inner}</span>`;
  return `<td${attrs({
    class: `c v-${c.verdict} s-${c.source}${c.disagreement ? ' dis' : ''}`,
    'data-problem': c.target.problemId,
    'data-variant': c.target.variant,
    'data-run': c.target.run,
    'data-verdict': c.verdict,
    'data-source': c.source,
    'data-auto': c.auto,
    'data-judge': c.judge,
    'data-tag': c.tag,
  })}>${el}</td>`;
}

function legend(r: RoundView, t: Translate): string {
  const v = (x: Verdict, credit: string) => `<span class="lg v-${x}">${MARK[x]} ${esc(verdictWord(x, t))} ${credit}</span>`;
  return `<p class="legend" aria-label="${esc(t('legend'))}">${v('detected', '1')}${v('partial', '0.5')}${v('missed', '0')}
<span class="lg-src"><b>J</b> ${esc(t('judge report'))} · <b>A</b> ${esc(t('auto matcher'))} · <b>T</b> ${esc(t('human tag'))}</span><span class="lg-dis">${esc(t('corner mark + small a△ / j○ = another source disagrees ({0} here)', r.disagreements))}</span><span class="lg-hint">${esc(t('Hover or focus any figure to see what it sums · arrow keys move through the matrix'))}</span></p>`;
}
