// The whole dashboard as one self-contained HTML string: inline CSS and JS
// under a nonce-based CSP, no network, no fonts. The CLI writes it to a file;
// the VS Code webview sets it as its html with its own nonce and cellLink.
import { fmt } from '../score';
import { esc } from './html';
import type { PerspectiveView } from './model';
import { renderHistory } from './renderHistory';
import { renderRound, type CellLinker } from './renderRound';
import { DASHBOARD_JS } from './script';
import { DASHBOARD_CSS } from './styles';

export interface DashboardRenderOptions {
  /**
   * CSP nonce for the inline <style> and <script>. A webview makes a fresh one
   * per render; left out, it is derived from the page's content, so the same
   * input gives the same bytes (a file written by `dashboard -o`).
   */
  nonce?: string;
  /** extra CSP source for a webview (webview.cspSource); none on a standalone page */
  cspSource?: string;
  title?: string;
  /** one line under the title: how the page was graded */
  note?: string;
  /** where clicking a matrix cell goes; without it cells are focusable but inert */
  cellLink?: CellLinker;
  /** leave out the script (e.g. a host that wants a static snapshot) */
  noScript?: boolean;
}

export function renderDashboardPage(perspectives: PerspectiveView[], opts: DashboardRenderOptions): string {
  const body = perspectives.map((p) => renderPerspective(p, opts.cellLink)).join('\n');
  const page = (nonce: string) => assemble(perspectives, body, nonce, opts);
  const nonce = opts.nonce !== undefined ? opts.nonce.replace(/[^A-Za-z0-9+/=_-]/g, '') : contentHash(page(''));
  return page(nonce);
}

function assemble(perspectives: PerspectiveView[], body: string, nonce: string, opts: DashboardRenderOptions): string {
  const src = opts.cspSource ? ` ${opts.cspSource}` : '';
  const csp = `default-src 'none'; img-src data:${src}; style-src 'nonce-${nonce}'${src}; script-src 'nonce-${nonce}';`;
  const title = opts.title ?? `Review Grader dashboard — ${perspectives.map((p) => p.name).join(', ')}`;
  const toc = perspectives
    .map(
      (p) =>
        `<div><a href="#${esc(p.id)}"><b>${esc(p.name)}</b></a>: <a href="#${esc(p.id)}-history">history</a>${p.rounds.map((r) => ` · <a href="#${esc(r.id)}">${esc(r.label.replace(/^Round /, 'R'))}</a>`).join('')}</div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${DASHBOARD_CSS}</style>
</head><body>
<header><h1>${esc(title)}</h1>${opts.note ? `<p>${esc(opts.note)}</p>` : ''}
<p>Rubric: ○ 1, △ 0.5, × 0; ${esc(rubricWords(perspectives))}. Stability: SD ≤ 0.5 high, ≤ 1.0 medium, else low. Recommendation on the signed gap (variant mean − baseline mean): &gt; 1.0 → the variant; 0.5 to 1.0 → the lower SD (equal SDs: the variant); below 0.5, every negative gap included → keep the baseline. Several variants: the highest mean among those adopted.</p>
<nav class="toc" aria-label="contents">${toc}</nav></header>
<main>
${body}
</main>
<div id="rg-tip" role="tooltip" hidden></div>
${opts.noScript ? '' : `<script nonce="${nonce}">${DASHBOARD_JS}</script>`}
</body></html>
`;
}

/** The bonus and penalty rules the scores were computed with (each score carries its rubric). */
function rubricWords(perspectives: PerspectiveView[]): string {
  const seen = new Map<string, string>();
  for (const p of perspectives) {
    for (const r of p.rounds) {
      for (const c of r.columns) {
        const k = c.score.rubric;
        const words = `bonus +${fmt(k.bonusPoints)} each (at most ${k.bonusCap} count), penalty −${fmt(k.penaltyPoints)} each`;
        seen.set(words, words);
      }
    }
  }
  if (seen.size === 0) return 'bonus and penalty: no graded runs';
  return seen.size === 1 ? [...seen.values()][0] : `runs graded with different rubrics: ${[...seen.values()].join(' / ')}`;
}

/**
 * 128 bits from four FNV-1a passes with different seeds, as base64url-free hex:
 * not a secret, only a value that changes with the content (the page escapes
 * every user text, so the nonce is defence in depth, not the only guard).
 */
export function contentHash(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
        h = (h ^ (h >>> 13)) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
}

function renderPerspective(p: PerspectiveView, cellLink?: CellLinker): string {
  const rounds = [...p.rounds]
    .reverse()
    .map((r) => renderRound(r, cellLink))
    .join('\n');
  return `<section class="perspective" id="${esc(p.id)}" aria-labelledby="${esc(p.id)}-h">
<h2 id="${esc(p.id)}-h">${esc(p.name)}</h2>
${p.rounds.length ? renderHistory(p) : '<p class="muted">No graded runs found.</p>'}
${rounds}
</section>`;
}
