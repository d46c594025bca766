// Which headings are findings. Headings form a tree; a labeled heading is a
// finding unless it names a group ("1. Critical Issues") or holds findings
// that extend its label ("2. Auth Design" over "2.1 …", "2.2 …"). Unlabeled
// headings count only directly under a severity/positive group, or when the
// review labels nothing at all.
import {
  headingInfo,
  isCategoryGroup,
  isPositiveGroup,
  isRestating,
  isSectionHeading,
  isSeverityGroup,
  isStructural,
  type HeadingInfo,
} from './classify';
import { inlineText } from './inline';
import { isFieldName } from './leads';

export type HeadingKind = 'finding' | 'section' | 'inner';

export interface OutlineHeading {
  block: number;
  depth: number;
  text: string;
  info: HeadingInfo;
  parent?: number;
  kind: HeadingKind;
  /** the single top-level document title */
  isTitle: boolean;
  /** a heading read as a finding that turned out to hold findings of its own as bold leads (review.ts) */
  holdsLeads?: boolean;
}

export function buildOutline(headings: { block: number; depth: number; raw: string }[], loose: boolean): OutlineHeading[] {
  const out: OutlineHeading[] = [];
  const stack: number[] = [];
  for (const h of headings) {
    while (stack.length && out[stack[stack.length - 1]].depth >= h.depth) stack.pop();
    const text = inlineText(h.raw);
    out.push({
      block: h.block,
      depth: h.depth,
      text,
      info: headingInfo(text),
      parent: stack[stack.length - 1],
      kind: 'inner',
      isTitle: false,
    });
    stack.push(out.length - 1);
  }
  const tops = out.filter((h) => h.depth === 1);
  if (tops.length === 1 && out[0] === tops[0]) out[0].isTitle = true;

  // containers: labeled headings whose sub-headings are the real findings
  const container = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const h = out[i];
    if (h.parent === undefined || !h.info.label) continue;
    for (let a: number | undefined = h.parent; a !== undefined; a = out[a].parent) {
      const anc = out[a];
      if (anc.info.label && (extendsLabel(anc.info.label, h.info.label) || anc.info.scored)) container.add(a);
    }
  }
  // a numbered topic heading over 'Critical Issue: …' style headings holds findings
  for (let i = 0; i < out.length; i++) {
    const h = out[i];
    if (!h.info.marker || h.info.label) continue;
    for (let a: number | undefined = h.parent; a !== undefined; a = out[a].parent) {
      if (out[a].info.labelKind === 'numeric' || out[a].info.scored) container.add(a);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const h = out[i];
    // a scored topic ('2. Auth Design - Score: 1/5') holds findings when any sub-heading could be one
    const p = h.parent === undefined ? undefined : out[h.parent];
    if (p?.info.scored && p.info.label && (h.info.label || h.info.marker || isSeverityGroup(h.info.title) || !isStructural(h.text)))
      container.add(h.parent as number);
  }

  // a topic's findings ('## 2. Security Issues' › '### Tokens never expire'): the sub-headings are the findings.
  // Not inside a working stage ('## Phase 1: Comprehensive Detection' › '### All Detected Issues'): a review
  // written in phases lists raw candidates there and reports its findings in a later phase
  for (const h of out) {
    const p = h.parent === undefined ? undefined : out[h.parent];
    if (!p || (p.info.labelKind !== undefined && p.info.labelKind !== 'numeric') || !isCategoryGroup(p.info.title) || isStructural(h.text))
      continue;
    if (!inStage(out, h.parent as number)) container.add(h.parent as number);
  }
  if (loose) {
    // the finer reading (review.ts re-reads a review that came out too coarse): a heading
    // over two or more sub-headings that are not document structure holds them as findings
    const children = new Map<number, number>();
    // a sub-heading naming a field ('### Impact') or repeated under several headings is a part of one finding
    const seen = new Map<string, number>();
    for (const h of out) seen.set(h.text.toLowerCase(), (seen.get(h.text.toLowerCase()) ?? 0) + 1);
    const part = (h: OutlineHeading) => isFieldName(h.info.title.toLowerCase()) || (seen.get(h.text.toLowerCase()) ?? 0) >= 2;
    for (const h of out)
      if (h.parent !== undefined && !isStructural(h.text) && !part(h)) children.set(h.parent, (children.get(h.parent) ?? 0) + 1);
    for (const [parent, count] of children) if (count >= 2) container.add(parent);
    // headings at one level of one parent are the same kind: a topic with a single sub-heading beside
    // topics holding several ('## Reliability' › '### Single database') holds it too
    for (const [parent] of children) {
      const p = out[parent];
      if (container.has(parent) || p.isTitle) continue;
      if (out.some((s, k) => container.has(k) && !s.isTitle && s.parent === p.parent && s.depth === p.depth)) container.add(parent);
    }
  }
  for (let i = 0; i < out.length; i++) {
    const h = out[i];
    const p = h.parent === undefined ? undefined : out[h.parent];
    const inside = p !== undefined && (p.kind === 'finding' || p.kind === 'inner');
    if (h.isTitle || container.has(i)) h.kind = 'section';
    else if (inside) h.kind = 'inner';
    else if (isSectionHeading(h.info, h.text)) h.kind = 'section';
    else if (h.info.label) h.kind = 'finding';
    // a severity alone ('### Immediate Action Required (Critical)') rates a finding, except where findings are restated
    else if (h.info.marker) h.kind = restated(out, i) ? 'section' : 'finding';
    else {
      const sec = nearestSection(out, i);
      const group =
        sec !== undefined && (isSeverityGroup(sectionTitle(out[sec])) || isPositiveGroup(sectionTitle(out[sec])) || container.has(sec));
      h.kind = group || (loose && !isStructural(h.text)) ? 'finding' : 'section';
    }
  }
  // a recommendations or summary section that numbers its points ('## Recommendations' › '### 1. Add a pool')
  // restates findings the review made elsewhere: when there are such, its headings are a second mention
  const again = out.flatMap((h, i) => (h.kind === 'finding' && restated(out, i) ? [i] : []));
  // a second mention never outnumbers the first: more points there than findings elsewhere are findings of their own
  const elsewhere = out.filter((h) => h.kind === 'finding').length - again.length;
  if (again.length > 0 && again.length <= elsewhere) for (const i of again) out[i].kind = 'section';
  return out;
}

