// The Coverage view: for the review being graded, its score, every problem
// with its verdict and source (disagreements flagged) and the finding behind
// it (for a judge verdict the one its report cites; otherwise the matcher's
// findings, shown as candidates), the bonus rows (which count toward the cap),
// the unmatched findings, and the variant's runs with mean, SD and stability.
// It follows the review being graded: the review in front, or, while a key is
// in front, the run the key's lenses show, else the last review shown.
// Labels stay short for the default sidebar width; details go to the
// description and the tooltip. Read from the GradingService's cached models;
// the nodes themselves are built in coverageNodes.ts.
import * as vscode from 'vscode';
import type { GradedReview } from '../core/model';
import { fmt, summarizeVariant } from '../core/score';
import type { Services } from './service';
import type { GradingService } from './gradingService';
import { onDidChangeActiveReview } from './service';
import { scoreFormula, stabilityWord } from './verdictText';
import { t } from './l10n';
import { bonusNode, plain, problemNode, ruleNodes, scoreNode, unmatchedNode, type Node } from './coverageNodes';
import { siblingRuns } from './runs';
import { PICK_RUN } from './runPicker';

export type { Node } from './coverageNodes';

export const COVERAGE_VIEW = 'reviewGrader.coverage';
/** Internal: the rendered tree as plain data, for tests. */
export const COVERAGE_ITEMS = 'reviewGrader._coverageItems';

export function registerCoverageTree(context: vscode.ExtensionContext, deps: Services): void {
  const provider = new CoverageTreeProvider(deps.grading, deps);
  context.subscriptions.push(
    provider,
    vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: provider, showCollapseAll: true }),
    // uri given: that review; none: the one the view would show now
    vscode.commands.registerCommand(COVERAGE_ITEMS, async (uri?: vscode.Uri) => plain(await provider.build(uri))),
  );
}

export class CoverageTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** the last review editor in front, remembered even while the view is hidden */
  private lastReview: vscode.Uri | undefined;
  /** the review the tree shows (click targets) */
  private review: vscode.Uri | undefined;

  constructor(
    private readonly service: GradingService,
    private readonly deps: Services,
  ) {
    const refresh = () => this.changed.fire();
    const note = (editor: vscode.TextEditor | undefined) => {
      if (editor && service.kindOf(editor.document) === 'review') this.lastReview = editor.document.uri;
    };
    this.subscriptions = [
      this.changed,
      service.onDidChange(refresh),
      onDidChangeActiveReview(refresh),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        note(e);
        refresh();
      }),
    ];
    note(vscode.window.activeTextEditor);
    if (!this.lastReview) vscode.window.visibleTextEditors.forEach(note);
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const state = node.children?.length
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = node.icon;
    if (node.command) item.command = node.command;
    else if (node.line !== undefined && this.review) {
      const line = Math.max(0, node.line - 1);
      item.command = {
        title: vscode.l10n.t('Reveal finding'),
        command: 'vscode.open',
        arguments: [this.review, { selection: new vscode.Range(line, 0, line, 0) }],
      };
    }
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    return node ? (node.children ?? []) : this.build();
  }

  /** The review being graded: the review in front; with a key in front, the run its lenses show; else the last review shown. */
  async reviewShown(): Promise<vscode.Uri | undefined> {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = doc && this.service.kindOf(doc);
    if (doc && kind === 'review') return doc.uri;
    if (doc && kind === 'key') {
      const shown = await this.service.keys.activeReviewFor(doc);
      if (shown) return shown.uri;
    }
    return this.lastReview;
  }

  /** The whole tree for a review (default: the review being graded). */
  async build(uri?: vscode.Uri): Promise<Node[]> {
    try {
      this.review = uri ?? (await this.reviewShown());
      const active = vscode.window.activeTextEditor?.document;
      if (!this.review && active && this.service.kindOf(active) === 'key') {
        return [
          {
            label: vscode.l10n.t('No run shown for this key'),
            description: vscode.l10n.t('pick a run…'),
            command: { title: vscode.l10n.t('Pick a run'), command: PICK_RUN, arguments: [active.uri] },
            icon: new vscode.ThemeIcon('list-selection'),
          },
        ];
      }
      if (!this.review) return []; // the view's welcome text explains what to do
      const doc = await vscode.workspace.openTextDocument(this.review);
      const graded = await this.service.gradedOf(doc);
      if (!graded)
        return [
          {
            label: vscode.l10n.t('No answer key for this review'),
            description: vscode.l10n.t('Pair with Answer Key…'),
            tooltip: vscode.l10n.t('Run "Review Grader: Pair with Answer Key…"'),
          },
        ];
      const cap = graded.score.rubric.bonusCap; // the cap it was scored with (a project file may set it)
      return [
        scoreNode(graded, doc, cap),
        ...ruleNodes(graded),
        ...graded.problems.map((p) => problemNode(p, graded)),
        bonusNode(graded, cap),
        unmatchedNode(graded),
        await this.runsNode(doc, graded),
      ].filter((n): n is Node => n !== undefined);
    } catch (e) {
      this.deps.log.error('Coverage view', e);
      return [];
    }
  }

  private async runsNode(doc: vscode.TextDocument, graded: GradedReview): Promise<Node | undefined> {
    const runs = await siblingRuns(doc.uri);
    if (runs.length === 0) return undefined;
    const children: Node[] = [];
    const scores: number[] = [];
    for (const run of runs) {
      const g =
        run.uri.toString() === doc.uri.toString()
          ? graded
          : await this.service.gradedOf(await vscode.workspace.openTextDocument(run.uri), { background: true });
      if (!g) continue;
      scores.push(g.score.total);
      const path = vscode.workspace.asRelativePath(run.uri);
      children.push({
        label: vscode.l10n.t('Run {0}: {1}', run.run ?? '?', fmt(g.score.total)),
        description: path,
        tooltip: `${path}\n${scoreFormula(g.score)}`,
      });
    }
    // the stability word by the review's project file, the settings it is graded with
    const { config } = await this.service.settingsWithProject(doc.uri, false, this.deps.config());
    const s = summarizeVariant(runs[0].variant, scores, config.roundRule);
    return {
      label: vscode.l10n.t('Runs: mean {0}', fmt(s.mean)),
      description: vscode.l10n.t('SD {0} · {1}', fmt(s.sd), stabilityWord(s.stability, t)),
      tooltip: vscode.l10n.t(
        'Runs of {0}: mean {1}, SD {2}, stability {3}',
        runs[0].variant,
        fmt(s.mean),
        fmt(s.sd),
        stabilityWord(s.stability, t),
      ),
      children,
      expanded: true,
    };
  }
}
