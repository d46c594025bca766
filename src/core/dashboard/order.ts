// Ordering that is the same on every machine: String#localeCompare follows
// the host's locale (and ICU build), so columns could move between a laptop
// and CI. Runs of ASCII digits compare as numbers ("v2" < "v10"), everything
// else by Unicode code point.

const CHUNK = /\d+|\D+/g;

export function compareNames(a: string, b: string): number {
  const xs = a.match(CHUNK) ?? [];
  const ys = b.match(CHUNK) ?? [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === y) continue;
    const dx = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const dy = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (dx && dy) {
      // numeric value first (without leading zeros, compare lengths then digits: no overflow on long runs)
      const tx = x.replace(/^0+(?=\d)/, '');
      const ty = y.replace(/^0+(?=\d)/, '');
      if (tx.length !== ty.length) return tx.length - ty.length;
      if (tx !== ty) return tx < ty ? -1 : 1;
      // equal values ("01" vs "1"): fall through to the code-point order of the text
    }
    return byCodePoint(x, y);
  }
  return xs.length - ys.length || byCodePoint(a, b);
}

/** Code-point order (not UTF-16 units: astral characters sort after the BMP, as in the Unicode tables). */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const xa = [...a];
  const xb = [...b];
  const n = Math.min(xa.length, xb.length);
  for (let i = 0; i < n; i++) {
    const d = (xa[i].codePointAt(0) as number) - (xb[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return xa.length - xb.length;
}
