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
import { firstSentence } from './leads';

/** Shorter blocks are connectives ("Details below:"), not points of their own. */
const MIN_POINT_CHARS = 40;
/** A nested item (indented two or more) belongs to the item or paragraph above it. */
const NESTED = /^(?:[ \t]{2,}|\t)(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * A grading tag written on the line after a paragraph's first line splits it
 * in two for markdown (an HTML comment interrupts a paragraph); a tag must
 * never change the findings, so a paragraph, a tag line right after it and
 * the paragraph right after that read as one.
 */
function joinTagged(blocks: Block[], text: (i: number) => string): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const last = out[out.length - 1];
    const next = blocks[i + 1];
    if (
      b.kind === 'html' &&
      b.first === b.last &&
      TAG.test(text(b.first)) &&
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

export function paragraphDrafts(all: Block[], lines: Line[], source: string): Draft[] {
  const blocks = joinTagged(all, (i) => source.slice(lines[i].start, lines[i].end));
  const drafts: Draft[] = [];
  let section: string | undefined;
  let skip = false;
  let open: Draft | undefined;
  // a point owns the lines after it up to the next block (its grading tag among them), as a heading finding does
  let last: Draft | undefined;
  for (const b of blocks) {
    if (last && b.kind !== 'html' && !(open === last && b.kind === 'paragraph' && b.text && NESTED.test(b.text))) {
      last.limit = Math.max(last.limit, b.first - 1);
      last = undefined;
    }
    if (b.kind === 'heading') {
      open = undefined;
      section = inlineText(b.text ?? '').replace(/^\d{1,3}(?:[.-]\d{1,3})*[.)]?\s+/, '');
      // praise is no finding either: a 'Positive Aspects' section stays out
      skip = isPositiveGroup(section) || (isStructural(section) && !isSeverityGroup(section));
      continue;
    }
    if (skip || b.kind !== 'paragraph' || !b.text) continue;
    if (open && NESTED.test(b.text)) {
      open.limit = b.last;
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
    // the whole paragraph is the finding's head, so a grading tag is written after it, never inside it
    const draft: Draft = {
      title: firstSentence(text),
      heading: text,
      section,
      first: b.first,
      headLast: b.last,
      limit: b.last,
      prose: true,
    };
    open = text.length >= MIN_POINT_CHARS ? draft : undefined;
    if (open) drafts.push((last = draft));
  }
  if (last) last.limit = lines.length - 1;
  return drafts;
}

function pipeLines(b: Block, lines: Line[], source: string): boolean {
  for (let i = b.first; i <= b.last; i++) if (/^\s*\|/.test(source.slice(lines[i].start, lines[i].end))) return true;
  return false;
}
