// The whole dashboard as one self-contained HTML string: inline CSS and JS
// under a nonce-based CSP, no network, no fonts. The CLI writes it to a file;
// the VS Code webview sets it as its html with its own nonce and cellLink.
import { esc } from './html';
import type { PerspectiveView } from './model';
import { renderHistory } from './renderHistory';
import { renderRound, type CellLinker } from './renderRound';
import { DASHBOARD_JS } from './script';
import { DASHBOARD_CSS } from './styles';

export interface DashboardRenderOptions {
  /** CSP nonce for the inline <style> and <script>; the host makes a fresh one per render */
  nonce: string;
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
  const nonce = opts.nonce.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const src = opts.cspSource ? ` ${opts.cspSource}` : '';
  const csp = `default-src 'none'; img-src data:${src}; style-src 'nonce-${nonce}'${src}; script-src 'nonce-${nonce}';`;
  const title = opts.title ?? `Review Grader dashboard — ${perspectives.map((p) => p.name).join(', ')}`;
  const toc = perspectives.map((p) => `<div><a href="#${esc(p.id)}"><b>${esc(p.name)}</b></a>: <a href="#${esc(p.id)}-history">history</a>${p.rounds.map((r) => ` · <a href="#${esc(r.id)}">${esc(r.label.replace(/^Round /, 'R'))}</a>`).join('')}</div>`).join('\n');
  const body = perspectives.map((p) => renderPerspective(p, opts.cellLink)).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${DASHBOARD_CSS}</style>
</head><body>
<header><h1>${esc(title)}</h1>${opts.note ? `<p>${esc(opts.note)}</p>` : ''}
<p>Rubric: ○ 1, △ 0.5, × 0; bonus +0.5 (at most 5), penalty −0.5. Stability: SD ≤ 0.5 high, ≤ 1.0 medium, else low. Recommendation: mean gap &gt; 1.0 → higher mean; 0.5–1.0 → lower SD; &lt; 0.5 → keep the baseline.</p>
<nav class="toc" aria-label="contents">${toc}</nav></header>
<main>
${body}
</main>
<div id="rg-tip" role="tooltip" hidden></div>
${opts.noScript ? '' : `<script nonce="${nonce}">${DASHBOARD_JS}</script>`}
</body></html>
`;
}

function renderPerspective(p: PerspectiveView, cellLink?: CellLinker): string {
  const rounds = [...p.rounds].reverse().map((r) => renderRound(r, cellLink)).join('\n');
  return `<section class="perspective" id="${esc(p.id)}" aria-labelledby="${esc(p.id)}-h">
<h2 id="${esc(p.id)}-h">${esc(p.name)}</h2>
${p.rounds.length ? renderHistory(p) : '<p class="muted">No graded runs found.</p>'}
${rounds}
</section>`;
}
