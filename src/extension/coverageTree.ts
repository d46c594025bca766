// The Coverage view: for the review being graded, its score, every problem
// with its verdict and source (disagreements flagged) and the finding behind
// it (for a judge verdict the one its report cites; otherwise the matcher's
// findings, shown as candidates), the bonus rows (which count toward the cap),
// the unmatched findings, and the variant's runs with mean, SD and stability.
// It follows the review being graded: the review in front, or, while a key is
// in front, the run the key's lenses show, else the last review shown.
// Labels stay short for the default sidebar width; details go to the
// description and the tooltip. Read from the GradingService's cached models.
import * as vscode from 'vscode';
import type { GradedReview, ProblemGrade, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { detectionRuleText, fmt, summarizeVariant } from '../core/score';
import { GENERIC_NOTE } from '../core/answerKey/generic';
import type { Services } from './service';
import type { GradingService } from './gradingService';
import { onDidChangeActiveReview } from './service';
import {
  backingOf,
  bonusCounts,
  bonusStatus,
  bonusSummary,
  disagreementText,
  findingFullName,
  num,
  penaltySummary,
  scoreFormula,
  uncitedText,
} from './verdictText';
import { siblingRuns } from './runs';
import { PICK_RUN } from './runPicker';

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
  /** what a click does, where it is not revealing a line */
  command?: vscode.Command;
  children?: Node[];
  expanded?: boolean;
}

const ICON: Record<Verdict, vscode.ThemeIcon> = {
  detected: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  partial: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('testing.iconQueued')),
  missed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
};

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
        title: 'Reveal finding',
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
      const shown = await this.service.activeReviewFor(doc);
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
            label: 'No run shown for this key',
            description: 'pick a run…',
            command: { title: 'Pick a run', command: PICK_RUN, arguments: [active.uri] },
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
            label: 'No answer key for this review',
            description: 'Pair with Answer Key…',
            tooltip: 'Run "Review Grader: Pair with Answer Key…"',
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
        run.uri.toString() === doc.uri.toString() ? graded : await this.service.gradedOf(await vscode.workspace.openTextDocument(run.uri));
      if (!g) continue;
      scores.push(g.score.total);
      const path = vscode.workspace.asRelativePath(run.uri);
      children.push({
        label: `Run ${run.run ?? '?'}: ${fmt(g.score.total)}`,
        description: path,
        tooltip: `${path}\n${scoreFormula(g.score)}`,
      });
    }
    const s = summarizeVariant(runs[0].variant, scores);
    return {
      label: `Runs: mean ${fmt(s.mean)}`,
      description: `SD ${fmt(s.sd)} · ${s.stability}`,
      tooltip: `Runs of ${runs[0].variant}: mean ${fmt(s.mean)}, SD ${fmt(s.sd)}, stability ${s.stability}`,
      children,
      expanded: true,
    };
  }
}

/** The key's own detection rule and the generic-criteria note, when they apply (a classic key shows neither). */
function ruleNodes(g: GradedReview): Node[] {
  const out: Node[] = [];
  const rule = detectionRuleText(g.score);
  if (rule)
    out.push({
      label: "Detection by the key's rule",
      description: g.score.detectionRule,
      tooltip: rule,
      icon: new vscode.ThemeIcon('law'),
    });
  if (g.key.genericCriteria)
    out.push({
      label: 'Generic ○/△/× criteria',
      description: 'the key states none per item',
      tooltip: GENERIC_NOTE[g.key.language],
      icon: new vscode.ThemeIcon('info'),
    });
  return out;
}

function scoreNode(g: GradedReview, doc: vscode.TextDocument, cap: number): Node {
  const s = g.score;
  return {
    label: `Score ${fmt(s.total)}`,
    description: `${fmt(s.detection)} + ${fmt(s.bonus)} − ${fmt(s.penalty)}`,
    tooltip: [
      `${vscode.workspace.asRelativePath(doc.uri)}: ${fmt(s.total)} = detection ${fmt(s.detection)} + bonus ${fmt(s.bonus)} − penalty ${fmt(s.penalty)}`,
      `bonus ${bonusSummary(s, cap)}; penalty ${penaltySummary(s)}`,
      `key: ${g.keyPath ?? '?'}`,
      ...(s.detectionRule ? [detectionRuleText(s)!] : []),
    ].join('\n'),
    icon: new vscode.ThemeIcon('graph'),
  };
}

