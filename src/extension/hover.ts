// Hover on a problem (its heading or its id anywhere in the key, or a P-id
// inside a review's grading tag): the ○/△/× criteria and, when a review is
// active, the finding behind the verdict with its source (for a judge verdict
// the finding its report cites; where it cites none, the matcher's findings as
// candidates). Hover on a finding heading of a review: the problems it is
// evidence or a candidate for, and its bonus rows.
import * as vscode from 'vscode';
import { fmt } from '../core/score';
import type { AnswerKey, Evidence, GradedReview, Problem, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { bankEntryOf, GENERIC_CRITERIA, GENERIC_NOTE } from '../core/answerKey';
import { basename } from '../core/naming';
import type { GradingService } from './gradingService';
import type { Logger, Services } from './service';
import {
  backingOf,
  bonusCounts,
  bonusStatus,
  disagreementText,
  findingFullName,
  sourceMarker,
  sourceWord,
  uncitedText,
} from './verdictText';
import { t } from './l10n';
import { verdictWord } from '../core/i18n';

// any item id a key shape uses ('P01', 'Q3', 'T01-C1', 'AK-T02-01', 'PB-02'): letters first, a digit last
const ID = /\b[A-Z][A-Z0-9]{0,5}(?:-[A-Z0-9]{1,6}){0,3}\b/;
const ORDER: Verdict[] = ['detected', 'partial', 'missed'];

export function registerHover(context: vscode.ExtensionContext, deps: Services): void {
  const service = deps.grading;
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'markdown' }, new GradeHoverProvider(service, deps)));
}

class GradeHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: GradingService,
    private readonly deps: Services,
  ) {}

  private get log(): Logger {
    return this.deps.log;
  }

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const kind = this.service.kindOf(doc);
    if (kind === 'other') return undefined;
    try {
      return kind === 'key' ? await this.keyHover(doc, pos) : await this.reviewHover(doc, pos);
    } catch (e) {
      this.log.error('hover', e);
      return undefined;
    }
  }

  private async keyHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const key = this.scenarioAt(doc, pos.line + 1);
    const onHeading =
      key.problems.find((p) => p.headingSpan.start.line - 1 === pos.line) ??
      key.bank?.find((p) => p.headingSpan.start.line - 1 === pos.line);
    const word = doc.getWordRangeAtPosition(pos, ID);
    const id = onHeading?.id ?? (word && idIn(key, doc.getText(word)));
    if (!id) return undefined;
    const reviewDoc = await this.service.keys.activeReviewFor(doc);
    const graded = reviewDoc && (await this.service.gradedOf(reviewDoc));
    const range = onHeading ? doc.lineAt(pos.line).range : word;
    const content = problemHover(key, id, graded, reviewDoc);
    return content && new vscode.Hover(content, range);
  }

  /** The key the line belongs to: in a multi-scenario rubric, the scenario whose section holds it. */
  private scenarioAt(doc: vscode.TextDocument, line: number): AnswerKey {
    const first = this.service.keyOf(doc);
    let at: string | undefined;
    for (const s of first.scenarios ?? []) if (s.line <= line) at = s.id;
    return at && at !== first.scenario?.id ? this.service.keyOf(doc, at) : first;
  }

  private async reviewHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const review = this.service.reviewOf(doc);
    const heading = review.findings.find((f) => f.headingSpan.start.line - 1 === pos.line);
    const word = doc.getWordRangeAtPosition(pos, ID);
    const offset = doc.offsetAt(pos);
    const inTag = word && review.tags.some((t) => t.span.start.offset <= offset && offset < t.span.end.offset);
    if (!inTag && !heading) return undefined;
    const graded = await this.service.gradedOf(doc);
    if (!graded) return undefined;
    if (inTag) {
      const content = problemHover(graded.key, idIn(graded.key, doc.getText(word!)), graded, doc);
      return content && new vscode.Hover(content, word);
    }
    const content = findingHover(heading!.index, graded);
    return new vscode.Hover(content, doc.lineAt(pos.line).range);
  }
}

/** The key's own spelling of an id: exact, else 'P1' and 'P001' both name P01 (as the parser canonicalizes P- and B-ids). */
function idIn(key: AnswerKey, word: string): string {
  if (key.problems.some((p) => p.id === word) || key.bank?.some((p) => p.id === word) || key.bonus.some((b) => b.id === word)) return word;
  return /^[PB]\d{1,3}$/.test(word) ? word[0] + String(Number(word.slice(1))).padStart(2, '0') : word;
}

