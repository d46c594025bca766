// missing-criterion: every problem needs ○, △ and × criteria, or a grader
// cannot tell a partial detection from a miss. The fix inserts the missing
// lines with a placeholder, written the way this key writes its criteria.
import { matchCriterion, VERDICTS } from '../answerKey/vocabulary';
import { MARK, type Criterion, type Diagnostic, type Language, type Problem, type Verdict } from '../model';
import { verdictWord } from '../i18n';
import { atLine, type LintContext, type LintRule } from './rule';

const LABELS: Record<string, Record<Verdict, string>> = {
  ja: { detected: '検出', partial: '部分検出', missed: '未検出' },
  en: { detected: 'Detected', partial: 'Partial', missed: 'Not Detected' },
  enDetection: { detected: 'Full Detection', partial: 'Partial Detection', missed: 'No Detection' },
};
const PLACEHOLDER: Record<Language, Record<Verdict, string>> = {
  ja: {
    detected: '（TODO: 検出と判定する条件を記入）',
    partial: '（TODO: 部分検出と判定する条件を記入）',
    missed: '（TODO: 未検出と判定する条件を記入）',
  },
  en: {
    detected: 'TODO: describe what counts as detected',
    partial: 'TODO: describe what counts as a partial detection',
    missed: 'TODO: describe what counts as not detected',
  },
};

function allCriteria(ctx: LintContext): Criterion[] {
  return ctx.key.problems.flatMap((p) => VERDICTS.map((v) => p.criteria[v]).filter((c): c is Criterion => !!c));
}

function lineOf(ctx: LintContext, c: Criterion) {
  return matchCriterion(ctx.ix.line(c.span.start.line).text);
}

/** The mark-label-colon for a verdict, copied from this key where it has one. */
function markerFor(ctx: LintContext, v: Verdict, siblings: Criterion[]): string {
  const all = allCriteria(ctx);
  const same = all.find((c) => c.verdict === v);
  const sameMarker = same && lineOf(ctx, same)?.marker;
  if (sameMarker) return spaced(sameMarker);
  const model = [...siblings, ...all][0];
  const m = model && lineOf(ctx, model);
  if (!m) return ctx.key.language === 'ja' ? `${MARK[v]}（${LABELS.ja![v]}）: ` : `${MARK[v]} (${LABELS.en![v]}): `;
  const colon = m.marker.includes('：') ? '：' : ':';
  if (!m.label) return spaced(MARK[v] + colon);
  const family = /[\u3040-\u30ff\u4e00-\u9fff]/.test(m.label) ? 'ja' : /detection/i.test(m.label) ? 'enDetection' : 'en';
  const label = LABELS[family]![v];
  return spaced(m.marker.includes('（') ? `${MARK[v]}（${label}）${colon}` : `${MARK[v]} (${label})${colon}`);
}

/** A full-width colon needs no space after it; anything else gets one. */
function spaced(marker: string): string {
  return /[ \u3000：]$/.test(marker) ? marker : marker + ' ';
}

function fixFor(ctx: LintContext, p: Problem, missing: Verdict[]): Diagnostic['fix'] {
  const { ix, key, t } = ctx;
  const eol = ix.eol;
  const present = VERDICTS.filter((v) => p.criteria[v]);
  const siblings = present.map((v) => p.criteria[v]!);
  const model = [...siblings, ...allCriteria(ctx)][0];
  const mm = model && lineOf(ctx, model);
  const criteriaField = p.fields.find((f) => f.name === 'criteria');
  const fieldIndent = criteriaField ? ix.line(criteriaField.span.start.line).text.slice(0, criteriaField.span.start.column - 1) : '';
  const prefix =
    siblings.length && mm
      ? mm.indent + (mm.bullet || '- ')
      : criteriaField
        ? `${fieldIndent}  - `
        : mm
          ? mm.indent + (mm.bullet || '- ')
          : '  - ';
  const lineFor = (v: Verdict) => prefix + markerFor(ctx, v, siblings) + PLACEHOLDER[key.language][v];

  if (!present.length) {
    const body = missing.map(lineFor).join(eol);
    if (criteriaField) {
      const end = ix.line(criteriaField.span.end.line).end;
      return { title: t('Insert ○/△/× criteria'), edits: [{ start: end, end, newText: eol + body }] };
    }
    const label =
      key.problems.flatMap((q) => q.fields).find((f) => f.name === 'criteria')?.label ??
      (key.language === 'ja' ? '検出判定基準' : 'Detection Criteria');
    let last = p.span.end.line;
    while (last > p.headingSpan.start.line && ix.line(last).unclosed) last--;
    const end = ix.line(last).end;
    return { title: t('Insert detection criteria'), edits: [{ start: end, end, newText: `${eol}- **${label}**:${eol}${body}` }] };
  }
  // group missing lines by where they go: after the previous present verdict, else before the next
  const groups = new Map<number, { after: boolean; lines: string[] }>();
  for (const v of missing) {
    const i = VERDICTS.indexOf(v);
    const prev = present.filter((w) => VERDICTS.indexOf(w) < i).pop();
    const at = prev
      ? ix.line(p.criteria[prev]!.span.end.line).end
      : ix.line(p.criteria[present.find((w) => VERDICTS.indexOf(w) > i)!]!.span.start.line).start;
    const g = groups.get(at) ?? { after: !!prev, lines: [] };
    g.lines.push(lineFor(v));
    groups.set(at, g);
  }
  const edits = [...groups].map(([at, g]) => ({
    start: at,
    end: at,
    newText: g.after ? eol + g.lines.join(eol) : g.lines.join(eol) + eol,
  }));
  const marks = missing.map((v) => MARK[v]).join('');
  return { title: missing.length > 1 ? t('Insert the missing {0} criteria', marks) : t('Insert the missing {0} criterion', marks), edits };
}

export const missingCriterion: LintRule = {
  code: 'missing-criterion',
  description: 'Every problem has ○, △ and × criteria',
  check: (ctx) => {
    const out: Diagnostic[] = [];
    for (const p of ctx.key.problems) {
      const missing = VERDICTS.filter((v) => !p.criteria[v]);
      if (!missing.length) continue;
      // outside classic keys an item with no criteria at all is item-without-criteria's (or the generic rubric's)
      if (ctx.key.shape && p.criteriaSource === 'generic') continue;
      const line = p.headingSpan.start.line;
      const { t } = ctx;
      const names = missing.map((v) => t('{0} ({1})', MARK[v], verdictWord(v, t))).join(', ');
      const what =
        missing.length === 3
          ? t('has no detection criteria')
          : missing.length > 1
            ? t('lacks the {0} criteria', names)
            : t('lacks the {0} criterion', names);
      const expected = p.shape === 'row' ? t('a ○, △ and × cell in its row') : t('○, △ and × lines under its detection criteria');
      out.push({
        code: 'missing-criterion',
        severity: 'warning',
        line,
        span: p.headingSpan,
        message: atLine(t, line, t('{0} {1} (expected {2})', p.id, what, expected)),
        fix: p.shape === 'row' ? undefined : fixFor(ctx, p, missing),
      });
    }
    return out;
  },
};
