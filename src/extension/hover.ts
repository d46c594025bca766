// Hover on a problem (its heading or its id anywhere in the key, or a P-id
// inside a review's grading tag): the ○/△/× criteria and, when a review is
// active, the finding that matched with its verdict and source.
import * as vscode from 'vscode';
import type { AnswerKey, GradedReview, Problem, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { basename } from '../core/naming';
import type { GradingService } from './gradingService';
import { sharedGradingService } from './service';
import { disagreementText, evidenceName, sourceMarker } from './verdictText';
import { verdictEvidence } from '../core/grade';

const ID = /\b[PB]\d{2,3}\b/;
const ORDER: Verdict[] = ['detected', 'partial', 'missed'];

export function registerHover(context: vscode.ExtensionContext): void {
  const service = sharedGradingService(context);
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'markdown' }, new GradeHoverProvider(service)));
}

class GradeHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: GradingService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const kind = this.service.kindOf(doc);
    if (kind === 'other') return undefined;
    try {
      return kind === 'key' ? await this.keyHover(doc, pos) : await this.reviewHover(doc, pos);
    } catch {
      return undefined;
    }
  }

  private async keyHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const key = this.service.keyOf(doc);
    const onHeading = key.problems.find((p) => p.headingSpan.start.line - 1 === pos.line);
    const word = doc.getWordRangeAtPosition(pos, ID);
    const id = onHeading?.id ?? (word && canonical(doc.getText(word)));
    if (!id) return undefined;
    const reviewDoc = await this.service.activeReviewFor(doc);
    const graded = reviewDoc && (await this.service.gradedOf(reviewDoc));
    const range = onHeading ? doc.lineAt(pos.line).range : word;
    const content = problemHover(key, id, graded, reviewDoc);
    return content && new vscode.Hover(content, range);
  }

  private async reviewHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const word = doc.getWordRangeAtPosition(pos, ID);
    if (!word) return undefined;
    const offset = doc.offsetAt(pos);
    const inTag = this.service.reviewOf(doc).tags.some((t) => t.span.start.offset <= offset && offset < t.span.end.offset);
    if (!inTag) return undefined;
    const graded = await this.service.gradedOf(doc);
    if (!graded) return undefined;
    const content = problemHover(graded.key, canonical(doc.getText(word)), graded, doc);
    return content && new vscode.Hover(content, word);
  }
}

/** 'P1' and 'P001' both name P01, as the parser canonicalizes. */
function canonical(id: string): string {
  return id[0] + String(Number(id.slice(1))).padStart(2, '0');
}

/** Hover text of a problem or bonus row; user text is escaped (not appendText: it turns spaces into &nbsp; and long criteria would not wrap). */
export function problemHover(key: AnswerKey, id: string, graded: GradedReview | undefined, reviewDoc?: vscode.TextDocument): vscode.MarkdownString | undefined {
  const problem = key.problems.find((p) => p.id === id);
  const md = new vscode.MarkdownString();
  if (!problem) {
    const row = key.bonus.find((b) => b.id === id);
    if (!row) return undefined;
    md.appendMarkdown(`**${row.id}** (bonus) `).appendMarkdown(escape(row.text));
    if (row.condition) md.appendMarkdown('\n\n*Condition:* ').appendMarkdown(escape(row.condition));
    const found = graded?.bonus.find((b) => b.id === id);
    if (graded) md.appendMarkdown('\n\n---\n\n').appendMarkdown(escape(found ? `bonus · ${evidenceName(found)} (${found.source})` : 'bonus: not found'));
    return md;
  }
  appendCriteria(md, problem);
  const grade = graded?.problems.find((p) => p.id === id);
  if (graded && grade) {
    const name = reviewDoc ? basename(reviewDoc.uri.path) : graded.path ?? 'the review';
    md.appendMarkdown('\n\n---\n\n');
    md.appendMarkdown(`**${grade.verdict}** ${MARK[grade.verdict]} `).appendMarkdown(escape(`${sourceMarker(grade)} ${disagreementText(grade)} in ${name}`.replace(/\s+/g, ' ')));
    const e = verdictEvidence(grade);
    if (e) md.appendMarkdown('\n\n').appendMarkdown(`*${escape(evidenceName(e))}* (line ${e.line}): `).appendMarkdown(escape(e.excerpt));
  }
  return md;
}

function appendCriteria(md: vscode.MarkdownString, p: Problem): void {
  md.appendMarkdown(`**${p.id}** `).appendMarkdown(escape(p.title));
  if (p.severity) md.appendMarkdown(' — ').appendMarkdown(escape(p.severity));
  for (const v of ORDER) {
    const c = p.criteria[v];
    md.appendMarkdown(`\n\n${MARK[v]} `).appendMarkdown(escape(c ? c.text : '(no criterion)'));
  }
}

/** Backslash-escape markdown punctuation and keep the text on one paragraph. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}
