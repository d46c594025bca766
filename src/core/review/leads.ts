// Findings that start inside a paragraph or list item rather than at a
// heading: a bold lead ('**C2: …**', '1. **N+1 queries** — …',
// '**Issue #1:** text') or a written label ('問題1: …', 'Issue 3 — …').
// Whether a lead is a finding depends on where it stands (review.ts); here
// is only what the first line of a block says, and which leads are the field
// names reviewers write inside one finding ('**Impact**:', '**推奨対策**').
import { headingInfo, isPositiveGroup, isSeverityGroup, isStructural, type HeadingInfo } from './classify';
import { inlineText } from './inline';
import { BRACKET_LABEL, CIRCLED, JA_WRITTEN, PAREN_NUM, SEVERITY_BRACKET, SYMBOL_BULLET } from './markers';

export interface Lead {
  /** the lead as written (bold text, or the label line), plain */
  heading: string;
  info: HeadingInfo;
  /** offset within the block's first line where the body text starts */
  bodyAt: number;
  /** written as a list item ('- **…**', '1. **…**') */
  item: boolean;
  /** carries an author label or a severity/finding marker: a finding start wherever it stands */
  labelled: boolean;
  /** the lead's words, lower-cased with closing punctuation cut, to count repeats across a review */
  name: string;
  /** a field name of a finding's body ('**Impact**:'), never a finding of its own */
  field?: boolean;
  /** a self-score ('**Score: 3/5**'): the section it opens rates a criterion, like a '(Score: 2)' heading */
  score?: boolean;
  /** bold words alone on their line ending in a colon ('**Violations found:**'): they introduce what follows */
  intro?: boolean;
  /**
   * names a group of the findings that follow ('**Critical Issues:**', '**Strengths**'), never a finding of its own;
   * 'structure' for a section of document structure written as a marked line ('■ 総評'), whose points are no findings
   */
  group?: 'issues' | 'positive' | 'structure';
}