/** Hover text of a problem or bonus row; user text is escaped (not appendText: it turns spaces into &nbsp; and long criteria would not wrap). */
export function problemHover(
  key: AnswerKey,
  id: string,
  graded: GradedReview | undefined,
  reviewDoc?: vscode.TextDocument,
): vscode.MarkdownString | undefined {
  const bank = key.problems.some((p) => p.id === id) ? undefined : key.bank?.find((p) => p.id === id);
  const problem = key.problems.find((p) => p.id === id) ?? bank;
  const md = new vscode.MarkdownString();
  if (!problem) {
    const row = key.bonus.find((b) => b.id === id);
    if (!row) return undefined;
    md.appendMarkdown(`**${row.id}** ${escape(vscode.l10n.t('(bonus)'))} `).appendMarkdown(escape(row.text));
    if (row.condition) md.appendMarkdown(`\n\n*${escape(vscode.l10n.t('Condition:'))}* `).appendMarkdown(escape(row.condition));
    const i = graded ? graded.bonus.findIndex((b) => b.id === id) : -1;
    const found = graded?.bonus[i];
    const status = found && graded ? ` · ${bonusStatus(found, bonusCounts(graded)[i], graded, t)}` : '';
    if (graded)
      md.appendMarkdown('\n\n---\n\n').appendMarkdown(
        escape(
          found
            ? vscode.l10n.t('bonus · {0} ({1})', findingFullName(found, graded, t), sourceWord(found.source, t)) + status
            : vscode.l10n.t('bonus: not found'),
        ),
      );
    return md;
  }
  appendCriteria(md, problem, key);
  if (bank)
    md.appendMarkdown('\n\n').appendMarkdown(
      escape(vscode.l10n.t('(a problem-bank entry: the scenarios draw on it; it is not graded itself)')),
    );
  const entry = bankEntryOf(key, problem);
  if (entry) {
    // the bank entry this scenario item draws on ('(PB-02)'), with its own criteria
    md.appendMarkdown('\n\n---\n\n')
      .appendMarkdown(`*${escape(vscode.l10n.t('Draws on'))}* **${escape(entry.id)}** `)
      .appendMarkdown(escape(entry.title));
    if (entry.severity) md.appendMarkdown(' — ').appendMarkdown(escape(entry.severity));
    for (const v of ORDER) {
      const c = entry.criteria[v];
      if (c) md.appendMarkdown(`\n\n${MARK[v]} `).appendMarkdown(escape(c.text));
    }
  } else if (problem.ref) {
    md.appendMarkdown('\n\n').appendMarkdown(
      escape(vscode.l10n.t("draws on {0}, which the file's problem bank does not have", problem.ref)),
    );
  }
  const grade = graded?.problems.find((p) => p.id === id);
  if (graded && grade) {
    const name = reviewDoc ? basename(reviewDoc.uri.path) : (graded.path ?? vscode.l10n.t('the review'));
    md.appendMarkdown('\n\n---\n\n');
    md.appendMarkdown(`**${escape(verdictWord(grade.verdict, t))}** ${MARK[grade.verdict]} `).appendMarkdown(
      escape(vscode.l10n.t('{0} in run {1}', `${sourceMarker(grade, t)} ${disagreementText(grade, t)}`.trim(), name).replace(/\s+/g, ' ')),
    );
    const b = backingOf(grade);
    if (b.kind === 'evidence') {
      md.appendMarkdown('\n\n').appendMarkdown(
        `*${escape(findingFullName(b.evidence, graded, t))}* ${escape(vscode.l10n.t('(line {0})', b.evidence.line ?? '?'))}`,
      );
      if (b.evidence.excerpt) md.appendMarkdown(': ').appendMarkdown(escape(b.evidence.excerpt));
    } else {
      if (b.kind === 'uncited') md.appendMarkdown('\n\n').appendMarkdown(escape(uncitedText(b, t)));
      appendCandidates(md, b.candidates, graded);
    }
  }
  return md;
}

