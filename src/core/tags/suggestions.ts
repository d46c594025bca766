// What the matcher suggests writing into a review's tags: the candidate
// problems of one finding, and the plan of "Accept All", which only takes
// suggestions no other source (the judge's report) disputes.
import type { GradedReview, TagEntry, Verdict } from '../model';
import { verdictFor, type Thresholds } from '../match/verdict';

export interface Candidate {
  id: string;
  title: string;
  verdict: Verdict;
  score: number;
}

/** Problems whose evidence includes this finding, best score first, with the verdict the score suggests. */
export function candidatesFor(graded: GradedReview, findingIndex: number, t: Thresholds): Candidate[] {
  const out: Candidate[] = [];
  for (const p of graded.problems) {
    const e = p.evidence.find((x) => x.findingIndex === findingIndex);
    if (!e) continue;
    // the problem's own best finding carries the matcher's verdict; others are judged on their own score
    const top = p.source !== 'tag' && p.evidence[0]?.findingIndex === findingIndex;
    const verdict = top ? p.auto.verdict : verdictFor(e.score, t);
    out.push({ id: p.id, title: p.title, verdict, score: e.score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** A ○ suggestion another source disagrees with. */
export interface DisputedSuggestion {
  findingIndex: number;
  /** the finding's label ('C3') or heading, for the message */
  finding: string;
  id: string;
  /** what the judge's report says for this problem */
  judge: Verdict;
}

export interface AcceptAllPlan {
  /** finding index → the ○ problem entries to write there; nobody disputes them */
  undisputed: Map<number, TagEntry[]>;
  /** suggestions the judge's report contradicts: written only when the user says so */
  disputed: DisputedSuggestion[];
}

/**
 * Every untagged finding's ○ suggestions (the problems it is the best detected
 * match for). Findings a human tagged, and problems a human tagged anywhere,
 * are left alone; a suggestion the judge rated △ or × is set apart as disputed.
 */
export function acceptAllPlan(graded: GradedReview): AcceptAllPlan {
  const tagged = new Set(graded.review.tags.flatMap((t) => (t.findingIndex === undefined ? [] : [t.findingIndex])));
  const undisputed = new Map<number, TagEntry[]>();
  const disputed: DisputedSuggestion[] = [];
  for (const p of graded.problems) {
    const top = p.evidence[0];
    if (p.tag || p.auto.verdict !== 'detected' || !top || tagged.has(top.findingIndex)) continue;
    if (p.judge !== undefined && p.judge !== 'detected') {
      const f = graded.review.findings[top.findingIndex];
      disputed.push({
        findingIndex: top.findingIndex,
        finding: f?.label ?? f?.heading ?? `finding ${top.findingIndex + 1}`,
        id: p.id,
        judge: p.judge,
      });
      continue;
    }
    add(undisputed, top.findingIndex, { kind: 'problem', id: p.id, verdict: 'detected' });
  }
  return { undisputed, disputed };
}

/** The plan with the disputed suggestions included (the user chose to overrule the judge). */
export function withDisputed(plan: AcceptAllPlan): Map<number, TagEntry[]> {
  const all = new Map([...plan.undisputed].map(([i, e]) => [i, [...e]] as [number, TagEntry[]]));
  for (const d of plan.disputed) add(all, d.findingIndex, { kind: 'problem', id: d.id, verdict: 'detected' });
  return all;
}

function add(plan: Map<number, TagEntry[]>, index: number, entry: TagEntry): void {
  const list = plan.get(index);
  if (list) list.push(entry);
  else plan.set(index, [entry]);
}