/** A top-level list marker: nested items (indented two or more) are details of the item above. */
const ITEM = /^ ?(?:[-*+]|\d{1,3}[.)])[ \t]+/;
const BOLD = /^\*\*([^*\n]{1,300}?)\*\*/;
/** A written label opening a paragraph ('問題1:', 'Issue #2 —', '指摘３：'): a word label with a number, then the title. */
const WRITTEN =
  /^(?:(?:issue|finding|problem|concern|問題|指摘|課題)\s*(?:#|No\.\s*)?\d{1,3}\s*[:：.\-–—)]|(?:issue|problem|concern|finding)\s*:)\s*(?=\S)/i;

/**
 * Field names a finding is written with, one per line of its body. General
 * review-writing words, English and Japanese (the judge's corpus shows the
 * same set): a bold lead made of one of these names a part of a finding, not
 * a new one. Leads a review repeats (two or more times) count as fields too.
 */
const FIELD =
  /^(?:(?:current|proposed|recommended|suggested|detailed|potential|operational|business|security|technical|expected|root|score|risk)\s+)?(?:impacts?|impact analysis|issues?(?: description| summary)?|problems?(?: description| statement)?|description|details?|summary|recommendations?|improvement suggestions|suggested improvements|recommended actions?|countermeasures?|mitigations?|remediation|fix|fixes|solutions?|suggestions?|improvements?|actions?|references?|document references?|relevant sections?|sections?|locations?|where|evidence|rationale|reason|why(?: it matters)?|severity|priority|likelihood|effort|cost|category|component|affected components?|scope|criterion|score|rating|status|risk(?: level)?|failure scenarios?|attack (?:vector|scenario)s?|exploitability|scenario|example|examples|missing(?: specifications)?|gap|observation|note|notes|options?(?: and trade-?offs)?|trade-?offs?|alternatives?|pros|cons|benefits?|consequences?|cause|context|current (?:design|state)|design|state|verification|validation|test|tests|how to fix|next steps?|owner|timeline)$|^(?:該当箇所|箇所|場所|問題|問題点|問題の詳細|問題詳細|詳細|影響|影響範囲|影響度|理由|根拠|対策|推奨対策|推奨|改善案|改善策|提案|提案の説明|修正案|解決策|重要度|深刻度|優先度|カテゴリ|分類|参照|参考|現状|現在の設計|リスク|シナリオ|攻撃シナリオ|障害シナリオ|例|補足|備考|懸念|説明|概要|評価|スコア|判定|期待される効果|効果|トレードオフ|代替案|検証方法)$/i;

/** Is this lead a field name of a finding's body rather than a finding's title? */
export function isFieldName(name: string): boolean {
  return FIELD.test(name);
}

/** A self-score written as a lead ('**Score: 3/5 (Moderate Issues)**', '**評価: 2**'): metadata of a section. */
const SCORE_LINE = /^(?:score|rating|grade|スコア|評価|点数)\s*[:：]/i;

/** The lead that opens a block's first line, if any. */
export function leadOf(line: string): Lead | undefined {
  const marker = ITEM.exec(line);
  const at = marker ? marker[0].length : /^[ \t]*/.exec(line)![0].length;
  if (!marker && at > 3) return undefined;
  if (marker === null && /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(line)) return undefined;
  const s = line.slice(at);
  const b = BOLD.exec(s);
  if (b) {
    const inner = inlineText(b[1]);
    const after = s.slice(b[0].length);
    const sep = /^\s*[:：\-–—]?\s*/.exec(after)![0];
    const rest = inlineText(after.slice(sep.length));
    const bare = inner.replace(/\s*[:：.\-–—]\s*$/, '').trim();
    const info = headingInfo(bare);
    const name = bare.toLowerCase();
    // '**Issue #1:** text' / '**問題1**: text': the label alone in bold, the title after it
    if (info.label && (info.title === bare || info.title === '') && rest) {
      const title = firstSentence(rest);
      return lead(`${bare}: ${title}`, { ...info, title }, at + b[0].length + sep.length, !!marker, true, name);
    }
    // '**Impact:** …' names a field; '**N+1 queries:** …' is a title written the same way, told apart by the field list
    const found = lead(bare, info, at + b[0].length + sep.length, !!marker, !!(info.label || info.marker), name);
    if (!info.label && SCORE_LINE.test(found.name)) return { ...found, labelled: false, score: true };
    if (!info.label && !info.marker && isFieldName(found.name)) return { ...found, field: true };
    if (!info.label && !rest && isSeverityGroup(bare)) return { ...found, labelled: false, group: 'issues' };
    if (!info.label && !rest && isPositiveGroup(bare)) return { ...found, labelled: false, group: 'positive' };
    if (info.title.length < 2) return undefined;
    return !rest && /[:：]\s*$/.test(inner + sep) ? { ...found, intro: true } : found;
  }
  // a list item opens a finding only with a severity first ('- [High] Missing timeout: …')
  const w = marker
    ? SEVERITY_BRACKET.exec(s)
    : (WRITTEN.exec(s) ?? CIRCLED.exec(s) ?? PAREN_NUM.exec(s) ?? BRACKET_LABEL.exec(s) ?? JA_WRITTEN.exec(s));
  if (marker && !w) return undefined;
  if (w) {
    const text = inlineText(s);
    const info = headingInfo(text);
    // '【問題1】…', '① …', '問題点: …': a label or a finding word; a bracket holding anything else ('【背景】') is no lead
    if (!info.label && !info.marker) return undefined;
    // 'Missing timeout: the client waits …': a short name before a colon is the title
    const named = /^([^:：]{2,60})[:：]\s+\S/.exec(info.title);
    const title = named ? named[1].trim() : firstSentence(info.title);
    return lead(text, { ...info, title }, at + w[0].length, !!marker, true, (info.label ?? info.marker ?? '').toLowerCase());
  }
  // '■ title' / '● 重大：title': a symbol bullet opens a finding written without markdown, placed like a bold title
  const sym = SYMBOL_BULLET.exec(s);
  if (!sym) return undefined;
  const text = inlineText(s.slice(sym[0].length));
  const info = headingInfo(text);
  const title = firstSentence(info.title);
  if (title.length < 2) return undefined;
  const found = lead(text, { ...info, title }, at + sym[0].length, false, !!(info.label || info.marker), text.toLowerCase());
  // '■ 指摘事項' / '■ 良い点' / '■ 総評' on a line of their own name sections, the way a heading would
  if (!info.label && !info.marker && !/[:：]\s*\S/.test(text)) {
    if (isPositiveGroup(text)) return { ...found, group: 'positive' };
    if (isSeverityGroup(text)) return { ...found, group: 'issues' };
    if (isStructural(text)) return { ...found, group: 'structure' };
  }
  return found;
}

function lead(heading: string, info: HeadingInfo, bodyAt: number, item: boolean, labelled: boolean, name: string): Lead {
  return { heading, info, bodyAt, item, labelled, name: name.replace(/[\s:：.\-–—]+$/, '') };
}

/** Characters before the first stop that can end a sentence. */
const MIN_SENTENCE = 8;

/** A title cut from running text: its first sentence, at most about a line. */
export function firstSentence(text: string): string {
  const t = text.trim();
  // a stop within the first few characters ends a label ('M1.', 'No. 3'), not a sentence
  const m = /[。．]|[.!?](?=\s|$)/g;
  let end = -1;
  for (let x = m.exec(t); x; x = m.exec(t))
    if (x.index >= MIN_SENTENCE) {
      end = x.index;
      break;
    }
  const s = end > 0 ? t.slice(0, end) : t;
  return s.length > 120 ? `${s.slice(0, 117).replace(/\s+\S*$/, '')}…` : s;
}