/** The matcher's findings, said to be candidates (not the verdict's evidence). */
function appendCandidates(md: vscode.MarkdownString, candidates: Evidence[], graded: GradedReview): void {
  if (candidates.length === 0) return;
  md.appendMarkdown('\n\n').appendMarkdown(
    escape(
      vscode.l10n.t(
        "Candidates (the matcher's, not the verdict's evidence): {0}",
        candidates
          .map((e) => vscode.l10n.t('{0} (line {1}, match {2})', findingFullName(e, graded, t), e.line ?? '?', fmt(e.score)))
          .join('; '),
      ),
    ),
  );
}

/** Hover on a finding heading: what the finding counts for, and what it may count for. */
export function findingHover(index: number, graded: GradedReview): vscode.MarkdownString {
  const f = graded.review.findings[index];
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(findingFullName({ label: f.label, line: f.headingSpan.start.line, findingIndex: index }, graded, t))}**`);
  const backs: string[] = [];
  const candidateFor: string[] = [];
  for (const p of graded.problems) {
    const b = backingOf(p);
    if (b.kind === 'evidence' && b.evidence.findingIndex === index)
      backs.push(`${p.id} ${MARK[p.verdict]} ${p.title} ${sourceMarker(p, t)}`);
    else {
      const e = p.evidence.find((x) => x.findingIndex === index && !x.fromTag);
      if (e)
        candidateFor.push(
          `${p.id} ${p.title} ${vscode.l10n.t('(match {0}; verdict {1} {2})', fmt(e.score), MARK[p.verdict], sourceMarker(p, t))}`,
        );
    }
  }
  const counts = bonusCounts(graded);
  const bonus = graded.bonus.flatMap((b, i) =>
    b.findingIndex === index
      ? [
          vscode.l10n.t(
            '{0} ({1}): {2}',
            b.id ? vscode.l10n.t('bonus {0}', b.id) : vscode.l10n.t('bonus'),
            sourceWord(b.source, t),
            bonusStatus(b, counts[i], graded, t),
          ),
        ]
      : [],
  );
  const penalties = graded.penalties
    .filter((x) => x.findingIndex === index)
    .map((x) => `${vscode.l10n.t('penalty ({0})', sourceWord(x.source, t))}${x.reason ? `: ${x.reason}` : ''}`);
  const section = (title: string, lines: string[]) => {
    if (lines.length) md.appendMarkdown(`\n\n${title}\n\n`).appendMarkdown(lines.map((l) => `- ${escape(l)}`).join('\n'));
  };
  section(vscode.l10n.t('Evidence for:'), backs);
  section(vscode.l10n.t('Candidate for:'), candidateFor);
  section(vscode.l10n.t('Extras:'), [...bonus, ...penalties]);
  if (!backs.length && !candidateFor.length && !bonus.length && !penalties.length) {
    md.appendMarkdown('\n\n').appendMarkdown(
      escape(
        graded.unmatched.some((u) => u.findingIndex === index)
          ? vscode.l10n.t('matches no problem of the key: a bonus or penalty candidate')
          : vscode.l10n.t('not evidence for any problem'),
      ),
    );
  }
  return md;
}

function appendCriteria(md: vscode.MarkdownString, p: Problem, key: AnswerKey): void {
  md.appendMarkdown(`**${escape(p.id)}** `).appendMarkdown(escape(p.title));
  if (p.severity) md.appendMarkdown(' — ').appendMarkdown(escape(p.severity));
  if (p.weight !== undefined) md.appendMarkdown(' · ').appendMarkdown(escape(vscode.l10n.t('weight {0}', p.weight)));
  if (p.criteriaSource === 'generic') {
    // no criteria of its own: say that the rubric's generic definitions apply, and show them
    md.appendMarkdown('\n\n*').appendMarkdown(escape(GENERIC_NOTE[key.language])).appendMarkdown('*');
    for (const v of ORDER) md.appendMarkdown(`\n\n${MARK[v]} `).appendMarkdown(escape(GENERIC_CRITERIA[key.language][v]));
    return;
  }
  for (const v of ORDER) {
    const c = p.criteria[v];
    md.appendMarkdown(`\n\n${MARK[v]} `).appendMarkdown(escape(c ? c.text : vscode.l10n.t('(no criterion)')));
  }
}

/** Backslash-escape markdown punctuation and keep the text on one paragraph. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}
