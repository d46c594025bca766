// Quick fixes on a review finding (cursor anywhere in its heading or body):
// tag it as one of the problems the matcher relates it to, mark it partial,
// bonus or penalty, or remove its tag. The light bulb only lists titles; each
// action's WorkspaceEdit (one action, one undo) is built in resolveCodeAction
// against the document as it is then: if it changed since, the finding is
// found again by its heading, or the action is refused with a message.
import * as vscode from 'vscode';
import type { GradedReview, Review, TagEntry, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { candidatesFor, entriesOf, findingRef, ownerOf, tagEdits, withProblem, type FindingRef } from '../core/tags';
import type { GradingService } from './gradingService';
import type { Logger, Services } from './service';
import { refuse, resolveInDocument, tagWorkspaceEdit } from './tagCommands';
import { messageIn } from '../core/i18n';
import { t } from './l10n';

const MAX_CANDIDATES = 3;

/** What an action does, re-applied to the finding's tags as they are when it is resolved. */
type Intent = { kind: 'set'; id: string; verdict: Verdict } | { kind: 'exact'; entries: TagEntry[] };

/** A quick fix that carries its target and intent instead of a ready edit. */
export class TagAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly ref: FindingRef,
    readonly intent: Intent,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

export function registerQuickFix(context: vscode.ExtensionContext, services: Services): void {
  const provider = new TagQuickFixProvider(services);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

export class TagQuickFixProvider implements vscode.CodeActionProvider<TagAction> {
  private readonly service: GradingService;
  private readonly log: Logger;

  constructor(private readonly services: Services) {
    this.service = services.grading;
    this.log = services.log;
  }

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<TagAction[]> {
    if (this.service.kindOf(doc) !== 'review') return [];
    try {
      const graded = await this.service.gradedOf(doc);
      const review = graded?.review ?? this.service.reviewOf(doc);
      const finding = ownerOf(review.findings, doc.offsetAt(range.start));
      return finding ? this.actionsFor(doc, review, graded, finding.index) : [];
    } catch (e) {
      // a half-typed review must never break the light bulb
      this.log.error(`quick fixes failed on ${vscode.workspace.asRelativePath(doc.uri)}`, e);
      return [];
    }
  }

  /** Builds the edit now, against the current text; refuses when the finding cannot be found again. */
  resolveCodeAction(action: TagAction): TagAction {
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === action.ref.uri);
      if (!doc) return action;
      const services = this.services;
      const found = resolveInDocument(services, doc, action.ref);
      if (!found.ok) {
        refuse(services, messageIn(found, t)); // the core's message, in the UI language
        return action;
      }
      const review = this.service.reviewOf(doc);
      const current = entriesOf(review, found.finding.index);
      const entries = action.intent.kind === 'set' ? withProblem(current, action.intent.id, action.intent.verdict) : action.intent.entries;
      action.edit = tagWorkspaceEdit(doc, review, found.finding.index, entries);
    } catch (e) {
      this.log.error(`quick fix "${action.title}" failed`, e);
    }
    return action;
  }

  private actionsFor(doc: vscode.TextDocument, review: Review, graded: GradedReview | undefined, index: number): TagAction[] {
    const current = entriesOf(review, index);
    const candidates = graded ? candidatesFor(graded, index, this.service.matchThresholds(doc.uri)) : [];
    const ref = findingRef(doc.uri.toString(), doc.version, review.findings[index]);
    const text = doc.getText();
    const actions: TagAction[] = [];
    const add = (title: string, intent: Intent, preferred = false) => {
      const entries = intent.kind === 'set' ? withProblem(current, intent.id, intent.verdict) : intent.entries;
      if (tagEdits(text, review, index, entries).every((e) => text.slice(e.start, e.end) === e.newText)) return; // the finding already says exactly this
      const action = new TagAction(title, ref, intent);
      action.isPreferred = preferred;
      actions.push(action);
    };
    const suggested = candidates.filter((c) => c.verdict !== 'missed').slice(0, MAX_CANDIDATES);
    suggested.forEach((c, i) =>
      add(vscode.l10n.t('Tag as {0} {1} — {2}', c.id, MARK[c.verdict], c.title), { kind: 'set', id: c.id, verdict: c.verdict }, i === 0),
    );
    const best = candidates[0];
    if (best && !suggested.some((c) => c.id === best.id && c.verdict === 'partial')) {
      add(vscode.l10n.t('Mark partial: {0} △ — {1}', best.id, best.title), { kind: 'set', id: best.id, verdict: 'partial' });
    }
    const bonusId = graded && bestBonusRow(graded, index);
    add(bonusId ? vscode.l10n.t('Mark bonus {0}', bonusId) : vscode.l10n.t('Mark bonus'), {
      kind: 'exact',
      entries: [{ kind: 'bonus', id: bonusId }],
    });
    add(vscode.l10n.t('Mark penalty'), { kind: 'exact', entries: [{ kind: 'penalty' }] });
    if (current.length > 0) add(vscode.l10n.t('Remove tag'), { kind: 'exact', entries: [] });
    return actions;
  }
}

/** The bonus row the matcher pairs with this finding, if any. */
function bestBonusRow(graded: GradedReview, index: number): string | undefined {
  return (
    graded.bonus.find((b) => b.findingIndex === index && b.source === 'auto' && b.id)?.id ??
    graded.unmatched.find((u) => u.findingIndex === index)?.bonusCandidate
  );
}
