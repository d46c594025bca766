// Across rounds: baseline and best-variant mean ± SD as lines, the
// convergence verdict, and how often each problem category was detected.
import { fmt, signed, type VariantSummary } from '../score';
import { esc, num, px, svgTip } from './html';
import type { CategoryRow, HistorySeries, PerspectiveView } from './model';
import { english, type Translate } from '../i18n';
import { stabilityWord } from '../sourceWord';

const C = { w: 580, h: 240, left: 44, right: 16, top: 14, bottom: 34, inset: 24 };

export function renderHistory(p: PerspectiveView, t: Translate = english): string {
  const charts = p.series.map((s) => seriesChart(p, s, t)).join('\n');
  const rounds = p.rounds.length === 1 ? t('1 round') : t('{0} rounds', p.rounds.length);
  return `<section class="history" id="${esc(p.id)}-history" aria-labelledby="${esc(p.id)}-history-h">
<h3 id="${esc(p.id)}-history-h">${esc(t('History'))} <small>${esc(rounds)} · ${esc(t('{0} runs', p.runCount))}</small></h3>
<div class="hist-body">${charts}
${roundsTable(p, t)}</div>
${categoryTable(p, t)}
</section>`;
}

function seriesChart(p: PerspectiveView, s: HistorySeries, t: Translate): string {
  const pts = s.points;
  const vals = pts.flatMap((q) => [q.baseline, q.best].flatMap((v) => (v ? [v.mean - v.sd, v.mean + v.sd] : [])));
  // a loop, not Math.min(...vals): one value per round and run
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of vals) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  lo = Math.floor(lo - 0.5);
  hi = Math.ceil(hi + 0.5);
  const innerW = C.w - C.left - C.right - 2 * C.inset;
  const innerH = C.h - C.top - C.bottom;
  const x = (i: number) => C.left + C.inset + (pts.length <= 1 ? innerW / 2 : (i / (pts.length - 1)) * innerW);
  const y = (v: number) => C.top + innerH - ((v - lo) / Math.max(hi - lo, 1)) * innerH;
  const parts: string[] = [];
  const step = Math.max(1, Math.ceil((hi - lo) / 8));
  for (let v = lo; v <= hi; v += step) {
    parts.push(
      `<line class="grid" x1="${C.left}" x2="${C.w - C.right}" y1="${px(y(v))}" y2="${px(y(v))}"/><text class="ylab" x="${C.left - 6}" y="${px(y(v) + 4)}">${v}</text>`,
    );
  }
  parts.push(
    `<text class="ylab axis-title" x="12" y="${C.top + innerH / 2}" transform="rotate(-90 12 ${C.top + innerH / 2})">${esc(t('score'))}</text>`,
  );
  pts.forEach((q, i) => parts.push(`<text class="xlab" x="${px(x(i))}" y="${C.h - 12}">${esc(shortLabel(q.label))}</text>`));
  for (const [kind, pick] of [
    ['baseline', (q: (typeof pts)[number]) => q.baseline],
    ['best', (q: (typeof pts)[number]) => q.best],
  ] as const) {
    const coords = pts.flatMap((q, i) => (pick(q) ? [[x(i), y((pick(q) as VariantSummary).mean)]] : []));
    if (coords.length > 1) parts.push(`<polyline class="line ${kind}" points="${coords.map(([a, b]) => `${px(a)},${px(b)}`).join(' ')}"/>`);
    pts.forEach((q, i) => {
      const v = pick(q);
      if (!v) return;
      const tip = `${q.label} ${kind === 'best' ? t('best variant') : t('baseline')}: ${v.variant}\n${t(
        'mean {0} ± SD {1} over runs {2} (stability {3})',
        fmt(v.mean),
        fmt(v.sd),
        v.scores.map(fmt).join(', '),
        stabilityWord(v.stability, t),
      )}`;
      const dx = kind === 'best' ? 4 : -4;
      parts.push(
        `<line class="err ${kind}" x1="${px(x(i) + dx)}" x2="${px(x(i) + dx)}" y1="${px(y(v.mean - v.sd))}" y2="${px(y(v.mean + v.sd))}"/>`,
      );
      parts.push(
        svgTip(
          'circle',
          {
            class: `hp ${kind}`,
            cx: px(x(i) + dx),
            cy: px(y(v.mean)),
            r: 4.5,
            tabindex: 0,
            'data-round': q.round,
            'data-kind': kind,
            'data-mean': fmt(v.mean),
          },
          tip,
        ),
      );
    });
  }
  const title = s.doc !== undefined ? t('Document {0}', s.doc) : t('Mean score per round');
  const perRound =
    pts.map((q) => `${shortLabel(q.label)} ${q.improvement === undefined ? t('no call') : signed(q.improvement)}`).join(', ') || t('none');
  const convergeTip = t(
    "improvement per round = recommended mean − that round's baseline mean (0 when the baseline is kept):\n{0}",
    perRound,
  );
  return `<figure class="hist">
<figcaption>${esc(title)} <span class="lg-line baseline">${esc(t('baseline'))}</span> <span class="lg-line best">${esc(t('best variant'))}</span> <span class="muted">${esc(t('(dot = mean, bar = ± SD)'))}</span></figcaption>
<svg viewBox="0 0 ${C.w} ${C.h}" width="${C.w}" height="${C.h}" role="img" aria-label="${esc(t('{0} {1}: baseline and best variant mean per round', p.name, title))}">${parts.join('')}</svg>
<p class="converge ${s.converged ? 'yes' : 'no'}" title="${esc(convergeTip)}" tabindex="0">${esc(s.sentence)}</p>
</figure>`;
}

