// Review → findings. A review is free-form markdown: findings are headings
// ('#### C1: …', '### 1.1 …'), bold lead paragraphs ('**C1: …**') or, in
// table-only reviews, rows of an issue table. Never throws: a failure becomes
// a Diagnostic on an otherwise empty review.
import type { Diagnostic, Finding, Review } from './model';
import { parseMarkdownChecked } from './markdown';
import type { Block } from './review/blocks';
import { headingInfo, isPositiveGroup, isSeverityGroup, isStructural } from './review/classify';
import { inlineText, lineText } from './review/inline';
import { PositionMap, splitLines, type Line } from './text';
import { blocksFromMdast } from './review/mdastBlocks';
import { detectLanguage, reviewMeta } from './review/meta';
import { buildOutline, sectionFor, sectionTitle, type OutlineHeading } from './review/outline';
import { tableFindings } from './review/tables';
import { readTags } from './tags/read';
import { pushAll } from './arrays';

/** A finding before spans and bodies are filled in. */
export interface Draft {
  label?: string;
  title: string;
  heading: string;
  section?: string;
  positive?: boolean;
  /** first and last line of the heading (or bold lead, or row) */
  first: number;
  headLast: number;
  /** offset where the body text starts on the heading's last line (bold lead remainder), else line end */
  bodyFrom?: number;
  /** last line the finding may extend to (inclusive) */
  limit: number;
  /** a table row's other cells, as its body */
  rowBody?: string;
}

export function parseReview(text: string, path?: string): Review {
  const src = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parse(src, path);
  } catch (e) {
    const message = `could not parse review: ${e instanceof Error ? e.message : String(e)}`;
    return {
      path,
      language: 'en',
      findings: [],
      tags: [],
      diagnostics: [{ code: 'review-parse-error', severity: 'error', message, line: 1 }],
    };
  }
}

function parse(text: string, path?: string): Review {
  const lines = splitLines(text);
  // one markdown parse: remark's mdast, or the scanner's flat mdast for risky input
  const blocks = blocksFromMdast(parseMarkdownChecked(text).root, text, lines);
  const diagnostics: Diagnostic[] = [];
  let drafts = headingDrafts(blocks, lines, false);
  if (tooCoarse(drafts, lines.length)) {
    // a review read as one or two findings, or one finding spanning most of the text, is
    // usually a reading that missed the author's structure: take a finer reading if one exists
    for (const alternative of [tableFindings(blocks), headingDrafts(blocks, lines, true)]) {
      if (alternative.length > drafts.length && alternative.length >= MIN_FINDINGS) drafts = alternative;
    }
  }
  if (drafts.length === 0) drafts = tableFindings(blocks);
  if (drafts.length === 0) drafts = headingDrafts(blocks, lines, true);
  drafts.sort((a, b) => a.first - b.first);
  const pos = new PositionMap(lines, text.length);
  const { tags: looseTags } = readTags(text, undefined, lines);
  const trailing = trailingTagLine(
    text,
    lines,
    pos,
    looseTags.map((t) => t.span.start.offset),
  );
  const codeLines = fenceLines(blocks);
  const findings = drafts.map((d, index) => finish(d, index, text, lines, pos, trailing, codeLines));
  const reading = readTags(text, findings, lines);
  pushAll(diagnostics, reading.diagnostics);
  if (findings.length === 0)
    diagnostics.push({ code: 'no-findings', severity: 'warning', message: 'no findings recognised in this review', line: 1 });
  return { path, language: detectLanguage(text), ...reviewMeta(text, path), findings, tags: reading.tags, diagnostics };
}

/**
 * A design review of a document with planted problems holds several findings;
 * a reading with fewer than this many is suspect (the judge's verdicts on such
 * runs agree with the matcher at kappa 0.27, against 0.5 elsewhere).
 */
const MIN_FINDINGS = 3;
/** One finding spanning more than this share of the review's lines is a section read as a finding. */
const MAX_FINDING_SHARE = 0.6;

