// The last reading of a review whose structure names too few findings: its
// prose paragraphs and top-level list items, each a finding. A review written
// as running text ("First, … Second, …") or as one section of paragraphs
// still gets one finding per point it makes, so one finding never stands for
// the whole review. Document structure (summaries, scores, recommendations)
// and the title stay out, as in the heading reading.
import type { Draft } from '../review';
import type { Line } from '../text';
import type { Block } from './blocks';
import { isPositiveGroup, isSeverityGroup, isStructural } from './classify';
import { inlineText, lineText } from './inline';
import { firstSentence, leadOf } from './leads';

/** Shorter blocks are connectives ("Details below:"), not points of their own. */
const MIN_POINT_CHARS = 40;
/** A title over nested details needs a few words at least ('- Tokens never expire'). */
const MIN_TITLE_CHARS = 10;
/** A title line is well short of a line of text; a longer first line is running prose wrapped by hand (at 72–80). */
const MAX_TITLE_LINE = 60;
/** Field names that open a finding's record, so never continue the one before. */
const OPENS_RECORD = /^(?:issues?|problems?|findings?|observation|title|問題点?|指摘(?:事項)?|課題)$/i;
/** Words a review sums itself up with, at the start of a paragraph. */
const SUMS_UP =
  /^(?:overall\b|in (?:summary|conclusion|short)\b|to (?:conclude|summari[sz]e|sum up)\b|all in all\b|総じて|全体として|全体的に|以上[、,]|まとめると)/i;

/** A nested item (indented two or more) belongs to the item or paragraph above it. */
const NESTED = /^(?:[ \t]{2,}|\t)(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * A grading tag written on the line after a paragraph's first line splits it
 * in two for markdown (an HTML comment interrupts a paragraph); a tag must
 * never change the findings, so a paragraph, a tag line right after it and
 * the paragraph right after that read as one.
 */
function joinTagged(blocks: Block[], lines: Line[], source: string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const last = out[out.length - 1];
    const next = blocks[i + 1];
    if (
      isTagBlock(b, lines, source) &&
      last?.kind === 'paragraph' &&
      last.last === b.first - 1 &&
      next?.kind === 'paragraph' &&
      next.first === b.last + 1 &&
      !next.listy
    ) {
      out[out.length - 1] = { ...last, last: next.last };
      i++;
      continue;
    }
    out.push(b);
  }
  return out;
}

const TAG = /^\s*<!--\s*grade\b[^]*-->\s*$/i;

/** A one-line grading tag block. */
function isTagBlock(b: Block | undefined, lines: Line[], source: string): boolean {
  return b?.kind === 'html' && b.first === b.last && TAG.test(source.slice(lines[b.first].start, lines[b.first].end));
}

