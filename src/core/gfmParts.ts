// GFM only where a text can use it. remark-gfm's five extensions make
// micromark about 1.7× slower on every text (each hooks characters that occur
// everywhere), yet most reviews use one or two of them. Each extension below
// has a trigger: a cheap test that is true for every text in which the
// extension could produce anything (a superset, never a guess), so a parse
// with only the triggered extensions yields the same tree as full GFM.
// test/unit/gfmParts.test.ts checks that on every corpus file and on
// generated markdown.
import type { Processor } from 'unified';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

type MicromarkExtension = ReturnType<typeof gfmTable>;
type FromMarkdownExtension = ReturnType<typeof gfmTableFromMarkdown>;

export interface GfmPart {
  name: string;
  /** true for every text in which this extension could make a node */
  trigger: (text: string) => boolean;
  micromark: () => MicromarkExtension;
  fromMarkdown: () => FromMarkdownExtension;
}

/**
 * A table needs a delimiter row: only `-`, `:`, `|`, blanks (and `>` of a
 * block quote), with a `-` and a `|` or `:` (a row of dashes alone is a
 * setext underline or a thematic break, never a table).
 */
const DELIMITER_ROW = /^(?=[^\r\n]*-)(?=[^\r\n]*[|:])[ \t>|:-]+$/m;

/** In remark-gfm's order (micromark-extension-gfm, mdast-util-gfm), which the merged hooks keep. */
export const GFM_PARTS: readonly GfmPart[] = [
  {
    name: 'autolink literal',
    // www. and protocol links, and emails (mailto:/xmpp: ones too), in micromark or in the text transform
    trigger: (text) => /www\.|https?:\/\/|[-.\w+]@[-.\w]*\./i.test(text),
    micromark: gfmAutolinkLiteral,
    fromMarkdown: gfmAutolinkLiteralFromMarkdown,
  },
  { name: 'footnote', trigger: (text) => text.includes('[^'), micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
  { name: 'strikethrough', trigger: (text) => text.includes('~'), micromark: gfmStrikethrough, fromMarkdown: gfmStrikethroughFromMarkdown },
  { name: 'table', trigger: (text) => DELIMITER_ROW.test(text), micromark: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  {
    name: 'task list item',
    trigger: (text) => /\[[\sxX]\]/.test(text),
    micromark: gfmTaskListItem,
    fromMarkdown: gfmTaskListItemFromMarkdown,
  },
];

/** Which parts a text triggers, as a bit mask over GFM_PARTS. */
export function gfmMask(text: string): number {
  let mask = 0;
  GFM_PARTS.forEach((part, i) => {
    if (part.trigger(text)) mask |= 1 << i;
  });
  return mask;
}

/** The unified plugin adding the parts of a mask, as remark-gfm adds all of them. */
export function gfmPlugin(mask: number) {
  return function addGfmParts(this: Processor): undefined {
    const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: FromMarkdownExtension[] };
    const micromark = (data.micromarkExtensions ??= []);
    const fromMarkdown = (data.fromMarkdownExtensions ??= []);
    GFM_PARTS.forEach((part, i) => {
      if (!(mask & (1 << i))) return;
      micromark.push(part.micromark());
      fromMarkdown.push(part.fromMarkdown());
    });
    return undefined;
  };
}
