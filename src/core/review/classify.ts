// What a heading (or bold lead) says about itself: the author's label, the
// bare title, and whether its words name a group of findings (a section)
// rather than one finding. Classified by shape, not by exact strings.
import { CIRCLED_NUMBERS } from './markers';

export interface HeadingInfo {
  label?: string;
  /** how the label was written: numeric labels ('1.', '2.3') also number plain sections */
  labelKind?: 'bracket' | 'word' | 'alpha' | 'numeric';
  title: string;
  /** 'Positive: …', 'Minor: …' style marker word, lower-cased */
  marker?: string;
  /** a '- Score: 2/5' suffix was present (criterion-style heading) */
  scored: boolean;
}

const LEAD_SYMBOLS = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200d\s]+/u;
const BRACKET =
  /^[[【]([A-Za-z]{1,12}[-_ ]?\d{1,3}(?:\.\d{1,3})?|\d{1,3}(?:[.-]\d{1,3})*|(?:問題点?|指摘(?:事項)?|課題|懸念(?:事項)?)\s*[0-9０-９]{1,3})[\]】]\s*[:：.\-–—]?\s*/;
/** A circled number ('① …', '❷ …'): a numbered list written without markdown. */
const CIRCLED_NUM = new RegExp(`^([${CIRCLED_NUMBERS}])\\s*(?=\\S)`);
/** '(1) …', '（２）…': a parenthesised number labels a point. */
const PAREN_LABEL = /^[(（]([0-9０-９]{1,3})[)）]\s*(?=\S)/;
const WORD =
  /^(?:(?:Cross[- ]Cutting|Critical|Significant|Moderate|Minor|Major|Security|Reliability)\s+)?(Minor Improvement|Positive Aspect|Positive|Strength|Improvement|Issue|Finding|Problem|Concern|Gap|Risk|Item|Observation|Recommendation|Suggestion|指摘事項|指摘|問題点|問題|課題|懸念事項|懸念)\s*(?:#|No\.\s*)?(\d{1,3}(?:[.-]\d{1,3})*|[０-９]{1,3}|[A-Z]{1,6}-?\d{1,3})(?=[\s:：.\-–—)\]]|$)\s*(?:\[[^\]\n]{0,40}\]\s*)?[:：.\-–—)]?\s*/i;
const ALPHA = /^([A-Z][A-Za-z]{0,11}-?\d{1,3}(?:[.-]\d{1,3})?)(?:\s*\[[^\]\n]{0,40}\])?(?:\s*[:：.)]|\s+[-–—|]\s|\s*$)\s*/;
/** Upper-case ids with a hyphenated number ('CE-01', 'SA-DS-03'): a label even when only a space follows. */
const HYPHEN_ID = /^([A-Z]{1,6}(?:-[A-Z]{1,6}){0,3}-\d{1,4})(?:\s*\[[^\]\n]{0,40}\])?\s+(?=\S)/;
/** A '[severity: critical]' / '[Priority: High]' suffix: metadata, not title. */
const BRACKET_SUFFIX = /\s*[[【](?:severity|priority|impact|重要度|深刻度|優先度)\s*[:：]\s*[^\]】\n]{1,30}[\]】]\s*$/i;
const NUM = /^(\d{1,3}(?:[.-]\d{1,3}){0,3})(?:[.)：:]\s*|\s+)(?=\S)/;
const NOT_IDS = /^(?:phase|step|stage|tier|round|section|part|level|priority|chapter|v|ver|version|run|doc|top)[-\d]/i;
const PREFIX =
  /^(?:\[[^\]\n]{0,40}\]\s*)?(?:(?:cross[- ]cutting|critical|significant|moderate|minor|major|high|medium|low)(?:[- ](?:severity|priority))?(?:\s+(?:issue|problem|finding|improvement|risk|concern|gap))?|issue|finding|problem|concern|positive|strength|good point|(?:重大|重要|中程度|軽微)な?(?:問題|指摘|課題)|重大|重要|中程度|軽微|高|中|低|問題点|問題|指摘事項|指摘|課題|懸念事項|懸念|良い点)\s*[:：]\s*(?=\S)/i;
