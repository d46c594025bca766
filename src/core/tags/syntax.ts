// The grading-tag language: `<!-- grade: P01 ○, P06 △ -->`, `bonus B01`,
// `penalty: out of scope`. Parsing is forgiving (ASCII and full-width
// spellings); formatting is canonical, so writing is idempotent.
import { MARK, type TagEntry } from '../model';
import { parseVerdict } from '../text';
import { said, type SaidText } from '../i18n';

/** Read a verdict mark or word; undefined when unknown (one table for keys, tags and judges: core/text). */
export { parseVerdict };

export interface TagBody {
  entries: TagEntry[];
  /** one message per entry that could not be read (said, so it can be shown in the reader's language) */
  errors: SaidText[];
}

const PROBLEM = /^p\s*-?\s*(\d{1,5})\s*[:=]?\s*(\S+?)\s*$/i;
const BONUS = /^bonus(?:\s*[:=]?\s*(b\s*-?\s*\d{1,5}))?$/i;
const PENALTY = /^penalty(?:\s*[:=]?\s*(.*))?$/i;
/** Any other key's item id ('Q3', 'S1', 'T01-C1', 'AK-T02-01'), as core/answerKey/ids reads them: it ends in a digit. */
const ITEM = /^([A-Z][A-Z0-9]{0,5}(?:-[A-Z0-9]{1,6}){0,3})\s*[:=]?\s*(\S+?)\s*$/i;

/** Parse the text between `grade:` and `-->`. Never throws. */
export function parseTagBody(body: string): TagBody {
  const entries: TagEntry[] = [];
  const errors: SaidText[] = [];
  const text = body.normalize('NFKC');
  for (const rawPart of text.split(/[,;、]/)) {
    const part = rawPart.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    if ((m = PROBLEM.exec(part))) {
      const verdict = parseVerdict(m[2]);
      const id = `P${m[1].padStart(2, '0')}`;
      if (verdict) entries.push({ kind: 'problem', id, verdict });
      else errors.push(said("unknown verdict '{0}' for {1}: expected ○ (o, detected), △ (^, partial) or × (x, missed)", m[2], id));
    } else if ((m = ITEM.exec(part)) && /\d$/.test(m[1]) && !/^b\d+$/i.test(m[1])) {
      const verdict = parseVerdict(m[2]);
      const id = m[1].toUpperCase();
      if (verdict) entries.push({ kind: 'problem', id, verdict });
      else errors.push(said("unknown verdict '{0}' for {1}: expected ○ (o, detected), △ (^, partial) or × (x, missed)", m[2], id));
    } else if ((m = BONUS.exec(part))) {
      const id = m[1] ? `B${m[1].replace(/\D/g, '').padStart(2, '0')}` : undefined;
      entries.push(id ? { kind: 'bonus', id } : { kind: 'bonus' });
    } else if ((m = PENALTY.exec(part))) {
      const reason = m[1]?.trim();
      entries.push(reason ? { kind: 'penalty', reason } : { kind: 'penalty' });
    } else {
      errors.push(said("cannot read '{0}': expected 'P01 ○', 'bonus [B01]' or 'penalty[: reason]'", part.slice(0, 60)));
    }
  }
  return { entries, errors };
}

function entryText(e: TagEntry): string {
  if (e.kind === 'problem') return `${e.id} ${MARK[e.verdict]}`;
  if (e.kind === 'bonus') return e.id ? `bonus ${e.id}` : 'bonus';
  // a reason must not split the list, close the comment or add a table cell
  const reason = e.reason
    ?.replace(/[,;、，；]/g, ' ')
    .replace(/\|/g, '/')
    .replace(/-->|--/g, '-')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return reason ? `penalty: ${reason}` : 'penalty';
}

/** Canonical tag text, e.g. `<!-- grade: P01 ○, P06 △ -->`. */
export function formatTag(entries: TagEntry[]): string {
  return `<!-- grade: ${entries.map(entryText).join(', ')} -->`;
}

/** Put one entry into a list: replaces the entry for the same problem (or the same bonus row), keeps the rest. */
export function setTagEntry(entries: TagEntry[], entry: TagEntry): TagEntry[] {
  const same = (e: TagEntry) =>
    (entry.kind === 'problem' && e.kind === 'problem' && e.id === entry.id) ||
    (entry.kind === 'bonus' && e.kind === 'bonus' && e.id === entry.id) ||
    (entry.kind === 'penalty' && e.kind === 'penalty');
  const i = entries.findIndex(same);
  if (i < 0) return [...entries, entry];
  return entries.map((e, k) => (k === i ? entry : e)).filter((e, k) => k <= i || !same(e));
}

/** Drop the entry for one problem id ('P03'), bonus ('bonus' / 'B01') or 'penalty'. */
export function removeTagEntry(entries: TagEntry[], key: string): TagEntry[] {
  const k = key.toLowerCase();
  return entries.filter((e) =>
    e.kind === 'problem'
      ? e.id.toLowerCase() !== k
      : e.kind === 'bonus'
        ? (e.id ?? 'bonus').toLowerCase() !== k && k !== 'bonus'
        : k !== 'penalty',
  );
}
