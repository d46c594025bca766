// Review metadata: round/variant/run/doc from the file name or from header
// lines the reviewer wrote ("**Variant**: v008-redteam", "Run: 1"), and the
// review's language.
import { parseRunName } from '../naming';

export interface ReviewMeta {
  variant?: string;
  run?: number;
  round?: number;
  doc?: number;
}

const HEADER = /^[\s>*_-]*(variant|prompt|run|round|doc(?:ument)?)[*_\s]*[:：][*_\s]*(.+?)\s*$/i;

export function reviewMeta(text: string, path?: string): ReviewMeta {
  const meta: ReviewMeta = {};
  const name = path ? parseRunName(path) : undefined;
  if (name) Object.assign(meta, { variant: name.variant, run: name.run, round: name.round, doc: name.doc });
  // header lines only: the first 40 lines, each capped in length
  const head = text.slice(0, 8000).split(/\r\n|\r|\n/, 40);
  for (const line of head) {
    const m = HEADER.exec(line.slice(0, 300));
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].replace(/[*_`]/g, '').trim();
    if (key === 'variant' || key === 'prompt') {
      const v = /^v(\d{1,4})-([\w.-]+)/i.exec(value);
      meta.variant ??= v ? v[2] : value.split(/\s+\(/)[0];
      if (v) meta.round ??= Number(v[1]);
      const r = /\brun\s*(\d+)/i.exec(value);
      if (r) meta.run ??= Number(r[1]);
    } else if (key === 'run') {
      const r = /(?:run)?\s*(\d+)\s*$/i.exec(value) ?? /(\d+)/.exec(value);
      if (r) meta.run ??= Number(r[1]);
      const d = /doc\s*(\d+)/i.exec(value);
      if (d) meta.doc ??= Number(d[1]);
    } else if (key === 'round') {
      const r = /(\d+)/.exec(value);
      if (r) meta.round ??= Number(r[1]);
    } else {
      const d = /^(?:doc\s*)?(\d+)\b/i.exec(value);
      if (d) meta.doc ??= Number(d[1]);
    }
  }
  return meta;
}

export { detectLanguage } from '../text';
