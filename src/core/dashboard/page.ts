// The whole dashboard as one self-contained HTML string: inline CSS and JS
// under a nonce-based CSP, no network, no fonts. The CLI writes it to a file;
// the VS Code webview sets it as its html with its own nonce and cellLink.
// The webview builds it progressively: renderDashboardShell gives the frame
// (title, a status line, a pending section per round) at once, and the same
// pieces (renderRound, renderSummary) fill it as runs are graded, so the
// finished panel and the CLI's page are made of the same markup.
import { DEFAULT_ROUND_RULE, fmt, threshold, type RoundRule } from '../score';
import { english, translator, type Locale, type Translate } from '../i18n';
import { esc } from './html';
import type { PerspectiveView } from './model';
import { renderAgreement } from './renderAgreement';
import { renderHistory, shortLabel } from './renderHistory';
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
  /** the round thresholds the page states (a project file's, else the rubric's) */
  rule?: RoundRule;
  /** the perspectives are judged by different rules: each states its own, the header says so */
  rulesDiffer?: boolean;
  /** one line under the title: how the page was graded */
  note?: string;
  /** where clicking a matrix cell goes; without it cells are focusable but inert */
  cellLink?: CellLinker;
  /** leave out the script (e.g. a host that wants a static snapshot) */
  noScript?: boolean;
  /** the page's language (default English); the view model should be built with the same (buildPerspective's translator) */
  locale?: Locale;
}

/** A perspective's part of the page, possibly still being graded. */
export interface ShellPerspective {
  name: string;
  id: string;
  /** history + agreement (renderSummary); undefined: not yet, a placeholder says so */
  summary?: string;
  /** every round expected, oldest first; html undefined: still pending */
  rounds: { id: string; label: string; html?: string }[];
  /** stated under the perspective's name when the page's perspectives are judged by different rules */
  rule?: RoundRule;
}

export interface ShellOptions extends DashboardRenderOptions {
  /** the live status line ("grading 3 of 88 runs…"); left out on a finished static page */
  status?: string;
  /** the status line's state, a class on it: grading, done, cancelled */
  statusState?: 'grading' | 'done' | 'cancelled';
  /** the rubric sentence's figures (rubricWords), once known */
  rubric?: string;
  /** webview: a page generation the script posts back with 'ready' and matches messages against */
  generation?: number;
  /** webview: the round to scroll to when the page opens */
  jump?: string;
}

export function renderDashboardPage(perspectives: PerspectiveView[], opts: DashboardRenderOptions): string {
  const t = opts.locale ? translator(opts.locale) : english;
  // each perspective folder may have its own project file: one rule for all goes in the header, else each states its own
  const rules = new Map(perspectives.flatMap((p) => (p.rounds[0] ? [[JSON.stringify(p.rounds[0].rule), p.rounds[0].rule] as const] : [])));
  const own = rules.size > 1;
  const shell: ShellPerspective[] = perspectives.map((p) => ({
    name: p.name,
    id: p.id,
    summary: renderSummary(p, t),
    rounds: p.rounds.map((r) => ({ id: r.id, label: r.label, html: renderRound(r, opts.cellLink, t) })),
    ...(own && p.rounds[0] ? { rule: p.rounds[0].rule } : {}),
  }));
  const rule = own ? undefined : (opts.rule ?? [...rules.values()][0]);
  return renderDashboardShell(shell, { ...opts, rule, rulesDiffer: own, rubric: rubricWords(perspectives, t) });
}

/** The page around its perspectives; pending parts show placeholders the webview replaces. */
export function renderDashboardShell(perspectives: ShellPerspective[], opts: ShellOptions): string {
  const t = opts.locale ? translator(opts.locale) : english;
  const body = perspectives.map((p) => renderPerspective(p, t)).join('\n');
  const page = (nonce: string) => assemble(perspectives, body, nonce, opts, t);
  const nonce = opts.nonce !== undefined ? opts.nonce.replace(/[^A-Za-z0-9+/=_-]/g, '') : contentHash(page(''));
  return page(nonce);
}

/** History and agreement: what needs every run of the perspective graded. */
export function renderSummary(p: PerspectiveView, t: Translate = english): string {
  if (!p.rounds.length) return `<p class="muted">${esc(t('No graded runs found.'))}</p>`;
  return `${renderHistory(p, t)}\n${renderAgreement(p, t)}`;
}

/** The contents line for a perspective: its history, agreement and rounds. */
export function renderToc(p: Pick<ShellPerspective, 'name' | 'id' | 'rounds'>, t: Translate = english): string {
  const rounds = p.rounds.map((r) => ` · <a href="#${esc(r.id)}">${esc(shortLabel(r.label))}</a>`).join('');
  return `<div><a href="#${esc(p.id)}"><b>${esc(p.name)}</b></a>: <a href="#${esc(p.id)}-history">${esc(t('history'))}</a> · <a href="#${esc(p.id)}-agreement">${esc(t('agreement'))}</a>${rounds}</div>`;
}