const MARKER =
  /^(positive|strength|good|(?:(?:cross[- ]cutting|critical|significant|moderate|minor|major|high|medium|low)\s+)?(?:issue|finding|problem|concern|gap|risk|improvement)|minor|major|critical|high|medium|low|significant|moderate|severe|observation|note|weakness|(?:重大|重要|中程度|軽微)な?(?:問題|指摘|課題)|重大|重要|高|中|低|軽微|問題点|問題|指摘事項|指摘|課題|懸念事項|懸念)\s*[:：]\s*(?=\S)/i;
const SCORE_SUFFIX =
  /\s*[(（]\s*(?:score|スコア|評価)\s*[:：]?\s*\d+(?:\.\d+)?(?:\s*\/\s*\d+)?\s*[)）]\s*$|\s*(?:[-–—:|(]\s*)?\b(?:score|スコア)\s*[:：]?\s*\d+(?:\.\d+)?\s*\/\s*\d+.*$|\s*[-–—:：|]\s*\d+(?:\.\d+)?\s*\/\s*\d+\s*$/i;

/** A count after the colon ('重大な問題: 2件', 'High: 3 issues'): the heading counts a group. */
const COUNT_AFTER = /[:：]\s*\d{1,4}\s*(?:件|個|点|items?|issues?|findings?)?\s*$/i;
/** Severity words a reviewer tags one finding with (English and Japanese), for the tag and tail forms below. */
const SEVERITY_WORDS = 'critical|high|medium|low|major|minor|moderate|significant|severe|blocker|重大|致命的|重要|高|中|低|軽微';
/** A severity tag before the title ('【重大】 …', '[HIGH] …', '(High): …' after a label): one finding, rated. */
const SEVERITY_TAG = new RegExp(
  `^[[【(（]\\s*(?:(?:severity|priority|重要度|深刻度)\\s*[:：]\\s*)?(${SEVERITY_WORDS})(?:\\s+(?:severity|priority))?\\s*[\\]】)）]\\s*[:：.\\-–—]?\\s*(?=\\S)`,
  'i',
);
/** A severity written as a field before the title ('Severity: High — Missing timeout', '重要度：高 - …'). */
const SEVERITY_FIELD = new RegExp(
  `^(?:severity|priority|重要度|深刻度|優先度)\\s*[:：]\\s*(${SEVERITY_WORDS})\\s*(?:[-–—|:：]\\s*|[)）\\]】]\\s*)(?=\\S)`,
  'i',
);
/** A severity after the title ('N+1 queries (Critical)', '… [High]', '… — High'). */
const SEVERITY_TAIL = new RegExp(
  `\\s*(?:[[【(（]\\s*(${SEVERITY_WORDS})(?:\\s+(?:severity|priority))?\\s*[\\]】)）]|\\s[-–—|]\\s*(${SEVERITY_WORDS})(?:\\s+(?:severity|priority))?)\\s*$`,
  'i',
);

export function headingInfo(text: string): HeadingInfo {
  const t = text.replace(LEAD_SYMBOLS, '').trim();
  let label: string | undefined;
  let labelKind: HeadingInfo['labelKind'];
  let rest = t;
  let m: RegExpExecArray | null;
  if ((m = BRACKET.exec(t))) {
    [label, labelKind] = [m[1], 'bracket'];
    rest = t.slice(m[0].length);
  } else if ((m = WORD.exec(t))) {
    const written = m[0].replace(/\s*(?:\[[^\]\n]{0,40}\]\s*)?[:：.\-–—)]?\s*$/, '');
    [label, labelKind] = [/^\d/.test(m[2]) ? written : m[2], 'word'];
    rest = t.slice(m[0].length);
  } else if ((m = HYPHEN_ID.exec(t)) && !NOT_IDS.test(m[1])) {
    [label, labelKind] = [m[1], 'alpha'];
    rest = t.slice(m[0].length);
  } else if ((m = ALPHA.exec(t)) && !NOT_IDS.test(m[1])) {
    [label, labelKind] = [m[1], 'alpha'];
    rest = t.slice(m[0].length);
  } else if ((m = CIRCLED_NUM.exec(t) ?? PAREN_LABEL.exec(t))) {
    [label, labelKind] = [m[1], 'numeric'];
    rest = t.slice(m[0].length);
  } else if ((m = NUM.exec(t))) {
    [label, labelKind] = [m[1], 'numeric'];
    rest = t.slice(m[0].length);
  }
  let marker: string | undefined;
  const tag = SEVERITY_TAG.exec(rest) ?? SEVERITY_FIELD.exec(rest);
  if (tag) {
    marker = tag[1].toLowerCase();
    rest = rest.slice(tag[0].length);
  }
  const mk = MARKER.exec(rest);
  if (mk) marker ??= mk[1].toLowerCase();
  for (let k = 0; k < 2; k++) {
    const p = PREFIX.exec(rest);
    if (!p) break;
    rest = rest.slice(p[0].length);
  }
  rest = rest.replace(BRACKET_SUFFIX, '') || rest;
  const tail = SEVERITY_TAIL.exec(rest);
  if (tail && tail.index > 0) {
    marker ??= (tail[1] ?? tail[2]).toLowerCase();
    rest = rest.slice(0, tail.index);
  }
  const scored = SCORE_SUFFIX.test(rest);
  if (scored) rest = rest.replace(SCORE_SUFFIX, '') || rest;
  rest = rest.replace(/^[-–—:：.\s]+/, '').trim();
  return { label, labelKind, title: rest || t, marker, scored };
}

