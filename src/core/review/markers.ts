// Line-start markers that open a finding without markdown structure: the
// shapes reviewers (Japanese ones especially) write findings with when they do
// not use headings or bold — a symbol bullet ('■ …', '● …', '◆ …'), a circled
// number ('① …'), a bracketed label ('【問題1】…', '【重大】…') or a written
// label ('問題点: …', '指摘事項2：…'). Such a line starts its own block, as a
// bold lead line does, so two findings written without a blank line between
// them stay two. Kept apart from leads.ts so the block scanners can use it
// without the classifier.

/**
 * Symbol bullets. Verdict-like marks (○ △ ×, ◎), rating stars (★☆) and the
 * middle dot '・' (an inline list bullet for details) are left out on purpose:
 * they rate or list within a finding rather than open one.
 */
export const SYMBOL_BULLET = /^[■□●◆◇▶►▸▪◼◾][ \t\u3000]*(?=\S)/u;
/** Circled numbers ①–⑳ and the dingbat forms ❶–❿, ➀–➓ (a character class's body, shared with classify.ts). */
export const CIRCLED_NUMBERS = '\\u2460-\\u2473\\u2776-\\u2793';
/** A circled number opening a line: a numbered list written without markdown. */
export const CIRCLED = new RegExp(`^[${CIRCLED_NUMBERS}][ \\t\\u3000]*(?=\\S)`, 'u');
/** '(1) …', '（２）…': a parenthesised number, the way Japanese documents number their points. */
export const PAREN_NUM = /^[(（][0-9０-９]{1,3}[)）][ \t\u3000]*(?=\S)/u;
/** '[High] …', '【重大】…' before the title of a list item or paragraph: a rated finding. */
export const SEVERITY_BRACKET =
  /^[[【(（](?:critical|high|medium|low|major|minor|moderate|severe|blocker|重大|致命的|重要|高|中|低|軽微)[\]】)）][ \t\u3000]*(?=\S)/iu;
/** Japanese finding words that open a finding when a number or a colon follows. */
const JA_WORDS = '問題点|問題|指摘事項|指摘|課題|懸念事項|懸念';
/** '【問題1】', '【重大】', '[Issue 3]': a short bracketed label before the title. */
export const BRACKET_LABEL = /^【[^】\n]{1,20}】[ \t\u3000]*[:：.\-–—]?[ \t\u3000]*(?=\S)/u;
/** '問題点: …', '指摘事項2：…', '課題３ …'. */
export const JA_WRITTEN = new RegExp(
  `^(?:${JA_WORDS})[ \\t\\u3000]*(?:[0-9０-９]{1,3}[ \\t\\u3000]*[:：.．)）]?|[:：])[ \\t\\u3000]*(?=\\S)`,
  'u',
);

/** Does this line open a block of its own (a lead of a finding)? Only unindented lines do. */
export function opensLead(line: string): boolean {
  const c = line.charCodeAt(0);
  // cheap first-character test: every marker starts with '(', '*', a symbol, a circled number, 【, （ or a CJK word
  if (c < 0x28 || (c > 0x2a && c < 0x2460)) return false;
  if (line.startsWith('**')) return true;
  return SYMBOL_BULLET.test(line) || CIRCLED.test(line) || BRACKET_LABEL.test(line) || JA_WRITTEN.test(line) || PAREN_NUM.test(line);
}