function problemNode(p: ProblemGrade, g: GradedReview): Node {
  const source = p.source === 'auto' ? `auto ${p.confidence.toFixed(2)}` : p.source;
  const flag = disagreementText(p);
  const b = backingOf(p);
  const children: Node[] = [];
  let backing: string;
  if (b.kind === 'evidence') {
    const name = findingFullName(b.evidence, g);
    backing = `${p.source === 'judge' ? 'the judge cites' : p.source === 'tag' ? 'tagged on' : 'best match'} ${name}`;
    children.push({
      label: name,
      description: p.source === 'auto' ? `match ${num(b.evidence.score)}` : p.source === 'judge' ? 'cited by the judge' : 'tagged',
      tooltip: b.evidence.excerpt,
      line: b.evidence.line,
    });
  } else {
    backing =
      b.kind === 'uncited' ? uncitedText(b) : b.candidates.length ? 'no evidence; matcher candidates below' : 'no finding relates to it';
    if (b.kind === 'uncited')
      children.push({ label: uncitedText(b), description: "candidates below are the matcher's", icon: new vscode.ThemeIcon('info') });
  }
  const shown = new Set(children.map((c) => c.line));
  for (const e of p.evidence) {
    if (shown.has(e.line)) continue;
    children.push({
      label: findingFullName(e, g),
      description: `${e.fromTag ? 'tagged' : 'candidate'} · match ${num(e.score)}`,
      tooltip: e.excerpt,
      line: e.line,
    });
  }
  return {
    label: `${p.id} ${MARK[p.verdict]} ${p.title}`,
    description: flag ? `${source} ⚠` : source,
    tooltip: [`${p.id}: ${p.title}`, `${p.verdict} (${source})${flag ? ` ${flag}` : ''}`, backing].join('\n'),
    icon: p.disagreement ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : ICON[p.verdict],
    children,
  };
}

function bonusNode(g: GradedReview, cap: number): Node {
  const counts = bonusCounts(g);
  const children: Node[] = g.bonus.map((b, i) => ({
    label: `${b.id ?? 'bonus'} ${findingFullName(b, g)}`,
    description: `${bonusStatus(b, counts[i], g)} · ${b.source}`,
    tooltip: `${b.text}\n${bonusStatus(b, counts[i], g)} (${b.source})`,
    icon: new vscode.ThemeIcon(counts[i] ? 'star-full' : 'star-empty'),
    line: b.line,
  }));
  // no spread: one penalty per finding can be 100 000s
  for (const p of g.penalties)
    children.push({
      label: `penalty ${findingFullName(p, g)}`,
      description: p.source,
      tooltip: `${p.reason || 'penalty'} (${p.source})`,
      line: p.line,
    });
  const s = g.score;
  const from = g.extrasSource === 'tag' ? 'tagged' : g.extrasSource;
  return {
    label: `Bonus +${num(s.bonus)} · Penalty −${num(s.penalty)}`,
    description: `${Math.min(s.bonusCount, cap)}/${s.bonusCount} counted · ${from}`,
    tooltip: `bonus ${bonusSummary(s, cap)}\npenalty ${penaltySummary(s)}\ncounts from: ${from}`,
    icon: new vscode.ThemeIcon('star-empty'),
    children,
    expanded: true,
  };
}

function unmatchedNode(g: GradedReview): Node | undefined {
  if (g.unmatched.length === 0) return undefined;
  return {
    label: `Unmatched (${g.unmatched.length})`,
    description: 'bonus or penalty?',
    tooltip: 'Findings that match no problem of the key: bonus or penalty candidates',
    icon: new vscode.ThemeIcon('question'),
    children: g.unmatched.map((u) => ({
      label: findingFullName(u, g),
      description: u.bonusCandidate ? `bonus ${u.bonusCandidate}?` : 'bonus/penalty?',
      line: u.line,
    })),
  };
}

interface PlainNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  line?: number;
  children?: PlainNode[];
}

function plain(nodes: Node[]): PlainNode[] {
  return nodes.map((n) => ({
    label: n.label,
    description: n.description,
    tooltip: n.tooltip,
    icon: n.icon?.id,
    line: n.line,
    children: n.children && plain(n.children),
  }));
}