const SUMMARY_ANYWHERE = /\b(?:summary|overview|conclusions?|table of contents)\b|総評|総合評価|まとめ|サマリ|概要|結論/i;
const STRUCTURAL_START =
  /^(?:executive|summary|overall|overview|conclusion|evaluation|score|scoring|rating|recommend|metadata|review (?:metadata|info|scope|date)|introduction|background|context|methodology|approach|phase\b|step\b|stage\b|appendix|next steps|priorit|action|roadmap|references?|notes?\b|detailed (?:analysis|evaluation)|analysis|structural analysis|system (?:components|overview|architecture)|data flow|external dependencies|architecture|checklist|catalog|inventory|checks? performed|coverage of|statistics|criteri|countermeasures?\b|評価|総|補足|付録|推奨|優先|対応|スコア|レビュー|全体)/i;
const SEVERITY =
  /^(?:(?:tier|level|priority|step|phase|stage|part)\s*\d+\s*[:：.\-–—]?\s*)?(?:\d+\.\s*)?(?:critical|significant|moderate|minor|major|high|medium|low|severe|serious|other|additional|cross[- ]cutting|detected|identified|key|remaining|further)\b[^:：\n]{0,40}?\b(?:issues?|problems?|findings?|improvements?|concerns?|risks?|gaps?|observations?|detection|weaknesses|vulnerabilities)\b/i;
const SEVERITY_BARE = /^(?:critical|significant|moderate|minor|major|high|medium|low)(?:\s+(?:priority|severity))?(?:\s*\(.*\))?$/i;
const GROUP =
  /^(?:issues|findings|problems|detected issues|identified issues|improvement suggestions|improvements|confirmation items|vulnerabilities|weaknesses|concerns|risks|deficiencies|shortcomings|gaps)\b/i;
const JA_GROUP =
  /^(?:(?:重大|重要|中程度|中|軽微|軽度|その他|追加|主要|検出され)[たなの]?(?:問題|指摘|課題|改善|懸念)|改善提案|確認事項|指摘事項|問題点|改善点|懸念事項)/;
