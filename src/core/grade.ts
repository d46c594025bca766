// Verdict per problem: a human tag beats an imported judge verdict, which
// beats the automatic suggestion — and all three are kept side by side.
import type {
  AnswerKey,
  AutoGrade,
  BonusGrade,
  Diagnostic,
  Evidence,
  GradedReview,
  PenaltyGrade,
  ProblemGrade,
  Review,
  Verdict,
  VerdictSource,
} from './model';
import { CREDIT } from './model';
import { autoGrade, type MatchOptions } from './match';
import { resolveCitations, type JudgeRun } from './judge';
import { DEFAULT_RUBRIC, runScore, type KeyDetection, type RubricOptions } from './score';
import { detectionSubtotal, itemCredits } from './answerKey/rating';
import { said, type SaidText } from './i18n';

export interface GradeOptions {
  /** ignore the review's grading tags */
  autoOnly?: boolean;
  /** the judge's verdicts for this run, when a scoring report was imported */
  judge?: JudgeRun;
  rubric?: RubricOptions;
  match?: MatchOptions;
  keyPath?: string;
}

/** Grade one review against its key. Pure; never throws on parsed input. */
export function gradeReview(key: AnswerKey, review: Review, opts: GradeOptions = {}): GradedReview {
  const auto = autoGrade(key, review, opts.match);
  const tags = opts.autoOnly ? [] : review.tags;
  const tagVerdicts = tagVerdictsById(review, tags, keyIdOf(key));
  const creditOf = itemCredits(key); // under the key's own rule, where it states one
  const problems = key.problems.map((p, i): ProblemGrade => {
    const a = auto.problems.find((x) => x.id === p.id) ?? auto.problems[i];
    const autoVerdict = a?.verdict ?? 'missed';
    const confidence = a?.confidence ?? 0;
    const tagged = tagVerdicts.get(p.id);
    const judge = opts.judge?.verdicts[p.id];
    const [verdict, source]: [Verdict, VerdictSource] = tagged ? [tagged.verdict, 'tag'] : judge ? [judge, 'judge'] : [autoVerdict, 'auto'];
    const seen = new Set<Verdict>([autoVerdict, ...(tagged ? [tagged.verdict] : []), ...(judge ? [judge] : [])]);
    const evidence: Evidence[] = [...(tagged?.evidence ?? [])];
    for (const e of a?.evidence ?? []) if (!evidence.some((x) => x.findingIndex === e.findingIndex)) evidence.push(e);
    const grade: ProblemGrade = {
      id: p.id,
      title: p.title,
      verdict,
      credit: creditOf(p, verdict),
      source,
      confidence,
      auto: { verdict: autoVerdict, confidence },
      tag: tagged?.verdict,
      judge,
      disagreement: seen.size > 1,
      evidence,
    };
    if (judge) {
      const cited = resolveCitations(opts.judge?.citations?.[p.id], review.findings);
      grade.judgeCited = cited.state;
      if (cited.finding) {
        const f = cited.finding;
        const score = a?.evidence.find((e) => e.findingIndex === f.index)?.score ?? 0;
        grade.judgeEvidence = {
          findingIndex: f.index,
          label: f.label ?? '',
          line: f.headingSpan.start.line,
          score,
          excerpt: excerpt(f.title),
          fromJudge: true,
        };
      }
    }
    return grade;
  });
  const bonus = bonusGrades(review, tags, auto, key);
  const penalties = penaltyGrades(review, tags);
  const rubric = opts.rubric ?? DEFAULT_RUBRIC;
  // Counts in force: human tags if the human graded bonus/penalty at all, else the judge's, else auto.
  const humanExtras = bonus.some((b) => b.source === 'tag') || penalties.some((x) => x.source === 'tag');
  const judgeExtras = !humanExtras && (opts.judge?.bonusCount !== undefined || opts.judge?.penaltyCount !== undefined);
  const bonusCount = humanExtras ? bonus.filter((b) => b.source === 'tag').length : (opts.judge?.bonusCount ?? bonus.length);
  const penaltyCount = humanExtras ? penalties.length : (opts.judge?.penaltyCount ?? penalties.length);
  // Under the judge's counts, as many rows count as the judge credited (2.5 with a partial row: three rows), within the cap.
  const judgeCap = judgeExtras && opts.judge?.bonusCount !== undefined ? Math.ceil(opts.judge.bonusCount - 1e-9) : Infinity;
  markCounting(bonus, humanExtras ? 'tag' : judgeExtras ? 'judge' : 'auto', Math.min(rubric.bonusCap, judgeCap), opts.judge?.bonusIds);
  const taggedFindings = new Set(tags.flatMap((t) => (t.findingIndex === undefined ? [] : [t.findingIndex])));
  const unmatched = auto.unmatched
    .filter((i) => !taggedFindings.has(i))
    .map((i) => {
      const f = review.findings[i];
      return { findingIndex: i, label: f.label, line: f.headingSpan.start.line, title: f.title };
    });
  return {
    path: review.path,
    keyPath: opts.keyPath ?? key.path,
    review,
    key,
    problems,
    bonus,
    penalties,
    unmatched,
    score: runScore(
      problems.map((p) => p.verdict),
      bonusCount,
      penaltyCount,
      rubric,
      ownDetection(key, problems),
    ),
    extrasSource: humanExtras ? 'tag' : judgeExtras ? 'judge' : 'auto',
    diagnostics: key.diagnostics.concat(review.diagnostics),
    // grading's own messages: tags naming ids the key lacks, and where the matcher bounded its work
    gradingDiagnostics: tagKeyDiagnostics(key, tags).concat(auto.diagnostics),
  };
}

