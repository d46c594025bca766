// Small HTML-string helpers. Everything user-supplied (titles, paths, review
// excerpts) goes through esc(), so corpus text can never become markup.
import { fmt } from '../score';

import { escapeHtml as esc } from '../escape';

export { esc };

/** ` name="value"` pairs; undefined/false values are left out. */
export function attrs(a: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v as string | number)}"`))
    .join('');
}

/** A figure you can hover or focus to see what it sums. */
export function num(value: number | string, tip: string, cls = 'num'): string {
  const text = typeof value === 'number' ? fmt(value) : value;
  return `<span${attrs({ class: cls, tabindex: 0, title: tip })}>${esc(text)}</span>`;
}

/** An SVG element with a tooltip: <title> for no-script hosts, data-tip for the page's tooltip. */
export function svgTip(tag: string, a: Record<string, string | number | boolean | undefined>, tip: string): string {
  return `<${tag}${attrs({ ...a, 'data-tip': tip })}><title>${esc(tip)}</title></${tag}>`;
}

/** Numbers in SVG coordinates: one decimal keeps files small. */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10);
}
