// The tag entries of one finding, and the entries it should carry after one
// problem's verdict is set. Shared by the lenses, the quick fixes, the
// commands and the core writer, so "what a finding is tagged with" has one answer.
import type { Review, TagEntry, Verdict } from '../model';
import { setTagEntry } from './syntax';

/** The entries currently tagged on a finding (all of its tags together), or on the whole review. */
export function entriesOf(review: Review, target: number | 'review'): TagEntry[] {
  const mine = (findingIndex: number | undefined) => (target === 'review' ? findingIndex === undefined : findingIndex === target);
  return review.tags.filter((t) => mine(t.findingIndex)).flatMap((t) => t.entries);
}

/** The entries a finding should carry after setting one problem's verdict: other problems kept, bonus/penalty dropped. */
export function withProblem(current: readonly TagEntry[], id: string, verdict: Verdict): TagEntry[] {
  // keeps the entries' order, so setting a verdict the tag already has writes nothing
  return setTagEntry(
    current.filter((e) => e.kind === 'problem'),
    { kind: 'problem', id, verdict },
  );
}