/** The key's own detection rule applied to the verdicts in force; undefined for a classic key (today's sum stays as it was). */
function ownDetection(key: AnswerKey, problems: ProblemGrade[]): KeyDetection | undefined {
  if (!key.scoring) return undefined;
  const sub = detectionSubtotal(key, problems);
  // scaled ('/ max × 10'): the subtotal's ceiling is the scale, not the raw maximum
  const scale = key.scoring.scale;
  return { value: sub.value, max: scale !== undefined && sub.max > 0 ? scale : sub.max, rule: sub.rule };
}

/**
 * Tags that name a problem (or bonus row) the key does not have: they cannot
 * count, so say so at the tag's line instead of dropping them silently.
 */
export function tagKeyDiagnostics(key: AnswerKey, tags: Review['tags']): Diagnostic[] {
  if (key.problems.length === 0) return [];
  const idOf = keyIdOf(key);
  const problemIds = new Set(key.problems.map((p) => p.id));
  const bonusIds = new Set(key.bonus.map((b) => b.id));
  const range = `${key.problems[0].id}–${key.problems[key.problems.length - 1].id}`;
  const out: Diagnostic[] = [];
  for (const t of tags) {
    for (const e of t.entries) {
      let message: SaidText | undefined;
      if (e.kind === 'problem' && !problemIds.has(idOf(e.id)))
        message = said('grading tag names {0}, which the answer key does not have ({1}); it is ignored', e.id, range);
      else if (e.kind === 'bonus' && e.id && key.bonus.length > 0 && !bonusIds.has(e.id))
        message = said('grading tag names bonus {0}, which the answer key does not have; it counts as a plain bonus', e.id);
      if (message)
        out.push({
          code: 'unknown-tag-id',
          severity: 'warning',
          ...message,
          line: t.span.start.line,
          column: t.span.start.column,
          span: t.span,
        });
    }
  }
  return out;
}

/** Ids compared without case or zero padding: a tag's 'P01' (the tag syntax pads) names a table key's 'P1'. */
const looseId = (id: string) => id.toUpperCase().replace(/(^|\D)0+(?=\d)/g, '$1');

/** A tag's id → the key's own spelling of it (exact first; else the one equal but for case and padding). */
function keyIdOf(key: AnswerKey): (id: string) => string {
  const exact = new Set(key.problems.map((p) => p.id));
  const loose = new Map<string, string>();
  for (const p of key.problems) if (!loose.has(looseId(p.id))) loose.set(looseId(p.id), p.id);
  return (id) => (exact.has(id) ? id : (loose.get(looseId(id)) ?? id));
}

interface TagVerdict {
  verdict: Verdict;
  evidence: Evidence[];
}

