// Inline markdown → plain text, with bounded patterns only: every quantifier
// is capped or stops at the next bracket, so a line of 500 000 `[` stays linear.

const COMMENT = /<!--[^]*?-->/g;
const IMAGE = /!\[([^\][\n]{0,500})\]\([^()\n]{0,1000}\)/g;
const LINK = /\[([^\][\n]{0,500})\]\([^()\n]{0,1000}\)/g;
const REF_LINK = /\[([^\][\n]{0,500})\]\[[^\][\n]{0,100}\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]{1,1000})>/g;

/** Plain text of one line of inline markdown. */
export function inlineText(s: string): string {
  let t = s;
  if (t.includes('<!--')) t = t.replace(COMMENT, '');
  if (t.includes('[')) t = t.replace(IMAGE, '$1').replace(LINK, '$1').replace(REF_LINK, '$1');
  if (t.includes('<')) t = t.replace(AUTOLINK, '$1');
  t = t.replace(/\*\*|__|~~|`/g, '').replace(/(^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=$|[\s).,:;!?])/g, '$1');
  return t
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Plain text of a block line: container markers (#, >, list bullets, table pipes) removed. */
export function lineText(s: string): string {
  let t = s.replace(/^[ \t]*(?:>[ \t]?)*/, '');
  t = t.replace(/^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)/, '');
  if (/^\s*\|/.test(t)) {
    if (/^[\s|:-]+$/.test(t)) return '';
    t = t.replace(/(?<!\\)\|/g, ' ');
  }
  return inlineText(t);
}
