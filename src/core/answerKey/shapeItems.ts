// Reading the items of a non-classic key once shapeLayout has found them: one
// item's weight, severity and fields by meaning beyond the classic names; then
// the checks on criteria around the items — does the text read as a key at
// all, and which ○/△/× lines sit outside every item. Apart from shapes.ts,
// which assembles the sections, so each step stays short.
import type { Diagnostic, Problem } from '../model';
import { said } from '../i18n';
import { idNumber, takeBracketSeverity, takeWeight } from './ids';
import type { LineIndex } from './lines';
import { parseProblem } from './problems';
import type { Candidate, Heading, Ranges } from './shapeLayout';
import type { KeyStructure } from './structure';
import { isKnownSeverity, matchCriterion, matchHeading, normLabel } from './vocabulary';

// a key says so in its title or name; reviews and scoring reports also hold id'd headings and P01 rows
const KEYISH_TITLE =
  /answer[- ]?key|正解|rubric|ルーブリック|problem bank|問題バンク|planted (?:problems|issues)|埋め込み問題|採点基準|grading key/i;
const KEYISH_PATH = /answer[-_ ]?key|rubric|正解|(?:^|[-_])key(?:s)?(?:[-_.]|$)|problem[-_]?bank/i;
// a line that states ratings ('○ = 2') is not a criterion
const RATING_LINE = /[○◯〇△×✕]\s*(?:[(（][^()（）]{0,20}[)）])?\s*[=＝]/;

const keyishPath = (path?: string) => !!path && KEYISH_PATH.test(path.replace(/\\/g, '/').split('/').pop() ?? '');

/** The item a heading or bold-lead candidate heads, its text ending before line `end`. */
export function readItem(ix: LineIndex, c: Candidate, end: number, diags: Diagnostic[]): Problem {
  const head = c.head!;
  const w = takeWeight(head.title + (head.rest ? ' ' + head.rest : ''));
  const sev = takeBracketSeverity(w.text, isKnownSeverity);
  const p = parseProblem(ix, { line: c.line, depth: c.depth, number: idNumber(head.id), title: sev.title, id: head.id }, end, diags);
  p.shape = c.kind === 'heading' ? 'heading' : 'bold';
  if (head.ref) p.ref = head.ref;
  const weightField = p.fields.find((f) => /^(weight|重み|配点)$/i.test(f.name));
  p.weight =
    w.weight ??
    (weightField && /^\d+(?:\.\d+)?/.test(weightField.value) ? Number(/^\d+(?:\.\d+)?/.exec(weightField.value)![0]) : undefined);
  if (p.weight === undefined) delete p.weight;
  // fields by meaning beyond the classic names: importance is a severity, a section a location
  const synonym = (re: RegExp) => p.fields.find((f) => re.test(normLabel(f.label)) && f.value)?.value;
  p.severity ??= sev.severity ?? synonym(/^(importance|重要性|impact|影響度|level|レベル)$/);
  p.location ??= synonym(/^(section|sections|セクション|章|§)$/);
  p.description ??= synonym(/^(why|why it is a problem|rationale|reason|理由|根拠|問題点)$/);
  p.title ||= synonym(/^(title|タイトル|名前|name)$/) ?? '';
  return p;
}

/** Whether the items read make a key (not a review or a scoring report that also holds id'd headings). */
export function looksLikeKey(items: Problem[], headings: Heading[], path?: string): boolean {
  // most items state two or more of ○/△/×: a review's stray '× …' line is not that
  const stated = items.filter(
    (p) => Number(!!p.criteria.detected) + Number(!!p.criteria.partial) + Number(!!p.criteria.missed) >= 2,
  ).length;
  return (
    stated * 2 >= items.length ||
    items.some((p) => p.weight !== undefined) ||
    headings.slice(0, 2).some((h) => h.depth <= 2 && KEYISH_TITLE.test(h.text)) ||
    keyishPath(path)
  );
}

/**
 * A file that says it is a key (title or name) yet yielded no items: the first
 * ○/△/× criterion line, so the message can say where reading found nothing to attach it to.
 */
export function firstStrayCriterion(ix: LineIndex, structure: KeyStructure, path?: string): number | undefined {
  const titles: string[] = [];
  for (const no of [...structure.headings].sort((a, b) => a - b).slice(0, 2)) {
    const h = matchHeading(ix.line(no).text);
    if (h && h.depth <= 2) titles.push(h.text);
  }
  const named = titles.some((t) => KEYISH_TITLE.test(t)) || keyishPath(path);
  if (!named) return undefined;
  for (const l of ix.lines) {
    if (l.opaque || RATING_LINE.test(l.text.slice(0, 200))) continue;
    const c = matchCriterion(l.text);
    if (c && (c.label || /[:：]/.test(c.marker))) return l.no;
  }
  return undefined;
}

/** Criteria lines outside every item (`spans`, inclusive) and every `skip` range: name the line where reading stopped. */
export function orphanCriteria(ix: LineIndex, spans: Ranges, skip: Ranges, items: Problem[], out: Diagnostic[]): void {
  let reported = -2;
  const covered = new Uint8Array(ix.lines.length + 2);
  for (const [a, b] of spans) covered.fill(1, a, b + 1);
  for (const [a, b] of skip) covered.fill(1, a, b);
  for (const l of ix.lines) {
    if (l.opaque || covered[l.no] || RATING_LINE.test(l.text.slice(0, 200))) continue;
    const c = matchCriterion(l.text);
    if (!c || !(c.label || /[:：]/.test(c.marker))) continue;
    if (l.no === reported + 1) {
      reported = l.no;
      continue;
    }
    reported = l.no;
    const before = items.filter((p) => p.span.end.line < l.no).pop();
    const where = before
      ? said('reading stopped after {0} (its item ends on line {1})', before.id, before.span.end.line)
      : said('no item above it carries an id');
    out.push({
      code: 'criteria-outside-item',
      severity: 'warning',
      line: l.no,
      ...said(
        "line {0}: ○/△/× criteria outside any item: {1}; expected an item heading such as '### ID: Title' or a bold lead '**ID: Title**' above them",
        l.no,
        where,
      ),
    });
  }
}