function assemble(perspectives: ShellPerspective[], body: string, nonce: string, opts: ShellOptions, t: Translate): string {
  const src = opts.cspSource ? ` ${opts.cspSource}` : '';
  const csp = `default-src 'none'; img-src data:${src}; style-src 'nonce-${nonce}'${src}; script-src 'nonce-${nonce}';`;
  const title = opts.title ?? t('Review Grader dashboard — {0}', perspectives.map((p) => p.name).join(', '));
  const toc = perspectives.map((p) => renderToc(p, t)).join('\n');
  const live =
    opts.generation !== undefined ? ` data-generation="${opts.generation}"${opts.jump ? ` data-jump="${esc(opts.jump)}"` : ''}` : '';
  const status =
    opts.status !== undefined
      ? `<p id="rg-status" class="status${opts.statusState ? ` ${opts.statusState}` : ''}" role="status" aria-live="polite">${esc(opts.status)}</p>\n`
      : '';
  const rubric = `<span id="rg-rubric">${esc(opts.rubric ?? '…')}</span>`;
  return `<!DOCTYPE html>
<html lang="${opts.locale ?? 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${DASHBOARD_CSS}</style>
</head><body${live}>
<header><h1>${esc(title)}</h1>${opts.note ? `<p>${esc(opts.note)}</p>` : ''}
<p>${esc(t('Rubric: ○ 1, △ 0.5, × 0;'))} ${rubric}. ${esc(opts.rulesDiffer ? t('Stability and recommendation thresholds differ by perspective (their project files): each perspective states its own.') : ruleWords(opts.rule ?? DEFAULT_ROUND_RULE, t))}</p>
<nav class="toc" id="rg-toc" aria-label="${esc(t('contents'))}">${toc}</nav></header>
<main>
${status}${body}
</main>
<div id="rg-tip" role="tooltip" hidden></div>
${opts.noScript ? '' : `<script nonce="${nonce}">${DASHBOARD_JS}</script>`}
</body></html>
`;
}

/** The bonus and penalty rules the scores were computed with (each score carries its rubric). */
export function rubricWords(perspectives: PerspectiveView[], t: Translate = english): string {
  const seen = new Map<string, string>();
  for (const p of perspectives) {
    for (const r of p.rounds) {
      for (const c of r.columns) {
        const k = c.score.rubric;
        const words = t('bonus +{0} each (at most {1} count), penalty −{2} each', fmt(k.bonusPoints), k.bonusCap, fmt(k.penaltyPoints));
        seen.set(words, words);
      }
    }
  }
  if (seen.size === 0) return t('bonus and penalty: no graded runs');
  return seen.size === 1 ? [...seen.values()][0] : t('runs graded with different rubrics: {0}', [...seen.values()].join(' / '));
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

function renderPerspective(p: ShellPerspective, t: Translate): string {
  // newest round first; a pending round is a placeholder section with the same id, replaced when graded
  const rounds = [...p.rounds]
    .reverse()
    .map(
      (r) =>
        r.html ??
        `<section class="round pending" id="${esc(r.id)}" aria-labelledby="${esc(r.id)}-h" aria-busy="true">
<h3 id="${esc(r.id)}-h">${esc(r.label)}</h3><p class="muted">${esc(t('waiting to be graded…'))}</p>
</section>`,
    )
    .join('\n');
  const summary = p.summary ?? `<p class="muted pending-summary">${esc(t('History and agreement appear when every run is graded.'))}</p>`;
  return `<section class="perspective" id="${esc(p.id)}" aria-labelledby="${esc(p.id)}-h">
<h2 id="${esc(p.id)}-h">${esc(p.name)}</h2>
${p.rule ? `<p class="rule">${esc(ruleWords(p.rule, t))}</p>\n` : ''}${summaryBox(p.id, summary)}
${rounds}
</section>`;
}

/** The element holding a perspective's summary: the webview replaces it whole (one element). */
export function summaryBox(perspectiveId: string, inner: string): string {
  return `<div class="summary" id="${esc(perspectiveId)}-summary">${inner}</div>`;
}

/** The round rule as the page's header states it, with the thresholds in force. */
function ruleWords(rule: RoundRule, t: Translate): string {
  const [high, medium, clear, close] = [
    rule.stability.high,
    rule.stability.medium,
    rule.recommendation.clear,
    rule.recommendation.close,
  ].map(threshold);
  return t(
    'Stability: SD ≤ {0} high, ≤ {1} medium, else low. Recommendation on the signed gap (variant mean − baseline mean): > {2} → the variant; {3} to {2} → the lower SD (equal SDs: the variant); below {3}, every negative gap included → keep the baseline. Several variants: the highest mean among those adopted.',
    high,
    medium,
    clear,
    close,
  );
}
