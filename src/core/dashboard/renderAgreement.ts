// "How far can I trust each source?": for every pair of grading sources
// (human tags, the judge, the automatic matcher) that graded the same
// problems, linear-weighted kappa, n, the 3×3 confusion matrix, the problems
// they disagree on most and the lean in words. The figures are core/agreement's;
// this file only words and lays them out (in the page's language).
import { leanWords, type DisputedProblem, type PairAgreement } from '../agreement';
import { ORDER } from '../match/metrics';
import { MARK, type VerdictSource } from '../model';
import { english, verdictWord, type Translate } from '../i18n';
import { fmt } from '../score';
import { esc, num } from './html';
import type { PerspectiveView } from './model';
import { shortLabel } from './renderHistory';

function sourceName(s: VerdictSource, t: Translate): string {
  if (s === 'tag') return t('human tags');
  if (s === 'judge') return t('judge');
  return t('auto matcher');
}

/** Landis & Koch's words for a kappa: a reading aid, said as such in the tooltip. */
export function kappaWord(k: number, t: Translate): string {
  if (k < 0) return t('worse than chance');
  if (k < 0.2) return t('slight');
  if (k < 0.4) return t('fair');
  if (k < 0.6) return t('moderate');
  if (k < 0.8) return t('substantial');
  return t('almost perfect');
}

function noOverlap(p: PairAgreement, sources: Record<VerdictSource, number>, t: Translate): string {
  for (const s of [p.a, p.b]) {
    if (sources[s] > 0) continue;
    if (s === 'tag') return t('No overlap: no run carries grading tags.');
    if (s === 'judge') return t('No overlap: no run has judge verdicts.');
    return t('No overlap: no run was matched.');
  }
  return t('No overlap: the two never graded the same problem of the same run.');
}

export function renderAgreement(p: PerspectiveView, t: Translate = english): string {
  const a = p.agreement;
  const id = `${p.id}-agreement`;
  const pairs = a.pairs.map((pair) => renderPair(p, pair, a.sources, t)).join('\n');
  return `<section class="agreement" id="${esc(id)}" aria-labelledby="${esc(id)}-h">
<h3 id="${esc(id)}-h">${esc(t('Agreement between sources'))} <small>${esc(t('{0} runs · tags in {1}, judge verdicts in {2}', a.runs, a.sources.tag, a.sources.judge))}</small></h3>
<p class="muted">${esc(t('For each pair of sources that graded the same problems of the same runs: linear-weighted κ (1 = always the same, 0 = no better than chance; ○ vs × counts as a bigger disagreement than ○ vs △), the confusion matrix and the problems they disagree on most.'))}</p>
<div class="agree-body">
${pairs}
</div>
</section>`;
}

function renderPair(p: PerspectiveView, pair: PairAgreement, sources: Record<VerdictSource, number>, t: Translate): string {
  const an = sourceName(pair.a, t);
  const bn = sourceName(pair.b, t);
  const hid = `${p.id}-agree-${pair.a}-${pair.b}`;
  const head = `<h4 id="${esc(hid)}">${esc(t('{0} vs {1}', an, bn))}</h4>`;
  if (pair.kappa === null || pair.exact === null) {
    return `<article class="pair none" aria-labelledby="${esc(hid)}" data-pair="${pair.a}-${pair.b}">${head}<p class="muted">${esc(noOverlap(pair, sources, t))}</p></article>`;
  }
  const kTip = t(
    'linear-weighted kappa over {0} verdicts both gave: {1}\nreading (Landis & Koch): < 0 worse than chance, 0–0.2 slight, 0.2–0.4 fair, 0.4–0.6 moderate, 0.6–0.8 substantial, 0.8–1 almost perfect',
    pair.n,
    fmt(pair.kappa),
  );
  const exactPct = `${Math.round(pair.exact * 100)}%`;
  const lean = pair.lean ? leanWords(pair.a, pair.b, pair.lean, t) : t('they never disagree');
  return `<article class="pair" aria-labelledby="${esc(hid)}" data-pair="${pair.a}-${pair.b}" data-kappa="${fmt(pair.kappa)}" data-n="${pair.n}">${head}
<p class="kappa">${num(`κ ${fmt(pair.kappa)}`, kTip, 'num kappa-v')} <span class="kw">${esc(kappaWord(pair.kappa, t))}</span> · ${esc(t('n = {0}', pair.n))} · ${esc(t('{0} exactly the same', exactPct))}</p>
<p class="lean"><strong>${esc(t('Lean:'))}</strong> ${esc(lean)}</p>
${confusionTable(pair, an, bn, t)}
${disputedTable(p, pair, t)}
</article>`;
}

function confusionTable(pair: PairAgreement, an: string, bn: string, t: Translate): string {
  const word = (i: number) => `${MARK[ORDER[i]]} ${verdictWord(ORDER[i], t)}`;
  const heads = ORDER.map((_, j) => `<th scope="col">${esc(word(j))}</th>`).join('');
  const rows = ORDER.map((_, i) => {
    const cells = ORDER.map((__, j) => {
      const c = pair.confusion[i][j];
      const tip = t('{0} {1}, {2} {3}: {4} verdicts', an, MARK[ORDER[i]], bn, MARK[ORDER[j]], c);
      return `<td class="${i === j ? 'diag' : c ? 'off' : 'zero'}">${num(c, tip)}</td>`;
    }).join('');
    return `<tr><th scope="row">${esc(word(i))}</th>${cells}</tr>`;
  }).join('\n');
  return `<div class="conf-wrap"><table class="confusion">
<caption>${esc(t('Rows: {0} · columns: {1}', an, bn))}</caption>
<thead><tr><th scope="col" class="corner"><span class="muted">${esc(`${an} \\ ${bn}`)}</span></th>${heads}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function disputedTable(p: PerspectiveView, pair: PairAgreement, t: Translate): string {
  if (pair.disputed.length === 0) return '';
  const rows = pair.disputed.map((d) => disputedRow(p, d, t)).join('\n');
  return `<div class="conf-wrap"><table class="disputed">
<caption>${esc(t('Problems they disagree on most'))}</caption>
<thead><tr><th scope="col">${esc(t('Problem'))}</th><th scope="col">${esc(t('Round'))}</th><th scope="col">${esc(t('Runs that differ'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function disputedRow(p: PerspectiveView, d: DisputedProblem, t: Translate): string {
  // the problem links to its round's matrix when the page holds that round
  const round = d.key === null ? undefined : p.rounds.find((r) => r.keyPath === d.key);
  const label = `<span class="pid">${esc(d.problem)}</span> ${esc(d.title)}`;
  const problem = round ? `<a href="#${esc(round.id)}">${label}</a>` : label;
  // the round names the key briefly; the key's file name is its tooltip (or the cell, for a key the page does not show)
  const key = d.key === null ? t('key unknown') : (d.key.split('/').pop() ?? d.key);
  const where = round ? `<span title="${esc(key)}">${esc(shortLabel(round.label))}</span>` : `<code>${esc(key)}</code>`;
  return `<tr><th scope="row">${problem}</th><td>${where}</td><td>${esc(t('{0} of {1}', d.runs, d.of))}</td></tr>`;
}
