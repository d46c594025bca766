// Review → findings. A review is free-form markdown: findings are headings
// ('#### C1: …', '### 1.1 …'), bold lead paragraphs ('**C1: …**') or, in
// table-only reviews, rows of an issue table. Never throws: a failure becomes
// a Diagnostic on an otherwise empty review.
import type { Diagnostic, Finding, Review } from './model';
import { parseMarkdownChecked } from './markdown';
import type { Block } from './review/blocks';
import { isCategoryGroup, isPositiveGroup, isRestating, isSeverityGroup, isStructural } from './review/classify';
import { inlineText, lineText } from './review/inline';
import { bomLength, PositionMap, splitLines, type Line } from './text';
import { blocksFromMdast } from './review/mdastBlocks';
import { detectLanguage, reviewMeta } from './review/meta';
import { buildOutline, sectionFor, sectionTitle, type OutlineHeading } from './review/outline';
import { tableFindings } from './review/tables';
import { leadOf, type Lead } from './review/leads';
import { paragraphDrafts } from './review/paragraphs';
import { readTags } from './tags/read';
import { pushAll } from './arrays';
import { said } from './i18n';

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
  /** read from a prose paragraph or list item: the review named no finding of its own (review/paragraphs.ts) */
  prose?: boolean;
}

export function parseReview(text: string, path?: string): Review {
  const src = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parse(src, path);
  } catch (e) {
    const message = said('could not parse review: {0}', e instanceof Error ? e.message : String(e));
    return {
      path,
      language: 'en',
      findings: [],
      tags: [],
      diagnostics: [{ code: 'review-parse-error', severity: 'error', ...message, line: 1 }],
    };
  }
}

