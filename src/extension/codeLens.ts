// CodeLenses: in an answer key, the active review's verdict above each
// problem and bonus row; in a review, the suggested tag above each finding.
// Everything is read from the GradingService's cached graded model.
import * as vscode from 'vscode';
import type { GradedReview, ProblemGrade, TagEntry } from '../core/model';
import type { Thresholds } from '../core/match/verdict';
import { basename } from '../core/naming';
import { candidatesFor, entriesOf, findingRef } from '../core/tags';
import type { GradingService } from './gradingService';
import { onDidChangeActiveReview, type Logger, type Services } from './service';
import { recordTiming } from './stats';
import { ACCEPT_SUGGESTION } from './tagCommands';
import {
  backingOf,
  bonusCounts,
  bonusStatus,
  bonusSummary,
  entryText,
  findingFullName,
  findingName,
  problemTitle,
  sourceMarker,
  sourceName,
  uncitedText,
} from './verdictText';
import { t } from './l10n';
import { verdictWord } from '../core/i18n';
import { PICK_RUN, registerRunPicker } from './runPicker';
import { candidateItems, registerCandidatePicker, SHOW_CANDIDATES } from './candidatePicker';

export const REVEAL_FINDING = 'reviewGrader.revealFinding';

export function registerCodeLens(context: vscode.ExtensionContext, services: Services): void {
  const provider = new GradeLensProvider(services.grading, services);
  context.subscriptions.push(
    provider,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider),
    vscode.commands.registerCommand(REVEAL_FINDING, revealFinding),
  );
  registerRunPicker(context, services.grading);
  registerCandidatePicker(context);
}

class GradeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  private readonly log: Logger;

  constructor(
    private readonly service: GradingService,
    private readonly deps: Services,
  ) {
    this.log = deps.log;
    const refresh = () => this.changed.fire();
    this.subscriptions = [
      this.changed,
      service.onDidChange(refresh),
      onDidChangeActiveReview(refresh),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reviewGrader.lenses')) refresh();
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.deps.config().lensesEnabled) return [];
    const kind = this.service.kindOf(doc);
    if (kind === 'other') return [];
    const started = performance.now();
    try {
      return kind === 'key' ? await this.keyLenses(doc) : await this.reviewLenses(doc);
    } catch (e) {
      // a half-typed file must never break the editor: no lenses, and the reason in the output channel
      this.log.error(`CodeLens failed on ${vscode.workspace.asRelativePath(doc.uri)}`, e);
      return [];
    } finally {
      recordTiming('codeLens', performance.now() - started);
    }
  }

  private async keyLenses(keyDoc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const top = new vscode.Range(0, 0, 0, 0);
    const reviewDoc = await this.service.keys.activeReviewFor(keyDoc);
    const graded = reviewDoc && (await this.service.gradedOf(reviewDoc));
    if (!reviewDoc || !graded) {
      // the placeholder is the run picker: the way to get verdicts here
      return [
        new vscode.CodeLens(top, {
          title: vscode.l10n.t('Review Grader: pick a review run to see its verdicts…'),
          tooltip: vscode.l10n.t('List the runs of this round'),
          command: PICK_RUN,
          arguments: [keyDoc.uri],
        }),
      ];
    }
    const key = this.service.keyOf(keyDoc, graded.key.scenario?.id); // the key as edited (the scenario graded), for current line numbers
    const review = reviewDoc.uri.toString();
    const lenses: vscode.CodeLens[] = [
      new vscode.CodeLens(top, {
        title: vscode.l10n.t('Grading {0} — switch run…', basename(reviewDoc.uri.path)),
        tooltip: vscode.l10n.t(
          'The lenses below show the verdicts of {0}. Pick another run of the round.',
          vscode.workspace.asRelativePath(reviewDoc.uri),
        ),
        command: PICK_RUN,
        arguments: [keyDoc.uri],
      }),
    ];
    for (const problem of key.problems) {
      const grade = graded.problems.find((p) => p.id === problem.id);
      const range = lineRange(problem.headingSpan.start.line);
      if (!grade) {
        lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('not graded (key changed?)'), command: '' }));
        continue;
      }
      lenses.push(new vscode.CodeLens(range, verdictCommand(grade, graded, review)));
    }
    const counts = bonusCounts(graded);
    for (const row of key.bonus) {
      const i = graded.bonus.findIndex((b) => b.id === row.id);
      const found = graded.bonus[i];
      const range = lineRange(row.span.start.line);
      lenses.push(
        found
          ? new vscode.CodeLens(range, {
              title: vscode.l10n.t(
                'bonus · {0} ({1}) · {2}',
                findingName(found, graded, t),
                sourceName(found.source, t),
                bonusStatus(found, counts[i], graded, t),
              ),
              tooltip: vscode.l10n.t('{0} in this run', bonusSummary(graded.score, graded.score.rubric.bonusCap, t)),
              command: found.line ? REVEAL_FINDING : '',
              arguments: found.line ? [review, found.line] : undefined,
            })
          : new vscode.CodeLens(range, { title: vscode.l10n.t('bonus: not found'), command: '' }),
      );
    }
    return lenses;
  }

  private async reviewLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const graded = await this.service.gradedOf(doc);
    if (!graded) {
      // a review whose key cannot be found: say so once, and offer the way out
      return [
        new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
          title: vscode.l10n.t('Review Grader: no answer key found — pair with one…'),
          command: 'reviewGrader.pairWithKey',
          arguments: [doc.uri],
        }),
      ];
    }
    const uri = doc.uri.toString();
    const thresholds = this.service.matchThresholds(doc.uri);
    const lenses: vscode.CodeLens[] = [];
    for (const finding of graded.review.findings) {
      const range = lineRange(finding.headingSpan.start.line);
      const tagged = entriesOf(graded.review, finding.index);
      if (tagged.length) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('✓ {0} (tagged)', tagged.map((e) => entryText(e, t)).join(', ')),
            command: '',
          }),
        );
        continue;
      }
      const s = suggestionFor(graded, finding.index, thresholds);
      // version + heading, not a bare index: a click after an edit must find this finding again or refuse
      const ref = findingRef(uri, doc.version, finding);
      if (s)
        lenses.push(
          new vscode.CodeLens(range, {
            title: s.title,
            tooltip: vscode.l10n.t('Write this grading tag under the heading'),
            command: ACCEPT_SUGGESTION,
            arguments: [ref, s.entries],
          }),
        );
    }
    return lenses;
  }
}