export function paragraphDrafts(all: Block[], lines: Line[], source: string): Draft[] {
  const blocks = joinTagged(all, lines, source);
  const drafts: Draft[] = [];
  let section: string | undefined;
  let skip = false;
  let open: Draft | undefined;
  // the field names written in the open point ('**Issue:**', '**Impact:**'): a name seen again starts the next record
  let fields = new Set<string>();
  // a point owns the lines after it up to the next block (its grading tag among them), as a heading finding does
  let last: Draft | undefined;
  const title = titleBlock(blocks);
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    const nested = b.kind === 'paragraph' && !!b.text && NESTED.test(b.text);
    const field = open && b.kind === 'paragraph' && b.text && !nested ? fieldOf(b.text) : undefined;
    // a field of the open record ('**Impact:** …' after '**Issue:** …') belongs to it, as a nested item does
    const joins = open !== undefined && (nested || (field !== undefined && !fields.has(field) && !OPENS_RECORD.test(field)));
    if (last && b.kind !== 'html' && !(open === last && joins)) {
      last.limit = Math.max(last.limit, b.first - 1);
      last = undefined;
    }
    if (b.kind === 'heading') {
      open = undefined;
      section = inlineText(b.text ?? '').replace(/^\d{1,3}(?:[.-]\d{1,3})*[.)]?\s+/, '');
      // praise is no finding either: a 'Positive Aspects' section stays out; the document's title ('# レビュー') holds the review
      skip = bi !== title && (isPositiveGroup(section) || (isStructural(section) && !isSeverityGroup(section)));
      continue;
    }
    if (skip || b.kind !== 'paragraph' || !b.text) continue;
    if (open && joins) {
      open.limit = b.last;
      if (field) fields.add(field);
      last = open;
      continue;
    }
    // a quotation is the design document's words, not the reviewer's point; pipe lines are a broken table
    if (/^[ \t]{0,3}>/.test(b.text) || pipeLines(b, lines, source)) {
      open = undefined;
      continue;
    }
    const parts: string[] = [];
    for (let i = b.first; i <= b.last; i++) parts.push(lineText(source.slice(lines[i].start, lines[i].end)));
    const text = parts.join(' ').trim();
    // 'Overall, …' / 'In conclusion, …' / '以上、…': the review summing itself up, not a point of its own
    if (SUMS_UP.test(text)) {
      open = undefined;
      continue;
    }
    const lead = leadOf(b.text);
    const own = lead?.field || (lead && OPENS_RECORD.test(lead.name)) ? lead.name : undefined;
    // a record's first field ('**Issue:** Calls have no timeout') gives the title without its name;
    // a short first line with no stop over more lines is the point's title ('1. Missing timeout' ⏎ '   The client …')
    const firstLine = lineText(source.slice(lines[b.first].start, lines[b.first].end));
    const titleText =
      own !== undefined && lead
        ? inlineText(b.text.slice(lead.bodyAt)) || text
        : isTitleLine(firstLine, b.last > b.first ? lineText(source.slice(lines[b.first + 1].start, lines[b.first + 1].end)) : '')
          ? firstLine
          : text;
    // the whole paragraph is the finding's head, so a grading tag is written after it, never inside it
    const draft: Draft = {
      title: firstSentence(titleText),
      heading: text,
      section,
      first: b.first,
      headLast: b.last,
      limit: b.last,
      prose: true,
    };
    // a short list item over nested details is a finding's title ('- Tokens never expire' › '  - …');
    // its own grading tag between the two is invisible to the reading (a tag never changes the findings)
    let after = bi + 1;
    while (isTagBlock(blocks[after], lines, source)) after++;
    const next = blocks[after];
    const titled = next?.kind === 'paragraph' && !!next.text && NESTED.test(next.text) && text.length >= MIN_TITLE_CHARS;
    // a record opened by its issue field ('**Issue:** No timeout.') is a point however short its first line
    const record = own !== undefined && OPENS_RECORD.test(own) && text.length >= MIN_TITLE_CHARS;
    open = pointLength(text) >= MIN_POINT_CHARS || titled || record ? draft : undefined;
    fields = new Set(own !== undefined ? [own] : []);
    if (open) drafts.push((last = draft));
  }
  if (last) last.limit = lines.length - 1;
  return drafts;
}

/**
 * Is a paragraph's first line a title over the lines after it? Short, ending
 * in no stop, comma or colon, with the next line starting a sentence of its
 * own; a hand-wrapped sentence goes on in lower case.
 */
function isTitleLine(first: string, next: string): boolean {
  if (!next || first.length > MAX_TITLE_LINE || /[.。!?！？:：,、;]$/.test(first)) return false;
  return /^[\p{Lu}\p{Lo}]/u.test(next);
}

/** A paragraph's lead when it names a field of a finding ('**Impact:** …'), lower-cased; else undefined. */
function fieldOf(text: string): string | undefined {
  const l = leadOf(text);
  return l?.field ? l.name : undefined;
}

/**
 * Length for the point threshold: a CJK character carries about as much as
 * two Latin ones (a Japanese sentence is about half as long as its English),
 * so 'ログに個人情報が出力されている。' is a point as its English would be.
 */
function pointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) n++;
  }
  return n;
}

/** The block index of the document's title: the first block, a level-1 heading, the only one. */
function titleBlock(blocks: Block[]): number {
  let ones = 0;
  for (const b of blocks) if (b.kind === 'heading' && b.depth === 1) ones++;
  return ones === 1 && blocks[0]?.kind === 'heading' && blocks[0].depth === 1 ? 0 : -1;
}

function pipeLines(b: Block, lines: Line[], source: string): boolean {
  for (let i = b.first; i <= b.last; i++) if (/^\s*\|/.test(source.slice(lines[i].start, lines[i].end))) return true;
  return false;
}
