// The Coverage view: for the review in front, its score, every problem with
// its verdict and source (disagreements flagged) and evidence findings, the
// bonus rows, the unmatched findings, and the variant's runs with mean, SD and
// stability. Read from the GradingService's cached graded models.
import * as vscode from 'vscode';
import type { GradedReview, ProblemGrade, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { fmt, summarizeVariant } from '../core/score';
import type { GradingService } from './gradingService';
import { sharedGradingService } from './service';
import { disagreementText, evidenceName } from './verdictText';
import { siblingRuns } from './runs';

export const COVERAGE_VIEW = 'reviewGrader.coverage';
/** Internal: the rendered tree as plain data, for tests. */
export const COVERAGE_ITEMS = 'reviewGrader._coverageItems';

export interface Node {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: vscode.ThemeIcon;
  /** 1-based line in the review to reveal on click */
  line?: number;
  children?: Node[];
  expanded?: boolean;
}

const ICON: Record<Verdict, vscode.ThemeIcon> = {
  detected: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('testing.iconQueued')),
  missed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
};

export function registerCoverageTree(context: vscode.ExtensionContext): void {
  const provider = new CoverageTreeProvider(sharedGradingService(context));
  context.subscriptions.push(
    provider,
    vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(COVERAGE_ITEMS, async (uri?: vscode.Uri) => plain(await provider.build(uri))),
  );
}

export class CoverageTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** the review the tree shows: the last review editor in front */
  private review: vscode.Uri | undefined;

  constructor(private readonly service: GradingService) {
    const refresh = () => this.changed.fire();
    this.subscriptions = [
      this.changed,
      service.onDidChange(refresh),
      vscode.window.onDidChangeActiveTextEditor(refresh),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const state = node.children?.length
      ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = node.icon;
    if (node.line !== undefined && this.review) {
      const line = Math.max(0, node.line - 1);
      item.command = { title: 'Reveal finding', command: 'vscode.open', arguments: [this.review, { selection: new vscode.Range(line, 0, line, 0) }] };
    }
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    return node ? node.children ?? [] : this.build();
  }

  /** The whole tree for a review (default: the active review editor, else the last one shown). */
  async build(uri?: vscode.Uri): Promise<Node[]> {
    const editor = vscode.window.activeTextEditor;
    if (uri) this.review = uri;
    else if (editor && this.service.kindOf(editor.document) === 'review') this.review = editor.document.uri;
    if (!this.review) return []; // the view's welcome text explains what to do
    const doc = await vscode.workspace.openTextDocument(this.review);
    const graded = await this.service.gradedOf(doc);
    if (!graded) return [{ label: 'No answer key for this review', description: 'Review Grader: Pair with Answer Key…' }];
    return [scoreNode(graded), ...graded.problems.map(problemNode), bonusNode(graded), unmatchedNode(graded), await this.runsNode(doc, graded)]
      .filter((n): n is Node => n !== undefined);
  }

  private async runsNode(doc: vscode.TextDocument, graded: GradedReview): Promise<Node | undefined> {
    const runs = await siblingRuns(doc.uri);
    if (runs.length === 0) return undefined;
    const children: Node[] = [];
    const scores: number[] = [];
    for (const run of runs) {
      const g = run.uri.toString() === doc.uri.toString() ? graded : await this.service.gradedOf(await vscode.workspace.openTextDocument(run.uri));
      if (!g) continue;
      scores.push(g.score.total);
      children.push({ label: `Run ${run.run ?? '?'}: ${fmt(g.score.total)}`, description: vscode.workspace.asRelativePath(run.uri) });
    }
    const s = summarizeVariant(runs[0].variant, scores);
    return { label: `Runs of ${runs[0].variant}`, description: `mean ${fmt(s.mean)}, SD ${fmt(s.sd)}, stability ${s.stability}`, children, expanded: true };
  }
}

function scoreNode(g: GradedReview): Node {
  const s = g.score;
  return {
    label: `${fmt(s.total)} = detection ${fmt(s.detection)} + bonus ${fmt(s.bonus)} − penalty ${fmt(s.penalty)}`,
    tooltip: `key: ${g.keyPath ?? '?'}`,
    icon: new vscode.ThemeIcon('graph'),
  };
}

function problemNode(p: ProblemGrade): Node {
  const source = p.source === 'auto' ? `auto ${p.confidence.toFixed(2)}` : p.source;
  const flag = disagreementText(p);
  return {
    label: `${p.id} ${MARK[p.verdict]} ${p.title}`,
    description: flag ? `${source} ⚠ ${flag}` : source,
    tooltip: `${p.id}: ${p.verdict} (${source})${flag ? `\n${flag}` : ''}`,
    icon: p.disagreement ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : ICON[p.verdict],
    children: p.evidence.map((e) => ({ label: `${evidenceName(e)} · ${fmt(e.score)}`, description: e.excerpt, tooltip: e.excerpt, line: e.line })),
  };
}

function bonusNode(g: GradedReview): Node {
  const children: Node[] = g.bonus.map((b) => ({ label: `${b.id ?? 'bonus'} ${evidenceName(b)}`, description: `${b.source} — ${b.text}`, line: b.line }));
  for (const p of g.penalties) children.push({ label: `penalty ${evidenceName(p)}`, description: `${p.source} — ${p.reason}`, line: p.line }); // no spread: one penalty per finding can be 100 000s
  return { label: `Bonus ${g.score.bonusCount} · Penalty ${g.score.penaltyCount} (${g.extrasSource === 'tag' ? 'tagged' : g.extrasSource})`, icon: new vscode.ThemeIcon('star-empty'), children, expanded: true };
}

function unmatchedNode(g: GradedReview): Node | undefined {
  if (g.unmatched.length === 0) return undefined;
  return {
    label: `Unmatched findings (${g.unmatched.length})`,
    description: 'bonus or penalty candidates',
    icon: new vscode.ThemeIcon('question'),
    children: g.unmatched.map((u) => ({ label: `${evidenceName(u)} ${u.title}`, description: u.bonusCandidate ? `bonus ${u.bonusCandidate}?` : 'bonus/penalty?', line: u.line })),
  };
}

interface PlainNode { label: string; description?: string; icon?: string; line?: number; children?: PlainNode[] }

function plain(nodes: Node[]): PlainNode[] {
  return nodes.map((n) => ({ label: n.label, description: n.description, icon: n.icon?.id, line: n.line, children: n.children && plain(n.children) }));
}
