// The Coverage view's nodes as plain data, built from one graded review: its
// score, the key's rule, each problem with its verdict and backing, the bonus
// rows and penalties, the unmatched findings. Apart from coverageTree.ts (the
// provider: which review, refresh, clicks) so the builders stay small and
// readable without the view's plumbing.
import * as vscode from 'vscode';
import type { GradedReview, ProblemGrade, Verdict } from '../core/model';
import { MARK } from '../core/model';
import { detectionRuleText, fmt } from '../core/score';
import { GENERIC_NOTE } from '../core/answerKey/generic';
import {
  backingOf,
  bonusCounts,
  bonusStatus,
  bonusSummary,
  disagreementText,
  findingFullName,
  penaltySummary,
  uncitedText,
} from './verdictText';

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

/** The key's own detection rule and the generic-criteria note, when they apply (a classic key shows neither). */
export function ruleNodes(g: GradedReview): Node[] {
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

export function scoreNode(g: GradedReview, doc: vscode.TextDocument, cap: number): Node {
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

export function problemNode(p: ProblemGrade, g: GradedReview): Node {
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
      description: p.source === 'auto' ? `match ${fmt(b.evidence.score)}` : p.source === 'judge' ? 'cited by the judge' : 'tagged',
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
      description: `${e.fromTag ? 'tagged' : 'candidate'} · match ${fmt(e.score)}`,
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

export function bonusNode(g: GradedReview, cap: number): Node {
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
    label: `Bonus +${fmt(s.bonus)} · Penalty −${fmt(s.penalty)}`,
    description: `${Math.min(s.bonusCount, cap)}/${s.bonusCount} counted · ${from}`,
    tooltip: `bonus ${bonusSummary(s, cap)}\npenalty ${penaltySummary(s)}\ncounts from: ${from}`,
    icon: new vscode.ThemeIcon('star-empty'),
    children,
    expanded: true,
  };
}

export function unmatchedNode(g: GradedReview): Node | undefined {
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

/** A node as plain data (an icon by its id), for the tree's internal test command. */
export interface PlainNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  line?: number;
  children?: PlainNode[];
}

export function plain(nodes: Node[]): PlainNode[] {
  return nodes.map((n) => ({
    label: n.label,
    description: n.description,
    tooltip: n.tooltip,
    icon: n.icon?.id,
    line: n.line,
    children: n.children && plain(n.children),
  }));
}