/** The chart's numbers as a table, each linked to its round: readable without the picture. */
function roundsTable(p: PerspectiveView, t: Translate): string {
  const rows = [...p.rounds]
    .reverse()
    .map((r) => {
      const base = r.variants.find((v) => v.isBaseline);
      const best = r.variants.filter((v) => !v.isBaseline).sort((a, b) => b.summary.mean - a.summary.mean)[0];
      const ms = (v: typeof base) =>
        v ? `${num(v.summary.mean, v.meanTip)} <span class="muted">± ${num(v.summary.sd, v.sdTip)}</span>` : '<span class="muted">—</span>';
      const rec = r.recommendation;
      return (
        `<tr><th scope="row"><a href="#${esc(r.id)}">${esc(shortLabel(r.label))}</a></th><td>${ms(base)}</td><td>${best ? `${ms(best)} <span class="vname">${esc(best.summary.variant)}</span>` : '<span class="muted">—</span>'}</td>` +
        `<td title="${esc(r.verdictSentence)}">${rec ? `<span class="${rec.winner === r.baseline ? 'keep' : 'adopt'}">${esc(rec.winner)}</span>` : `<span class="muted">${esc(t('no call'))}</span>`}</td>` +
        `<td>${r.improvement === undefined ? '<span class="muted">—</span>' : num(signed(r.improvement), t('{0}: recommended mean − baseline mean = {1}', shortLabel(r.label), signed(r.improvement)))}</td></tr>`
      );
    })
    .join('\n');
  const heads = [t('Round'), t('Baseline mean ± SD'), t('Best variant mean ± SD'), t('Recommended'), t('Improvement')];
  return `<table class="rounds" aria-label="${esc(t('{0}: rounds', p.name))}">
<thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** "Round 7 · doc 2" → "R7d2" (also the Japanese "ラウンド 7"): the numbers are what the label holds. */
export function shortLabel(label: string): string {
  const n = label.match(/\d+/g) ?? [];
  return n.length >= 2 ? `R${n[0]}d${n[1]}` : n.length === 1 ? `R${n[0]}` : label;
}

function categoryTable(p: PerspectiveView, t: Translate): string {
  if (p.categories.length === 0) return '';
  const heads = p.rounds.map((r) => `<th scope="col"><a href="#${esc(r.id)}">${esc(shortLabel(r.label))}</a></th>`).join('');
  const rows = p.categories
    .map(
      (c) =>
        `<tr><th scope="row">${esc(c.category)}</th>${p.rounds.map((r) => rateCell(c, r.id, r.label, t)).join('')}<td class="all">${rate(c.credit, c.count, t('{0}, all rounds: {1} credit over {2} run-verdicts', c.category, fmt(c.credit), c.count))}</td></tr>`,
    )
    .join('\n');
  return `<div class="cat-wrap"><table class="cats" aria-label="${esc(t('{0}: detection rate per problem category and round', p.name))}">
<caption>${esc(t('Detection rate by problem category'))} <span class="muted">${esc(t('(credit ÷ verdicts; ○ 1, △ 0.5)'))}</span></caption>
<thead><tr><th scope="col">${esc(t('Category'))}</th>${heads}<th scope="col">${esc(t('All'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function rateCell(c: CategoryRow, roundId: string, label: string, t: Translate): string {
  const b = c.byRound[roundId];
  if (!b) return `<td class="na" aria-label="${esc(t('no problems'))}">·</td>`;
  const tip = t(
    '{0}, {1}: {2} ○ + {3} △ (+ {4} ×) over {5} run-verdicts = {6} / {5}',
    c.category,
    label,
    b.detected,
    b.partial,
    b.missed,
    b.count,
    fmt(b.credit),
  );
  return `<td class="h${heat(b.credit / b.count)}">${rate(b.credit, b.count, tip)}</td>`;
}

function rate(credit: number, count: number, tip: string): string {
  return count ? num(`${Math.round((100 * credit) / count)}%`, tip) : '·';
}

/** Five buckets, so colour comes from classes (no inline styles under a strict CSP). */
function heat(r: number): number {
  return r >= 0.9 ? 4 : r >= 0.75 ? 3 : r >= 0.5 ? 2 : r >= 0.25 ? 1 : 0;
}
