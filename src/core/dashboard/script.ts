// The page's only script: a tooltip that also shows on keyboard focus (the
// native title does not), arrow-key movement in the matrix, and cell
// activation that posts a message when the host gave one (webview).
export const DASHBOARD_JS = `(() => {
  const tip = document.getElementById('rg-tip');
  // Move titles to data-tip so the custom tooltip does not double up with the native one.
  for (const el of document.querySelectorAll('[title]')) { el.setAttribute('data-tip', el.getAttribute('title')); el.removeAttribute('title'); }
  for (const t of document.querySelectorAll('svg [data-tip] > title')) t.remove();
  let current = null;
  function show(el) {
    const text = el.getAttribute('data-tip');
    if (!text || !tip) return;
    current = el;
    tip.textContent = text; tip.hidden = false;
    el.setAttribute('aria-describedby', 'rg-tip');
    const r = el.getBoundingClientRect(), t = tip.getBoundingClientRect();
    let x = r.left, y = r.bottom + 6;
    if (x + t.width > innerWidth - 8) x = Math.max(8, innerWidth - t.width - 8);
    if (y + t.height > innerHeight - 8) y = Math.max(8, r.top - t.height - 6);
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  function hide(el) { if (current === el && tip) { tip.hidden = true; current = null; } el.removeAttribute('aria-describedby'); }
  const owner = (e) => e.target instanceof Element ? e.target.closest('[data-tip]') : null;
  document.addEventListener('mouseover', (e) => { const el = owner(e); if (el) show(el); });
  document.addEventListener('mouseout', (e) => { const el = owner(e); if (el) hide(el); });
  document.addEventListener('focusin', (e) => { const el = owner(e); if (el) show(el); });
  document.addEventListener('focusout', (e) => { const el = owner(e); if (el) hide(el); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current) { hide(current); return; }
    const cell = e.target instanceof Element ? e.target.closest('.cell') : null;
    if (!cell) return;
    if ((e.key === 'Enter' || e.key === ' ') && cell.tagName !== 'A') { e.preventDefault(); activate(cell); return; }
    const td = cell.closest('td'), tr = td.parentElement;
    const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const m = moves[e.key];
    if (!m) return;
    const rows = [...tr.parentElement.children];
    const row = rows[rows.indexOf(tr) + m[0]];
    const next = row && row.children[td.cellIndex + m[1]];
    const target = next && next.querySelector('.cell');
    if (target) { e.preventDefault(); target.focus(); }
  });
  let api = null;
  function activate(cell) {
    const msg = cell.getAttribute('data-message');
    document.dispatchEvent(new CustomEvent('review-grader:cell', { detail: { ...cell.closest('td').dataset } }));
    if (!msg) return;
    // A host that already called acquireVsCodeApi (allowed once) can share it as window.reviewGraderApi.
    try { api = api || window.reviewGraderApi || (typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null); } catch (_) { api = null; }
    if (api) api.postMessage(JSON.parse(msg));
  }
  document.addEventListener('click', (e) => {
    const cell = e.target instanceof Element ? e.target.closest('.cell') : null;
    if (!cell) return;
    if (cell.hasAttribute('data-message')) e.preventDefault();
    activate(cell);
  });
})();`;
