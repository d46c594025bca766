// "A file is untrusted input": a link inside a review (`<!-- answer-key: … -->`)
// is followed only to a .md file inside a root the user chose (the CLI's
// working directory, the editor's workspace). Pure path arithmetic on
// '/'-separated absolute paths; the host resolves symlinks before asking.
import { lineOf as lineAt } from './text';

/** `p` with '\' as '/', '.' and '..' segments resolved and no trailing '/'. Keeps a leading '/' or drive. */
export function normalizePath(p: string): string {
  const s = p.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:/.exec(s)?.[0] ?? '';
  const rest = s.slice(drive.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return drive + (absolute ? `/${body}` : body || '.');
}

/** Is `path` the root itself or below it? Both absolute; compared segment-wise, so /a/bc is not inside /a/b. */
export function isInside(root: string, path: string): boolean {
  const r = normalizePath(root);
  const p = normalizePath(path);
  if (r === '/') return p.startsWith('/');
  const sameCase = /^[A-Za-z]:/.test(r); // Windows drives compare case-insensitively
  const [a, b] = sameCase ? [r.toLowerCase(), p.toLowerCase()] : [r, p];
  return b === a || b.startsWith(`${a}/`);
}

export type LinkRefusal = 'not-markdown' | 'outside';

/** May a link target (absolute, after symlinks were resolved) be read? */
export function linkAllowed(root: string, target: string): { ok: true } | { ok: false; why: LinkRefusal } {
  if (!/\.md$/i.test(target)) return { ok: false, why: 'not-markdown' };
  if (!isInside(root, target)) return { ok: false, why: 'outside' };
  return { ok: true };
}

/** The 1-based line of the first occurrence of `needle` in `text` (1 when absent). */
export function lineOf(text: string, needle: string): number {
  return lineAt(text, text.indexOf(needle));
}
