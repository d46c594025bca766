// Escaping untrusted text (titles, excerpts, paths from LLM-written files)
// for each place it lands: HTML, markdown, a terminal. One copy of each, used
// by the dashboard, the scoring report, Grade Folder and the CLI.

/** Text safe as HTML content or a quoted attribute value. */
export function escapeHtml(s: string | number | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** C0/C1 controls (tab and newline aside), DEL and the bidi overrides that reorder what a terminal shows. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters shown as `\u001b`: readable in a terminal, and still valid inside a JSON string. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function hasControls(s: string): boolean {
  CONTROL.lastIndex = 0;
  const found = CONTROL.test(s);
  CONTROL.lastIndex = 0;
  return found;
}

/**
 * One line of untrusted text as literal markdown: no HTML (`<script>`, `<!--`),
 * no links or images (`[x](command:…)`), no emphasis or code spans, no
 * table-cell break; control characters shown escaped. Whitespace collapses.
 */
export function escapeMarkdownInline(s: string): string {
  return escapeControls(s.replace(/\s+/g, ' ').trim())
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/** A code span that holds `s` literally, whatever backticks it contains. */
export function markdownCode(s: string): string {
  const text = escapeControls(s.replace(/\s+/g, ' '));
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