/** Is the heading inside a phase, stage or step of the review's own method? */
function inStage(out: OutlineHeading[], i: number): boolean {
  for (let a = out[i].parent; a !== undefined; a = out[a].parent) if (/^(?:phase|stage|step)\b/i.test(sectionTitle(out[a]))) return true;
  return false;
}

/** Is the heading inside a section that restates findings (a summary, recommendations, a roadmap)? */
function restated(out: OutlineHeading[], i: number): boolean {
  for (let a = out[i].parent; a !== undefined; a = out[a].parent) if (!out[a].isTitle && isRestating(sectionTitle(out[a]))) return true;
  return false;
}

/** '2' → '2.1', '2-1'; 'C1' → 'C1.2' */
function extendsLabel(parent: string, child: string): boolean {
  return child.length > parent.length + 1 && child.startsWith(parent) && /^[.-]\d/.test(child.slice(parent.length));
}

/** Nearest enclosing section heading that is not the document title. */
export function nearestSection(out: OutlineHeading[], i: number): number | undefined {
  for (let a = out[i].parent; a !== undefined; a = out[a].parent) {
    if (out[a].kind === 'section' && !out[a].isTitle) return a;
  }
  return undefined;
}

/** A section's name as written, minus a bare leading number ('1. Critical Issues' → 'Critical Issues'). */
export function sectionTitle(h: OutlineHeading): string {
  return h.text.replace(/^\d{1,3}(?:[.-]\d{1,3})*[.)]?\s+(?=\S)/, '').trim();
}

/** The section to report for a finding: the nearest severity or positive group, else the nearest section. */
export function sectionFor(out: OutlineHeading[], from: number | undefined): OutlineHeading | undefined {
  let first: OutlineHeading | undefined;
  for (let a = from; a !== undefined; a = out[a].parent) {
    const h = out[a];
    if (h.kind !== 'section' || h.isTitle) continue;
    first ??= h;
    const t = sectionTitle(h);
    if (isSeverityGroup(t) || isPositiveGroup(t)) return h;
  }
  return first;
}