/**
 * A topic named with a plural group noun ('Reliability Concerns', 'API Design
 * Issues', 'セキュリティ上の問題', '可用性に関する懸念'): a category of findings,
 * not one. A finding's own title names its defect ('Missing timeout', '…が
 * 失効しない問題'): in Japanese the category form joins the topic with
 * に関する / 上の / 面の / 関連の.
 */
const CATEGORY_GROUP =
  /^(?:[\p{L}\p{N}&/+-]+\s){1,4}(?:issues|concerns|problems|findings)(?:\s*\(.{0,40}\))?$|^[^\s、。]{1,20}(?:に関する|に関わる|上の|面の|面での|関連の)(?:問題|課題|懸念|指摘|リスク)(?:点|事項)?(?:\s*[(（].{0,40}[)）])?$/iu;
const POSITIVE =
  /^(?:positive|strengths?\b|good (?:points|practices)|well[- ]designed|commendable|notable strengths|what works)|良い点|評価できる点|優れた点|長所|良好な点|評価（良い点）/i;

/**
 * Sections that restate findings made elsewhere: summaries, recommendations,
 * roadmaps, priority lists. Unlike other document structure (an 'Evaluation'
 * or 'Analysis' section holds the findings themselves), what they list under
 * severity headings is a second mention, not a finding.
 */
const RESTATING =
  /\b(?:summary|overview|conclusions?|recommendations?|recommended actions|next steps|action (?:items|plan)|roadmap|remediation plan|critical path|path to|improvement plan|appendix|prioriti[sz]ed|priority (?:list|order|matrix|summary))\b|総評|総合評価|まとめ|サマリ|結論|推奨|改善計画|対応計画|優先順位/i;

export function isRestating(title: string): boolean {
  return RESTATING.test(title);
}

/** The title names a group of findings by severity ('Critical Issues', '重大な問題', 'TIER 1: …'). */
export function isSeverityGroup(title: string): boolean {
  // 'Critical: Missing timeout' rates one finding; '重大な問題: 2件' counts a group
  if (SUMMARY_ANYWHERE.test(title) || (MARKER.test(title) && !COUNT_AFTER.test(title))) return false;
  return SEVERITY.test(title) || SEVERITY_BARE.test(title) || GROUP.test(title) || JA_GROUP.test(title);
}

/**
 * The title names a topic's findings ('Reliability Concerns', 'セキュリティ上の問題'):
 * a container when it holds findings of its own (sub-headings, bold points,
 * paragraphs of separate points), else a finding as any titled section is.
 */
export function isCategoryGroup(title: string): boolean {
  if (SUMMARY_ANYWHERE.test(title) || MARKER.test(title) || isSeverityGroup(title)) return false;
  return CATEGORY_GROUP.test(title);
}

/** The title names positive aspects ('Positive Aspects', '良い点'), not one positive finding. */
export function isPositiveGroup(title: string): boolean {
  return POSITIVE.test(title) && !/[:：]\s*\S/.test(title);
}

/** Document structure rather than findings: summaries, phases, scores, analysis. */
export function isStructural(title: string): boolean {
  if (isSeverityGroup(title)) return false;
  return SUMMARY_ANYWHERE.test(title) || STRUCTURAL_START.test(title) || isPositiveGroup(title);
}

/**
 * Does this heading name a section rather than a finding? An author id
 * ('C1', '[CRITICAL-1]') marks a finding unless the words name a group; a bare
 * number also numbers plain sections ('5. Conclusion'), so short structural
 * titles count then.
 */
export function isSectionHeading(info: HeadingInfo, text: string): boolean {
  if (isSeverityGroup(info.title) || isPositiveGroup(info.title)) return true;
  if (!info.label) return isStructural(info.title) || isStructural(text);
  if (info.labelKind !== 'numeric') return false;
  const short = info.title.split(/\s+/).length <= 5 && info.title.length <= 60;
  return short && isStructural(info.title);
}