function parse(text: string, path?: string): Review {
  const lines = splitLines(text);
  // one markdown parse: remark's mdast, or the scanner's flat mdast for risky input
  const blocks = blocksFromMdast(parseMarkdownChecked(text).root, text, lines);
  const diagnostics: Diagnostic[] = [];
  const bom = bomLength(text);
  let drafts = headingDrafts(blocks, lines, false, bom);
  if (tooCoarse(drafts, lines.length)) drafts = finerReading(drafts, blocks, lines, bom, text);
  drafts.sort((a, b) => a.first - b.first);
  drafts = splitCategories(drafts, blocks, lines, text);
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
    diagnostics.push({ code: 'no-findings', severity: 'warning', ...said('no findings recognised in this review'), line: 1 });
  else if (drafts.every((d) => d.prose))
    // said, so a file that is not a review (or a review in a shape not read yet) does not pass silently
    diagnostics.push({
      code: 'findings-from-paragraphs',
      severity: 'info',
      ...said('no finding headings, bold leads or labels recognised: each of its {0} paragraph(s) is read as a finding', findings.length),
      line: findings[0].headingSpan.start.line,
    });
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

/**
 * A review read as no finding, one or two, or one finding spanning most of
 * the text is usually a reading that missed the author's structure: take the
 * finer structured reading (issue table rows, then any heading or bold lead
 * not document structure), and when even that names too few, the review's
 * paragraphs and list items.
 */
function finerReading(drafts: Draft[], blocks: Block[], lines: Line[], bom: number, text: string): Draft[] {
  // a reading of praise alone ('## Positive Aspects' leads) may sit beside an issue table; nothing looser
  // is tried then, since a loose reading would make any stray heading a finding
  if (drafts.length > 0 && issues(drafts) === 0) {
    const rows = tableFindings(blocks);
    return issues(rows) > 0 ? rows : drafts;
  }
  let best = drafts;
  for (const alternative of [tableFindings(blocks), headingDrafts(blocks, lines, true, bom)]) {
    const n = issues(alternative);
    if (n > issues(best) && (n >= MIN_FINDINGS || issues(best) === 0)) best = alternative;
  }
  if (issues(best) >= MIN_FINDINGS) return best;
  const prose = paragraphDrafts(blocks, lines, text);
  if (prose.length > issues(best) && (prose.length >= MIN_FINDINGS || issues(best) === 0)) return prose;
  if (issues(best) > 0) return best;
  // nothing at all: a review whose findings stand under an 'Analysis' or 'Evaluation' heading
  // ('## Analysis' › '**Timeouts** …') has them there; only restating sections stay out
  return headingDrafts(blocks, lines, true, bom, true);
}

/**
 * A section read as one finding whose title names a category of them
 * ('## 1. Reliability Concerns', '## セキュリティ上の問題') and whose body makes
 * two or more separate points in paragraphs or items: each point is a finding.
 */
function splitCategories(drafts: Draft[], blocks: Block[], lines: Line[], text: string): Draft[] {
  const out: Draft[] = [];
  let bi = 0;
  for (const d of drafts) {
    const heading = d.bodyFrom === undefined && d.rowBody === undefined && !d.prose && !d.positive;
    if (!heading || (d.label !== undefined && !/^\d/.test(d.label)) || !isCategoryGroup(d.title)) {
      out.push(d);
      continue;
    }
    // drafts come in line order, so one pass over the blocks serves them all
    while (bi < blocks.length && blocks[bi].first <= d.headLast) bi++;
    const inside: Block[] = [];
    for (let k = bi; k < blocks.length && blocks[k].last <= d.limit; k++) inside.push(blocks[k]);
    const points = paragraphDrafts(inside, lines, text);
    if (points.length < 2) {
      out.push(d);
      continue;
    }
    for (const p of points) out.push({ ...p, section: d.title, limit: Math.min(p.limit, d.limit), prose: false });
  }
  return out;
}

/** Findings that can detect a problem: positive aspects do not count towards a reading's size. */
function issues(drafts: Draft[]): number {
  let n = 0;
  for (const d of drafts) if (!d.positive) n++;
  return n;
}

function tooCoarse(drafts: Draft[], lineCount: number): boolean {
  if (issues(drafts) < MIN_FINDINGS) return true;
  return drafts.some((d) => d.limit - d.first + 1 > lineCount * MAX_FINDING_SHARE);
}

function headingDrafts(blocks: Block[], lines: Line[], loose: boolean, bomAt = 0, analysis = false): Draft[] {
  const heads = blocks.flatMap((b, i) => (b.kind === 'heading' ? [{ block: i, depth: b.depth ?? 1, raw: b.text ?? '' }] : []));
  const outline = buildOutline(heads, loose);
  const leads = findLeads(blocks, outline);
  splitLeadFindings(blocks, outline, leads, loose);
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
  // leads under a section (never inside a heading finding)
  let hi = -1;
  // the last group lead ('**Critical Issues:**') under the current heading: the findings after it belong to it
  let group: FoundLead | undefined;
  const taken: { draft: Draft; block: number; intro?: boolean }[] = [];
  blocks.forEach((b, bi) => {
    if (b.kind === 'heading') {
      hi++;
      group = undefined;
    }
    const lead = leads[bi];
    if (!lead) return;
    if (lead.group) {
      group = lead;
      return;
    }
    // the points of a summary written as a marked section ('■ 総評') are no findings
    if (group?.group === 'structure' && !lead.info.label) return;
    const owner = hi >= 0 ? outline[hi] : undefined;
    if (owner && owner.kind !== 'section') return;
    const ownerTitle = owner ? sectionTitle(owner) : undefined;
    // the document's own title ('# レビュー結果', '# Review') names the whole review, not a summary section
    if (
      ownerTitle !== undefined &&
      !owner?.isTitle &&
      isStructural(ownerTitle) &&
      !isPositiveGroup(ownerTitle) &&
      !isSeverityGroup(ownerTitle) &&
      !(analysis && !lead.restated)
    )
      return;
    if (!acceptsLead(lead, owner, loose, group !== undefined)) return;
    const sec = owner ? sectionFor(outline, hi) : undefined;
    const secTitle = group ? group.heading : sec ? sectionTitle(sec) : undefined;
    const positive =
      lead.info.marker === 'positive' ||
      group?.group === 'positive' ||
      (!group && secTitle !== undefined && isPositiveGroup(secTitle) && !isSeverityGroup(secTitle));
    // a block's text leaves out a byte-order mark the line table counts
    const bom = b.first === 0 ? bomAt : 0;
    taken.push({
      block: bi,
      intro: lead.intro,
      draft: {
        label: lead.info.label,
        title: lead.info.title,
        heading: lead.heading,
        section: secTitle,
        positive,
        first: b.first,
        headLast: b.first,
        bodyFrom: lines[b.first].start + bom + lead.bodyAt,
        limit: 0,
      },
    });
  });
  // a lead runs to the next lead, group lead or heading
  taken.forEach((l, k) => {
    const stop = taken[k + 1]?.block ?? blocks.length;
    let bi = l.block + 1;
    while (bi < stop && blocks[bi].kind !== 'heading' && !leads[bi]?.group) bi++;
    // '**Violations found:**' right over a heading introduces the findings under it and says nothing itself
    // (one over bold points is kept: it titles the run of points, and the corpus grades that reading no worse)
    if (l.intro && bi === l.block + 1 && blocks[l.block].last === blocks[l.block].first && blocks[bi]?.kind === 'heading') return;
    l.draft.limit = bi < blocks.length ? blocks[bi].first - 1 : lines.length - 1;
    drafts.push(l.draft);
  });
  return drafts;
}

/**
 * Where a lead stands decides whether it starts a finding. A labelled lead
 * ('**C3: …**', '問題1: …', '**Critical: …**' under a section) does anywhere
 * outside a finding. A plain bold title does where the section around it is a
 * list of findings: a severity, category or positive group, or a scored
 * criterion section; and anywhere in the finer reading of a coarse review.
 * A lead the review repeats ('**Impact**' in every finding) is a field name.
 */
function acceptsLead(lead: FoundLead, owner: OutlineHeading | undefined, loose: boolean, grouped: boolean): boolean {
  // a summary or roadmap restates the findings ('## Priority Summary' › '### Critical Issues' › '1. **R-01: …**')
  if (lead.field || lead.group || lead.score || lead.restated) return false;
  if (lead.labelled) return !!lead.info.label || owner !== undefined;
  if (lead.repeated) return false;
  if (loose || grouped) return true;
  if (!owner) return false;
  const t = sectionTitle(owner);
  return owner.info.scored || owner.holdsLeads === true || isSeverityGroup(t) || isPositiveGroup(t);
}

/** Is a heading inside a section that restates the findings (a summary, recommendations, next steps)? */
function underStructure(outline: OutlineHeading[], i: number): boolean {
  for (let a: number | undefined = i; a !== undefined && a >= 0; a = outline[a].parent) {
    if (!outline[a].isTitle && isRestating(sectionTitle(outline[a]))) return true;
  }
  return false;
}

type FoundLead = Lead & { repeated: boolean; restated: boolean };

/**
 * The lead of every paragraph block (by block index), each marked when it
 * stands in a section that restates findings, and when its words recur in
 * the rest of the review (a field name does; a finding's title recurs only in
 * a summary, which is not counted).
 */
function findLeads(blocks: Block[], outline: OutlineHeading[]): (FoundLead | undefined)[] {
  let hi = -1;
  const found = blocks.map((b) => {
    if (b.kind === 'heading') hi++;
    const l = b.kind === 'paragraph' && b.text ? leadOf(b.text) : undefined;
    return l && { ...l, repeated: false, restated: underStructure(outline, hi) };
  });
  const count = new Map<string, number>();
  for (const l of found) if (l && !l.labelled && !l.restated) count.set(l.name, (count.get(l.name) ?? 0) + 1);
  for (const l of found) if (l && !l.labelled && !l.field && !l.restated) l.repeated = (count.get(l.name) ?? 0) >= 2;
  return found;
}

/**
 * A heading read as one finding that holds two or more findings of its own
 * is a section of them: labelled leads ('## 2. Data Handling' over
 * '**Issue #1: …**', '**Issue #2: …**'), or plain bold titles when the
 * heading scores a criterion ('## 1. API Conventions (Score: 2/5)' over
 * '- **Naming style**: …', '- **Response envelope**: …') or, in the finer
 * reading, names a topic with no author id of its own. A heading whose body
 * is written in fields ('**Issue**:', '**影響:**') is one finding, and the
 * bold points listed under its fields are details of it.
 */
function splitLeadFindings(blocks: Block[], outline: OutlineHeading[], leads: (FoundLead | undefined)[], loose: boolean): void {
  const labelled = new Map<number, number>();
  const plain = new Map<number, number>();
  const fielded = new Set<number>();
  const grouped = new Set<number>();
  const scoredBody = new Set<number>();
  // plain leads that title a point ('**No replica**: …'), not ones introducing a list ('**Violations found:**')
  const titled = new Map<number, number>();
  let hi = -1;
  blocks.forEach((b, bi) => {
    if (b.kind === 'heading') hi++;
    const l = leads[bi];
    if (hi < 0 || !l || outline[hi].kind !== 'finding') return;
    // a heading whose body opens with a group lead ('**Critical Issues:**') lists findings under it;
    // one whose body opens with a field ('**Issue Description:**') is one finding written in fields
    if (l.score) scoredBody.add(hi);
    else if (l.group && l.group !== 'structure' && !fielded.has(hi)) grouped.add(hi);
    else if (l.field || l.repeated) fielded.add(hi);
    // in a list, only a finding word with a number or a severity marks a finding ('- **Issue 2:** …', '- **High:** …');
    // '- **P1:** do X' under a finding is a step of its fix
    if (l.labelled && (!l.item || l.info.labelKind === 'word' || (l.info.marker && !l.info.label))) bump(labelled, hi);
    else if (!l.labelled && !l.repeated && !l.field && !l.score && !l.group) {
      bump(plain, hi);
      if (!l.intro) bump(titled, hi);
    }
  });
  for (const [h, n] of labelled) if (n >= 2) outline[h].kind = 'section';
  for (const [h, n] of plain) {
    const info = outline[h].info;
    const topic = info.labelKind === undefined || info.labelKind === 'numeric';
    // a topic heading over '**Critical Issues:**' and its points lists findings by severity
    // so does a topic named as a category of findings ('## Security Issues' › '**Plaintext secrets**: …')
    const byGroup = (grouped.has(h) || ((titled.get(h) ?? 0) >= 1 && isCategoryGroup(info.title))) && topic;
    const scored = info.scored || scoredBody.has(h);
    // a self-scored criterion rates the findings under it, so even one bold point makes it their container
    if ((byGroup && n >= 1) || (!fielded.has(h) && ((scored && (n >= 2 || (titled.get(h) ?? 0) >= 1)) || (n >= 2 && loose && topic)))) {
      outline[h].kind = 'section';
      outline[h].holdsLeads = true;
    }
  }
  // headings at one level of one parent are the same kind: beside component or category sections that hold
  // bold-lead findings, a sibling with a single bold point ('## Database' › '**No replica**: …') holds it too
  if (!loose) return;
  for (const [h, n] of titled) {
    const o = outline[h];
    if (o.kind !== 'finding' || n < 1 || fielded.has(h) || (o.info.labelKind !== undefined && o.info.labelKind !== 'numeric')) continue;
    if (outline.some((s) => s !== o && s.holdsLeads && s.parent === o.parent && s.depth === o.depth)) {
      o.kind = 'section';
      o.holdsLeads = true;
    }
  }
}

function bump(m: Map<number, number>, k: number): void {
  m.set(k, (m.get(k) ?? 0) + 1);
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
