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

export function paragraphDrafts(blocks: Block[], lines: Line[]): Draft[] {
  const drafts: Draft[] = [];
  let section: string | undefined;
  let skip = false;
  let open: Draft | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      open = undefined;
      section = inlineText(b.text ?? '').replace(/^\d{1,3}(?:[.-]\d{1,3})*[.)]?\s+/, '');
      skip = isStructural(section) && !isSeverityGroup(section) && !isPositiveGroup(section);
      continue;
    }
    if (skip || b.kind !== 'paragraph' || !b.text) continue;
    if (open && NESTED.test(b.text)) {
      open.limit = b.last;
      continue;
    }
    const text = lineText(b.text);
    if (text.length < 2) continue;
    const draft: Draft = {
      title: firstSentence(text),
      heading: text,
      section,
      first: b.first,
      headLast: b.first,
      limit: b.last,
    };
    open = blockLength(b, lines) >= MIN_POINT_CHARS ? draft : undefined;
    if (open) drafts.push(draft);
  }
  return drafts;
}

function blockLength(b: Block, lines: Line[]): number {
  let n = 0;
  for (let i = b.first; i <= b.last; i++) n += lines[i].end - lines[i].start;
  return n;
}
