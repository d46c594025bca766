// The page's only script: a tooltip that also shows on keyboard focus (the
// native title does not), arrow-key movement in the matrix, and cell
// activation that posts a message when the host gave one (webview). In a
// live webview page (body[data-generation]) it also takes the host's
// progressive messages: a graded round replaces its pending section, the
// summary (history + agreement) and the status line arrive last; the scroll
// position is kept in the webview state, so a reload lands where it was.
export const DASHBOARD_JS = `(() => {
  const tip = document.getElementById('rg-tip');
  // Move titles to data-tip so the custom tooltip does not double up with the native one.
  function prepare(root) {
    for (const el of root.querySelectorAll('[title]')) { el.setAttribute('data-tip', el.getAttribute('title')); el.removeAttribute('title'); }
    for (const t of root.querySelectorAll('svg [data-tip] > title')) t.remove();
  }
  prepare(document);
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
  function host() {
    // A host that already called acquireVsCodeApi (allowed once) can share it as window.reviewGraderApi.
    try { api = api || window.reviewGraderApi || (typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null); } catch (_) { api = null; }
    return api;
  }
  function activate(cell) {
    const msg = cell.getAttribute('data-message');
    document.dispatchEvent(new CustomEvent('review-grader:cell', { detail: { ...cell.closest('td').dataset } }));
    if (!msg) return;
    if (host()) api.postMessage(JSON.parse(msg));
  }
  const generation = document.body.getAttribute('data-generation');
  if (generation !== null && host()) {
    const saved = api.getState && api.getState();
    if (saved && typeof saved.y === 'number') scrollTo(0, saved.y);
    else if (document.body.dataset.jump) { const j = document.getElementById(document.body.dataset.jump); if (j) j.scrollIntoView(); }
    let pending = 0;
    addEventListener('scroll', () => { if (!pending) pending = setTimeout(() => { pending = 0; api.setState({ y: scrollY }); }, 150); });
    // The host's markup is the renderer's own (every text escaped); inserted markup runs no script.
    function place(id, html) {
      const old = document.getElementById(id);
      if (!old) return null;
      const box = document.createElement('div');
      box.innerHTML = html;
      const el = box.firstElementChild;
      if (!el) return null;
      old.replaceWith(el);
      prepare(el);
      return el;
    }
    addEventListener('message', (e) => {
      const m = e.data;
      if (!m || String(m.generation) !== generation) return;
      const status = document.getElementById('rg-status');
      if (m.type === 'round') place(m.id, m.html);
      if (m.type === 'summary') {
        place(m.id, m.html);
        const toc = document.getElementById('rg-toc'); if (toc && typeof m.toc === 'string') { toc.innerHTML = m.toc; }
        const rubric = document.getElementById('rg-rubric'); if (rubric && typeof m.rubric === 'string') rubric.textContent = m.rubric;
        for (const id of m.absent || []) { const el = document.getElementById(id); if (el) el.remove(); }
      }
      if (status && typeof m.status === 'string') { status.textContent = m.status; status.className = 'status ' + (m.state || ''); }
    });
    api.postMessage({ type: 'ready', generation: Number(generation) });
  }
  document.addEventListener('click', (e) => {
    const cell = e.target instanceof Element ? e.target.closest('.cell') : null;
    if (!cell) return;
    if (cell.hasAttribute('data-message')) e.preventDefault();
    activate(cell);
  });
})();`;