function tooCoarse(drafts: Draft[], lineCount: number): boolean {
  if (drafts.length === 0) return false;
  if (drafts.length < MIN_FINDINGS) return true;
  return drafts.some((d) => d.limit - d.first + 1 > lineCount * MAX_FINDING_SHARE);
}

function headingDrafts(blocks: Block[], lines: Line[], loose: boolean): Draft[] {
  const heads = blocks.flatMap((b, i) => (b.kind === 'heading' ? [{ block: i, depth: b.depth ?? 1, raw: b.text ?? '' }] : []));
  const outline = buildOutline(heads, loose);
  splitLeadFindings(blocks, outline);
  const drafts: Draft[] = [];
  const nextHeading = (i: number, depth: number) => {
    for (let k = i + 1; k < outline.length; k++) if (outline[k].depth <= depth || outline[k].kind === 'finding') return k;
    return -1;
  };
  const limitOf = (k: number) => (k < 0 ? lines.length - 1 : blocks[outline[k].block].first - 1);
  outline.forEach((h, i) => {
    if (h.kind !== 'finding') return;
    const b = blocks[h.block];
    drafts.push({ ...describe(h, outline, i), first: b.first, headLast: b.last, limit: limitOf(nextHeading(i, h.depth)) });
  });
  // bold lead paragraphs under a section (never inside a heading finding)
  let hi = -1;
  const leads: { draft: Draft; block: number }[] = [];
  blocks.forEach((b, bi) => {
    if (b.kind === 'heading') hi++;
    if (b.kind !== 'paragraph' || b.listy || !b.text?.startsWith('**')) return;
    const owner = hi >= 0 ? outline[hi] : undefined;
    if (owner && owner.kind !== 'section') return;
    if (owner && isStructural(sectionTitle(owner)) && !isPositiveGroup(sectionTitle(owner)) && !isSeverityGroup(sectionTitle(owner)))
      return;
    const m = /^\*\*([^*\n]{1,300}?)\*\*/.exec(b.text);
    if (!m) return;
    const heading = inlineText(m[1]);
    const info = headingInfo(heading);
    if (!(info.label || (info.marker && owner)) || info.title.length < 2 || /[:：]$/.test(m[1].trim())) return;
    const sec = owner ? sectionFor(outline, hi) : undefined;
    const secTitle = sec ? sectionTitle(sec) : undefined;
    const positive = info.marker === 'positive' || (secTitle !== undefined && isPositiveGroup(secTitle) && !isSeverityGroup(secTitle));
    const bodyFrom = lines[b.first].start + m[0].length;
    leads.push({
      block: bi,
      draft: {
        label: info.label,
        title: info.title,
        heading,
        section: secTitle,
        positive,
        first: b.first,
        headLast: b.first,
        bodyFrom,
        limit: 0,
      },
    });
  });
  // a lead runs to the next lead or heading
  leads.forEach((l, k) => {
    const stop = leads[k + 1]?.block ?? blocks.length;
    let bi = l.block + 1;
    while (bi < stop && blocks[bi].kind !== 'heading') bi++;
    l.draft.limit = bi < blocks.length ? blocks[bi].first - 1 : lines.length - 1;
    drafts.push(l.draft);
  });
  return drafts;
}

/** A bold lead that names a finding of its own: '**Issue #2: …**', '**C3: …**', '**Critical: …**'. */
function leadInfo(text: string | undefined): ReturnType<typeof headingInfo> | undefined {
  if (!text?.startsWith('**')) return undefined;
  const m = /^\*\*([^*\n]{1,300}?)\*\*/.exec(text);
  if (!m || /[:：]$/.test(m[1].trim())) return undefined;
  const info = headingInfo(inlineText(m[1]));
  return (info.label || info.marker) && info.title.length >= 2 ? info : undefined;
}

