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
  sourceName,
  sourceWithConfidence,
  sourceWord,
  uncitedText,
} from './verdictText';
import { t } from './l10n';
import { verdictWord } from '../core/i18n';

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
      label: vscode.l10n.t("Detection by the key's rule"),
      description: g.score.detectionRule,
      tooltip: rule,
      icon: new vscode.ThemeIcon('law'),
    });
  if (g.key.genericCriteria)
    out.push({
      label: vscode.l10n.t('Generic ○/△/× criteria'),
      description: vscode.l10n.t('the key states none per item'),
      tooltip: GENERIC_NOTE[g.key.language],
      icon: new vscode.ThemeIcon('info'),
    });
  return out;
}

export function scoreNode(g: GradedReview, doc: vscode.TextDocument, cap: number): Node {
  const s = g.score;
  return {
    label: vscode.l10n.t('Score {0}', fmt(s.total)),
    description: `${fmt(s.detection)} + ${fmt(s.bonus)} − ${fmt(s.penalty)}`,
    tooltip: [
      vscode.l10n.t(
        '{0}: {1} = detection {2} + bonus {3} − penalty {4}',
        vscode.workspace.asRelativePath(doc.uri),
        fmt(s.total),
        fmt(s.detection),
        fmt(s.bonus),
        fmt(s.penalty),
      ),
      vscode.l10n.t('bonus {0}; penalty {1}', bonusSummary(s, cap, t), penaltySummary(s, t)),
      vscode.l10n.t('key: {0}', g.keyPath ?? '?'),
      ...(s.detectionRule ? [detectionRuleText(s)!] : []),
    ].join('\n'),
    icon: new vscode.ThemeIcon('graph'),
  };
}

export function problemNode(p: ProblemGrade, g: GradedReview): Node {
  const source = sourceWithConfidence(p, t);
  const flag = disagreementText(p, t);
  const b = backingOf(p);
  const children: Node[] = [];
  let backing: string;
  if (b.kind === 'evidence') {
    const name = findingFullName(b.evidence, g, t);
    backing =
      p.source === 'judge'
        ? vscode.l10n.t('the judge cites {0}', name)
        : p.source === 'tag'
          ? vscode.l10n.t('tagged on {0}', name)
          : vscode.l10n.t('best match {0}', name);
    children.push({
      label: name,
      description:
        p.source === 'auto'
          ? vscode.l10n.t('match {0}', fmt(b.evidence.score))
          : p.source === 'judge'
            ? vscode.l10n.t('cited by the judge')
            : vscode.l10n.t('tagged'),
      tooltip: b.evidence.excerpt,
      line: b.evidence.line,
    });
  } else {
    backing =
      b.kind === 'uncited'
        ? uncitedText(b, t)
        : b.candidates.length
          ? vscode.l10n.t('no evidence; matcher candidates below')
          : vscode.l10n.t('no finding relates to it');
    if (b.kind === 'uncited')
      children.push({
        label: uncitedText(b, t),
        description: vscode.l10n.t("candidates below are the matcher's"),
        icon: new vscode.ThemeIcon('info'),
      });
  }
  const shown = new Set(children.map((c) => c.line));
  for (const e of p.evidence) {
    if (shown.has(e.line)) continue;
    children.push({
      label: findingFullName(e, g, t),
      description: e.fromTag ? vscode.l10n.t('tagged · match {0}', fmt(e.score)) : vscode.l10n.t('candidate · match {0}', fmt(e.score)),
      tooltip: e.excerpt,
      line: e.line,
    });
  }
  return {
    label: `${p.id} ${MARK[p.verdict]} ${p.title}`,
    description: flag ? `${source} ⚠` : source,
    tooltip: [`${p.id}: ${p.title}`, `${verdictWord(p.verdict, t)} (${source})${flag ? ` ${flag}` : ''}`, backing].join('\n'),
    icon: p.disagreement ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : ICON[p.verdict],
    children,
  };
}

export function bonusNode(g: GradedReview, cap: number): Node {
  const counts = bonusCounts(g);
  const children: Node[] = g.bonus.map((b, i) => ({
    label: `${b.id ?? vscode.l10n.t('bonus')} ${findingFullName(b, g, t)}`,
    description: `${bonusStatus(b, counts[i], g, t)} · ${sourceWord(b.source, t)}`,
    tooltip: `${b.text}\n${bonusStatus(b, counts[i], g, t)} (${sourceWord(b.source, t)})`,
    icon: new vscode.ThemeIcon(counts[i] ? 'star-full' : 'star-empty'),
    line: b.line,
  }));
  // no spread: one penalty per finding can be 100 000s
  for (const p of g.penalties)
    children.push({
      label: vscode.l10n.t('penalty {0}', findingFullName(p, g, t)),
      description: sourceWord(p.source, t),
      tooltip: `${p.reason || vscode.l10n.t('penalty')} (${sourceWord(p.source, t)})`,
      line: p.line,
    });
  const s = g.score;
  const from = sourceName(g.extrasSource, t);
  return {
    label: vscode.l10n.t('Bonus +{0} · Penalty −{1}', fmt(s.bonus), fmt(s.penalty)),
    description: vscode.l10n.t('{0}/{1} counted · {2}', Math.min(s.bonusCount, cap), s.bonusCount, from),
    tooltip: vscode.l10n.t('bonus {0}\npenalty {1}\ncounts from: {2}', bonusSummary(s, cap, t), penaltySummary(s, t), from),
    icon: new vscode.ThemeIcon('star-empty'),
    children,
    expanded: true,
  };
}

export function unmatchedNode(g: GradedReview): Node | undefined {
  if (g.unmatched.length === 0) return undefined;
  return {
    label: vscode.l10n.t('Unmatched ({0})', g.unmatched.length),
    description: vscode.l10n.t('bonus or penalty?'),
    tooltip: vscode.l10n.t('Findings that match no problem of the key: bonus or penalty candidates'),
    icon: new vscode.ThemeIcon('question'),
    children: g.unmatched.map((u) => ({
      label: findingFullName(u, g, t),
      description: u.bonusCandidate ? vscode.l10n.t('bonus {0}?', u.bonusCandidate) : vscode.l10n.t('bonus/penalty?'),
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
