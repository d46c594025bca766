// One problem section of a key: heading → fields and ○/△/× criteria. Items
// are collected line by line; a field or criterion runs on over continuation
// lines until the next item, heading or rule, so wrapped text stays whole.
import { MARK, type Criterion, type Diagnostic, type Field, type Problem, type Verdict } from '../model';
import { said } from '../i18n';
import { indentWidth, isBlank, type Line, type LineIndex } from './lines';
import { canonicalId, fieldName, matchCriterion, matchField, matchHeading } from './vocabulary';

/** Where a problem heading was found. */
export interface ProblemHead {
  line: number;
  /** heading depth; 7 for a bold pseudo-heading, so any real heading ends it */
  depth: number;
  number: number;
  title: string;
  /** the id as written, for shapes other than the classic P01 (kept, not renumbered) */
  id?: string;
}

interface Item {
  kind: 'field' | 'criterion';
  verdict?: Verdict;
  label: string;
  indent: number;
  /** offset where the item's span starts (after indentation) */
  start: number;
  parts: string[];
  lastLine: Line;
}

const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s/;

export function parseProblem(ix: LineIndex, head: ProblemHead, endLine: number, diagnostics: Diagnostic[]): Problem {
  const id = head.id ?? canonicalId('P', head.number);
  const items: Item[] = [];
  let cur: Item | undefined;
  let pendingBlank = false;
  let lastContent = ix.line(head.line);

  for (let no = head.line + 1; no < endLine; no++) {
    const line = ix.line(no);
    const text = line.text;
    if (line.opaque) {
      // code stays in the problem's span but not in an item's (a fix inserted there would be swallowed)
      lastContent = line;
      continue;
    }
    if (isBlank(text)) {
      pendingBlank = true;
      continue;
    }
    if (RULE.test(text.slice(0, 200))) {
      cur = undefined;
      continue;
    }
    lastContent = line;
    const crit = matchCriterion(text);
    if (crit) {
      cur = newItem('criterion', crit.indent.length + crit.bullet.length, line, text.slice(crit.textStart), indentWidth(crit.indent));
      cur.verdict = crit.verdict;
      cur.label = crit.label;
      items.push(cur);
    } else {
      const fieldMatch = matchField(text);
      const heading = fieldMatch ? undefined : matchHeading(text);
      if (fieldMatch) {
        cur = newItem('field', fieldMatch.indent.length, line, text.slice(fieldMatch.valueStart), indentWidth(fieldMatch.indent));
        cur.label = fieldMatch.label;
        items.push(cur);
      } else if (heading) {
        // a sub-heading such as '#### Detection Criteria' acts as a field label
        const named = fieldName(heading.text) !== heading.text.trim();
        cur = named ? newItem('field', 0, line, '', 0) : undefined;
        if (cur) {
          cur.label = heading.text;
          items.push(cur);
        }
      } else if (cur && continues(cur, text, pendingBlank)) {
        cur.parts.push(text.trim());
        cur.lastLine = line;
      } else {
        cur = undefined;
      }
    }
    pendingBlank = false;
  }

  const fields: Field[] = [];
  const criteria: Problem['criteria'] = {};
  for (const it of items) {
    const span = ix.span(it.start, it.lastLine.end);
    const value = it.parts.join('\n').trim();
    if (it.kind === 'field') {
      fields.push({ name: fieldName(it.label), label: it.label, value, span });
    } else if (it.verdict && criteria[it.verdict]) {
      diagnostics.push({
        code: 'duplicate-criterion',
        severity: 'warning',
        line: span.start.line,
        ...said(
          'line {0}: {1} has a second {2} criterion (the first is on line {3}); only the first is used',
          span.start.line,
          id,
          MARK[it.verdict],
          criteria[it.verdict]!.span.start.line,
        ),
      });
    } else if (it.verdict) {
      const c: Criterion = { verdict: it.verdict, text: value, span };
      criteria[it.verdict] = c;
    }
  }

  const headLine = ix.line(head.line);
  const problem: Problem = {
    id,
    number: head.number,
    title: head.title,
    fields,
    criteria,
    headingSpan: ix.span(headLine.start, headLine.end),
    span: ix.span(headLine.start, lastContent.end),
  };
  const first = (name: string) => fields.find((f) => f.name === name && f.value !== '')?.value;
  problem.category = first('category');
  problem.severity = first('severity');
  problem.location = first('location');
  problem.description = first('description');

  if (!head.title) {
    diagnostics.push({
      code: 'missing-title',
      severity: 'warning',
      line: head.line,
      ...said("line {0}: {1} heading has no title (expected e.g. '### {1}: Short title')", head.line, id),
    });
  }
  if (!criteria.detected && !criteria.partial && !criteria.missed) {
    diagnostics.push({
      code: 'no-criteria',
      severity: 'warning',
      line: head.line,
      ...said("line {0}: {1} heading found but no detection criteria (expected lines '○ …', '△ …', '× …' under it)", head.line, id),
    });
  }
  return problem;
}

function newItem(kind: Item['kind'], startCol: number, line: Line, first: string, indent: number): Item {
  return { kind, label: '', indent, start: line.start + startCol, parts: [first.trim()], lastLine: line };
}

/** Does a plain line continue the current item? Fields absorb paragraphs; criteria end at a blank line or a sibling list item. */
function continues(cur: Item, text: string, afterBlank: boolean): boolean {
  const li = LIST_ITEM.exec(text.slice(0, 50));
  if (li && indentWidth(li[1]!) <= cur.indent) return false;
  if (cur.kind === 'criterion' && afterBlank && indentWidth(text) <= cur.indent) return false;
  return true;
}
