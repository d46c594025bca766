// Quick fixes on a review finding (cursor anywhere in its heading or body):
// tag it as one of the problems the matcher relates it to, mark it partial,
// bonus or penalty, or remove its tag. Each action carries a ready
// WorkspaceEdit built from core `tagEdits`: one action, one undo.
import * as vscode from 'vscode';
import type { GradedReview, Review, TagEntry } from '../core/model';
import { MARK } from '../core/model';
import type { GradingService } from './gradingService';
import { sharedGradingService } from './service';
import { candidatesFor, entriesOf, findingAt, tagWorkspaceEdit, withProblem } from './tagCommands';

const MAX_CANDIDATES = 3;

export function registerQuickFix(context: vscode.ExtensionContext): void {
  const provider = new TagQuickFixProvider(sharedGradingService(context));
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  }));
}

export class TagQuickFixProvider implements vscode.CodeActionProvider {
  constructor(private readonly service: GradingService) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    if (this.service.kindOf(doc) !== 'review') return [];
    try {
      const graded = await this.service.gradedOf(doc);
      const review = graded?.review ?? this.service.reviewOf(doc);
      const finding = findingAt(review, doc.offsetAt(range.start));
      return finding ? this.actionsFor(doc, review, graded, finding.index) : [];
    } catch {
      return []; // a half-typed review must never break the light bulb
    }
  }

  private actionsFor(doc: vscode.TextDocument, review: Review, graded: GradedReview | undefined, index: number): vscode.CodeAction[] {
    const current = entriesOf(review, index);
    const candidates = graded ? candidatesFor(graded, index) : [];
    const actions: vscode.CodeAction[] = [];
    const add = (title: string, entries: TagEntry[], preferred = false) => {
      const edit = tagWorkspaceEdit(doc, review, index, entries);
      if (!edit) return; // the finding already says exactly this
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.isPreferred = preferred;
      actions.push(action);
    };
    const suggested = candidates.filter((c) => c.verdict !== 'missed').slice(0, MAX_CANDIDATES);
    suggested.forEach((c, i) => add(`Tag as ${c.id} ${MARK[c.verdict]} — ${c.title}`, withProblem(current, c.id, c.verdict), i === 0));
    const best = candidates[0];
    if (best && !suggested.some((c) => c.id === best.id && c.verdict === 'partial')) {
      add(`Mark partial: ${best.id} △ — ${best.title}`, withProblem(current, best.id, 'partial'));
    }
    const bonusId = graded && bestBonusRow(graded, index);
    add(bonusId ? `Mark bonus ${bonusId}` : 'Mark bonus', [{ kind: 'bonus', id: bonusId }]);
    add('Mark penalty', [{ kind: 'penalty' }]);
    if (current.length > 0) add('Remove tag', []);
    return actions;
  }
}

/** The bonus row the matcher pairs with this finding, if any. */
function bestBonusRow(graded: GradedReview, index: number): string | undefined {
  return graded.bonus.find((b) => b.findingIndex === index && b.source === 'auto' && b.id)?.id
    ?? graded.unmatched.find((u) => u.findingIndex === index)?.bonusCandidate;
}