/** Problem verdicts from tags; a problem tagged twice counts at its best (the review found it somewhere). */
function tagVerdictsById(review: Review, tags: Review['tags'], idOf: (id: string) => string): Map<string, TagVerdict> {
  const out = new Map<string, TagVerdict>();
  for (const tag of tags) {
    const f = tag.findingIndex === undefined ? undefined : review.findings[tag.findingIndex];
    for (const e of tag.entries) {
      if (e.kind !== 'problem') continue;
      const id = idOf(e.id);
      const prev = out.get(id);
      const evidence: Evidence[] = f
        ? [
            {
              findingIndex: f.index,
              label: f.label ?? '',
              line: f.headingSpan.start.line,
              score: 1,
              excerpt: excerpt(f.title),
              fromTag: true,
            },
          ]
        : [];
      if (!prev) out.set(id, { verdict: e.verdict, evidence });
      else {
        if (CREDIT[e.verdict] > CREDIT[prev.verdict]) prev.verdict = e.verdict;
        for (const x of evidence) prev.evidence.push(x);
      }
    }
  }
  return out;
}

/** Bonus candidates: tagged ones, then the matcher's. One finding earns one bonus, and each key row counts once. */
function bonusGrades(review: Review, tags: Review['tags'], auto: AutoGrade, key: AnswerKey): BonusGrade[] {
  const out: BonusGrade[] = [];
  const credited = new Set<number>(); // findings that already earn a bonus
  for (const tag of tags) {
    const f = tag.findingIndex === undefined ? undefined : review.findings[tag.findingIndex];
    for (const e of tag.entries) {
      if (e.kind !== 'bonus') continue;
      // "<!-- grade: bonus B01, bonus B02 -->" on one finding is still one bonus
      if (f && credited.has(f.index)) continue;
      if (f) credited.add(f.index);
      const row = e.id ? key.bonus.find((b) => b.id === e.id) : undefined;
      out.push({
        id: e.id,
        findingIndex: f?.index,
        label: f?.label,
        line: f?.headingSpan.start.line ?? tag.span.start.line,
        source: 'tag',
        text: row?.text ?? f?.title ?? '',
        counts: false,
      });
    }
  }
  // Auto: each row once, each finding once; where one finding is the best
  // match of two rows, the closer match keeps it (ties: the earlier row).
  const seen = new Set(out.map((b) => b.id).filter(Boolean));
  const ranked = auto.bonus.map((b, order) => ({ b, order })).sort((x, y) => y.b.score - x.b.score || x.order - y.order);
  const picked: { b: AutoGrade['bonus'][number]; order: number }[] = [];
  for (const r of ranked) {
    if (seen.has(r.b.id) || credited.has(r.b.findingIndex)) continue;
    seen.add(r.b.id);
    credited.add(r.b.findingIndex);
    picked.push(r);
  }
  picked.sort((x, y) => x.order - y.order);
  for (const { b } of picked) {
    const f = review.findings[b.findingIndex];
    const row = key.bonus.find((r) => r.id === b.id);
    out.push({
      id: b.id,
      findingIndex: b.findingIndex,
      label: f?.label,
      line: f?.headingSpan.start.line,
      source: 'auto',
      text: row?.text ?? '',
      counts: false,
    });
  }
  return out;
}

/** Sets `counts` on the bonuses the score uses: of the source in force, the first `cap` in review order. */
function markCounting(bonus: BonusGrade[], source: VerdictSource, cap: number, judgeRows?: string[]): void {
  const judged = new Set(judgeRows ?? []);
  const eligible = bonus.filter((b) => (source === 'judge' ? b.id !== undefined && judged.has(b.id) : b.source === source));
  eligible.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  eligible.slice(0, Math.max(0, cap)).forEach((b) => {
    b.counts = true;
  });
}

function penaltyGrades(review: Review, tags: Review['tags']): PenaltyGrade[] {
  const out: PenaltyGrade[] = [];
  for (const tag of tags) {
    const f = tag.findingIndex === undefined ? undefined : review.findings[tag.findingIndex];
    for (const e of tag.entries) {
      if (e.kind === 'penalty')
        out.push({
          findingIndex: f?.index,
          label: f?.label,
          line: f?.headingSpan.start.line ?? tag.span.start.line,
          source: 'tag',
          reason: e.reason ?? '',
        });
    }
  }
  return out;
}

/**
 * The finding that backs the verdict in force: for a tag, a finding the human
 * tagged (none for a review-level tag — the matcher's guess is not the
 * human's evidence); for the judge, the finding its report cites (none when
 * it cites none or one this review lacks: see `judgeCited`); for auto, the
 * best match; nothing for a miss.
 */
export function verdictEvidence(p: ProblemGrade): Evidence | undefined {
  if (p.verdict === 'missed') return undefined;
  if (p.source === 'tag') return p.evidence.find((e) => e.fromTag);
  if (p.source === 'judge') return p.judgeEvidence;
  return p.evidence[0];
}

export function excerpt(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