export interface Suggestion {
  title: string;
  /** undefined: let the user choose (bonus or penalty) */
  entries?: TagEntry[];
}

/** What the matcher suggests for an untagged finding (the quick fix's preferred action), or undefined. */
export function suggestionFor(graded: GradedReview, findingIndex: number, thresholds: Thresholds): Suggestion | undefined {
  const best = candidatesFor(graded, findingIndex, thresholds).find((c) => c.verdict !== 'missed');
  if (best)
    return {
      title: vscode.l10n.t('→ {0} {1}?', best.id, verdictWord(best.verdict, t)),
      entries: [{ kind: 'problem', id: best.id, verdict: best.verdict }],
    };
  const bonus = graded.bonus.find((b) => b.findingIndex === findingIndex && b.source === 'auto' && b.id);
  if (bonus?.id) return { title: vscode.l10n.t('→ bonus {0}?', bonus.id), entries: [{ kind: 'bonus', id: bonus.id }] };
  const unmatched = graded.unmatched.find((u) => u.findingIndex === findingIndex);
  if (unmatched)
    return {
      title: unmatched.bonusCandidate
        ? vscode.l10n.t('unmatched: bonus {0}/penalty?', unmatched.bonusCandidate)
        : vscode.l10n.t('unmatched: bonus/penalty?'),
    };
  return undefined;
}

/** Opens the review beside the key and selects the finding's heading line. */
async function revealFinding(reviewUri: string, line: number): Promise<void> {
  const uri = vscode.Uri.parse(reviewUri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === reviewUri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const lineNo = Math.max(0, Math.min(line - 1, doc.lineCount - 1));
  const selection = doc.lineAt(lineNo).range;
  await vscode.window.showTextDocument(doc, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
    selection,
    preview: true,
  });
}

/** A problem's lens: its evidence, or the candidates where the verdict has no finding of its own. */
function verdictCommand(grade: ProblemGrade, graded: GradedReview, review: string): vscode.Command {
  const title = problemTitle(grade, graded, t);
  const b = backingOf(grade);
  if (b.kind === 'evidence') {
    return {
      title,
      tooltip: vscode.l10n.t('Show {0} in the review', findingFullName(b.evidence, graded, t)),
      command: REVEAL_FINDING,
      arguments: [review, b.evidence.line],
    };
  }
  if (b.candidates.length === 0) return { title, tooltip: vscode.l10n.t('No finding of the review relates to {0}', grade.id), command: '' };
  const what =
    b.kind === 'uncited'
      ? vscode.l10n.t("{0}; the matcher's candidates for {1}", uncitedText(b, t), grade.id)
      : vscode.l10n.t("the matcher's candidates for {0} ({1} {2})", grade.id, verdictWord(grade.verdict, t), sourceMarker(grade, t));
  return {
    title,
    tooltip: vscode.l10n.t('Show {0}', what),
    command: SHOW_CANDIDATES,
    arguments: [review, `${grade.id}: ${what}`, candidateItems(b.candidates, graded)],
  };
}

function lineRange(line1: number): vscode.Range {
  const line = Math.max(0, line1 - 1);
  return new vscode.Range(line, 0, line, 0);
}
