// Table-only reviews ("| Severity | Issue | Impact | … |"): each row of an
// issue table is a finding. Used only when no heading or bold lead is one.
import type { Draft } from '../review';
import type { Block } from './blocks';
import { headingInfo } from './classify';
import { inlineText } from './inline';

const ISSUE_COL = /^(?:issue|finding|problem|vulnerabilit|weakness|concern|risk$|title|指摘|問題|課題|脆弱性)/i;
const ID_COL = /^(?:#|id|no\.?|ref|番号)$/i;
const SEVERITY_COL = /severity|priority|重要度|深刻度|優先度/i;
/** In a table that rates its rows by severity, a description column names each row's problem. */
const DESCRIPTION_COL = /^(?:description|details?|summary|what|内容|説明|詳細|概要)/i;

export function tableFindings(blocks: Block[]): Draft[] {
  const drafts: Draft[] = [];
  let lastHeading: string | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading') lastHeading = inlineText(b.text ?? '').replace(/^\d{1,3}(?:[.-]\d{1,3})*[.)]?\s+/, '');
    if (b.kind !== 'table' || !b.header || !b.rows) continue;
    const header = b.header.map(inlineText);
    const sevCol = header.findIndex((h) => SEVERITY_COL.test(h));
    let issue = header.findIndex((h) => ISSUE_COL.test(h) && !/score|スコア/i.test(h));
    if (issue < 0 && sevCol >= 0) issue = header.findIndex((h) => DESCRIPTION_COL.test(h));
    if (issue < 0) continue;
    const idCol = header.findIndex((h) => ID_COL.test(h));
    for (const row of b.rows) {
      const heading = inlineText(row.cells[issue] ?? '');
      if (!heading) continue;
      const info = headingInfo(heading);
      const label = idCol >= 0 ? inlineText(row.cells[idCol] ?? '') || undefined : info.label;
      const section = (sevCol >= 0 ? inlineText(row.cells[sevCol] ?? '') : '') || lastHeading;
      const rest = row.cells.filter((_, k) => k !== issue && k !== idCol && k !== sevCol).map(inlineText);
      drafts.push({
        label,
        title: idCol >= 0 ? heading : info.title,
        heading,
        section,
        first: row.line,
        headLast: row.line,
        limit: row.line,
        rowBody: rest.join('\n'),
      });
    }
  }
  return drafts;
}