/**
 * A heading read as one finding that holds two or more bold-lead findings
 * ('## 2. Data Handling' over '**Issue #1: …**', '**Issue #2: …**') is a
 * section of them: the leads become the findings.
 */
function splitLeadFindings(blocks: Block[], outline: OutlineHeading[]): void {
  const leads = new Map<number, number>();
  let hi = -1;
  for (const b of blocks) {
    if (b.kind === 'heading') hi++;
    else if (hi >= 0 && b.kind === 'paragraph' && !b.listy && outline[hi].kind === 'finding' && leadInfo(b.text))
      leads.set(hi, (leads.get(hi) ?? 0) + 1);
  }
  for (const [h, count] of leads) if (count >= 2) outline[h].kind = 'section';
}

function describe(h: OutlineHeading, outline: OutlineHeading[], i: number): Omit<Draft, 'first' | 'headLast' | 'limit'> {
  const sec = sectionFor(outline, outline[i].parent);
  const secTitle = sec ? sectionTitle(sec) : undefined;
  const positive =
    ['positive', 'strength', 'good'].includes(h.info.marker ?? '') ||
    /^(?:positive|strength)/i.test(h.info.label ?? '') ||
    (secTitle !== undefined && isPositiveGroup(secTitle) && !isSeverityGroup(secTitle));
  return { label: h.info.label, title: h.info.title, heading: h.text, section: secTitle, positive };
}

/** First line of the block of tag/blank lines that ends the file (tags there speak for the review). */
function trailingTagLine(text: string, lines: Line[], pos: PositionMap, tagStarts: number[]): number {
  const tagLines = new Set(tagStarts.map((o) => pos.lineIndexAt(o)));
  let k = lines.length;
  while (k > 0) {
    const l = lines[k - 1];
    const s = text.slice(l.start, l.end);
    if (s.trim() === '' || (tagLines.has(k - 1) && /^\s*<!--[^]*-->\s*$/.test(s))) k--;
    else break;
  }
  return k;
}

function fenceLines(blocks: Block[]): Set<number> {
  const s = new Set<number>();
  for (const b of blocks) if (b.kind === 'code') s.add(b.first).add(b.last);
  return s;
}

const TAG_LINE = /^\s*<!--\s*grade\b[^]*-->\s*$/i;

function finish(d: Draft, index: number, text: string, lines: Line[], pos: PositionMap, trailing: number, fences: Set<number>): Finding {
  const get = (i: number) => text.slice(lines[i].start, lines[i].end);
  let end = Math.max(d.headLast, Math.min(d.limit, lines.length - 1));
  if (end >= trailing) {
    const adjacent = d.headLast + 1 < lines.length && TAG_LINE.test(get(d.headLast + 1)) ? d.headLast + 1 : d.headLast;
    end = Math.max(trailing - 1, adjacent, d.headLast);
  }
  while (end > d.headLast && get(end).trim() === '') end--;
  const parts: string[] = [];
  if (d.bodyFrom !== undefined) parts.push(inlineText(text.slice(d.bodyFrom, lines[d.headLast].end)).replace(/^[-–—:：\s]+/, ''));
  for (let i = d.headLast + 1; i <= end; i++) {
    const s = get(i);
    if (fences.has(i) || TAG_LINE.test(s)) continue;
    parts.push(lineText(s));
  }
  if (d.rowBody) parts.push(d.rowBody);
  const body = parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const headStart = lines[d.first]?.start ?? 0;
  const headEnd = lines[d.headLast]?.end ?? text.length;
  const spanEnd = lines[end]?.end ?? text.length;
  const f: Finding = {
    title: d.title,
    heading: d.heading,
    body,
    headingSpan: pos.span(headStart, headEnd),
    span: pos.span(headStart, spanEnd),
    index,
  };
  if (d.label !== undefined) f.label = d.label;
  if (d.section !== undefined) f.section = d.section;
  if (d.positive) f.positive = true;
  return f;
}
