// Status bar: the active review's score "$(checklist) 6.5 = 6 + 0.5 − 0"
// while a review (or a key with an active review) is in front; hidden for
// any other file.
import * as vscode from 'vscode';
import type { GradedReview } from '../core/model';
import { basename } from '../core/naming';
import type { GradingService } from './gradingService';
import { onDidChangeActiveReview } from './service';
import { recordStatusBar } from './stats';
import type { Logger, Services } from './service';
import { bonusSummary, penaltySummary, scoreFormula, sourceWord } from './verdictText';
import { t } from './l10n';
import { detectionRuleText, fmt } from '../core/score';

export function registerStatusBar(context: vscode.ExtensionContext, deps: Services): void {
  const service = deps.grading;
  const item = vscode.window.createStatusBarItem('reviewGrader.score', vscode.StatusBarAlignment.Left, 100);
  item.name = vscode.l10n.t('Review Grader score');
  let generation = 0;
  const refresh = async () => {
    const mine = ++generation; // a slower earlier refresh must not overwrite a newer one
    const shown = await scoreOfActiveEditor(service, deps.log);
    if (mine !== generation) return;
    if (!shown) {
      item.hide();
      recordStatusBar(undefined);
      return;
    }
    item.text = `$(checklist) ${scoreFormula(shown.graded.score)}`;
    item.tooltip = tooltip(shown.graded, shown.reviewDoc, shown.graded.score.rubric.bonusCap);
    item.show();
    recordStatusBar(item.text);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    service.onDidChange(() => void refresh()),
    onDidChangeActiveReview(() => void refresh()),
  );
  void refresh();
}

async function scoreOfActiveEditor(
  service: GradingService,
  log: Logger,
): Promise<{ graded: GradedReview; reviewDoc: vscode.TextDocument } | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) return undefined;
  try {
    const kind = service.kindOf(doc);
    const reviewDoc = kind === 'review' ? doc : kind === 'key' ? await service.keys.activeReviewFor(doc) : undefined;
    const graded = reviewDoc && (await service.gradedOf(reviewDoc));
    return graded && reviewDoc ? { graded, reviewDoc } : undefined;
  } catch (e) {
    log.error('status bar', e);
    return undefined;
  }
}

function tooltip(g: GradedReview, reviewDoc: vscode.TextDocument, cap: number): vscode.MarkdownString {
  const s = g.score;
  const count = (v: string) => g.problems.filter((p) => p.verdict === v).length;
  const sources = (['tag', 'judge', 'auto'] as const)
    .map((src) => `${sourceWord(src, t)} ${g.problems.filter((p) => p.source === src).length}`)
    .join(', ');
  const disagreements = g.problems.filter((p) => p.disagreement).length;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**Review Grader** — ').appendText(basename(reviewDoc.uri.path));
  md.appendMarkdown('\n\n').appendText(
    vscode.l10n.t(
      'detection {0} (○ {1}, △ {2}, × {3} of {4})',
      fmt(s.detection),
      count('detected'),
      count('partial'),
      count('missed'),
      g.problems.length,
    ),
  );
  const rule = detectionRuleText(s);
  if (rule) md.appendMarkdown('\n\n').appendText(rule);
  md.appendMarkdown('\n\n').appendText(vscode.l10n.t('bonus {0}; penalty {1}', bonusSummary(s, cap, t), penaltySummary(s, t)));
  md.appendMarkdown('\n\n').appendText(
    disagreements
      ? vscode.l10n.t('verdicts from {0}; {1} disagreement(s)', sources, disagreements)
      : vscode.l10n.t('verdicts from {0}', sources),
  );
  if (g.keyPath) md.appendMarkdown('\n\n').appendText(vscode.l10n.t('key: {0}', g.keyPath));
  return md;
}
