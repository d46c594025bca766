// Item ids beyond the classic P01: any short upper-case prefix with a number
// ('S1', 'Q3', 'PB-04', 'T01-C1', 'AK-T01-01'), kept as the author wrote it.
// Found in headings, bold leads and the first cell of a table row.
import { HEAD } from './vocabulary';

/** An id token: letters first, a digit last, at most a few dash-joined parts. */
const ID = '[A-Z][A-Z0-9]{0,5}(?:-[A-Z0-9]{1,6}){0,3}';
const ID_ONLY = new RegExp(`^${ID}$`);
const REF = `[(（]\\s*(${ID})\\s*[)）]`;

/** Is this text (a cell, a bracket) one item id? Bonus ids (B01) are not items. */
export function isItemId(text: string): boolean {
  return text.length <= 20 && ID_ONLY.test(text) && /\d$/.test(text) && !/^B-?\d{1,3}$/.test(text);
}

/** A cell or label stripped of bold, code and link marks: '**S1**' → 'S1'. */
export function bareCell(text: string): string {
  return text.replace(/[*_`[\]]/g, '').trim();
}

/** The number an id ends with: 'T01-C3' → 3. */
export function idNumber(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

export interface IdHead {
  id: string;
  ref?: string;
  title: string;
  /** text after a bold lead's closing marks ('[Weight: 1.0]') */
  rest: string;
}

// 'T01: Title', 'PB-04: Title [High]', 'AK-01 (PB-02) — Title', 'S1' alone. A separator (or the end) must
// follow the id so a heading such as 'HTTP2 support' is not read as an item.
const HEAD_ID = new RegExp(`^[[【]?(${ID})[\\]】]?(?:\\s*${REF})?\\s*(?:$|[:：.．)|]|\\s[-–—]\\s|\\s?[-–—]\\s)\\s*`);

/** Heading text → id, reference and title, or undefined when it does not start with an item id. */
export function matchIdHeading(text: string): IdHead | undefined {
  const t = text.slice(0, HEAD).replace(/^(\*\*|__)(.*?)\1/, '$2');
  const m = HEAD_ID.exec(t);
  if (!m || !isItemId(m[1]!)) return undefined;
  return {
    id: m[1]!,
    ref: m[2],
    title: t
      .slice(m[0].length)
      .replace(/(?:\*\*|__)\s*$/, '')
      .trim(),
    rest: '',
  };
}

const BOLD = /^\s{0,3}(?:[-*+]\s+)?(\*\*|__)(.+?)\1(.*)$/;

/** A bold lead: '**AK-T01-01 (PB-02): Title** [Weight: 1.0]' or '**S1**: Title'. */
export function matchBoldLead(line: string): IdHead | undefined {
  const m = BOLD.exec(line.slice(0, HEAD));
  if (!m) return undefined;
  const inner = m[2]!.trim();
  const after = m[3]!;
  const h = matchIdHeading(inner);
  if (!h) return undefined;
  if (h.title) return { ...h, rest: after.trim() };
  // '**S1**: Title' / '**S1** (PB-02) — Title': the title follows the bold id
  const tail = new RegExp(`^\\s*(?:${REF})?\\s*(?:[:：.．|]|[-–—])\\s*(.*)$`).exec(after);
  if (!tail) return /^\s*(\[.*)?$/.test(after) ? { ...h, rest: after.trim() } : undefined;
  return { id: h.id, ref: h.ref ?? tail[1], title: tail[2]!.trim(), rest: '' };
}

const WEIGHT = /[[［(（]\s*(?:weight|重み|配点|w)\s*[:：=]?\s*(\d+(?:\.\d+)?)\s*[\]］)）]/i;

/** '[Weight: 1.0]' in a title or after a bold lead; the text without it. */
export function takeWeight(text: string): { weight?: number; text: string } {
  const m = WEIGHT.exec(text);
  return m ? { weight: Number(m[1]), text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim() } : { text };
}

/** A trailing '[High]' / '［重大］' on a title: the severity and the title without it. */
export function takeBracketSeverity(title: string, known: (v: string) => boolean): { severity?: string; title: string } {
  const m = /\s*[[［]([^\]］]{1,20})[\]］]\s*$/.exec(title);
  return m && known(m[1]!) ? { severity: m[1]!.trim(), title: title.slice(0, m.index).trim() } : { title };
}
