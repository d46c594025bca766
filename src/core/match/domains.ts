// Ambiguous concepts (vocabulary.ts: AMBIGUOUS_SECURITY, AMBIGUOUS_OTHER) stand
// for their concept in a key only where the key's domain supports it: in a
// key about the concept's section, or in a problem that itself names an
// unambiguous concept of that section. "Memory leak in the worker" in a
// performance key is not the security concept data-leak; "naming is not
// consistent with the existing API" is not data consistency; but "session
// tokens leak into logs" in any key is.
import type { FeatureBag } from './weights';
import { conceptSections, isAmbiguous } from './vocabulary';

/**
 * A key is about a section when at least this share of its problems name an
 * unambiguous concept of it: a key plants problems of its perspective
 * throughout, and touches another perspective in one or two problems at most.
 */
const ABOUT_SHARE = 0.5;

let sections: Map<string, string> | undefined;

/** The unambiguous sections a problem's fields name. */
function sectionsNamed(fields: FeatureBag[]): Set<string> {
  sections ??= conceptSections();
  const out = new Set<string>();
  for (const bag of fields)
    for (const f of bag.keys()) {
      if (!f.startsWith('c:') || isAmbiguous(f.slice(2))) continue;
      const section = sections.get(f.slice(2));
      if (section) out.add(section);
    }
  return out;
}

/** Drop, in place, the ambiguous concepts each problem's domain does not support (problems: the bags of each problem's fields). */
export function dropOffDomain(problems: FeatureBag[][]): void {
  sections ??= conceptSections();
  const named = problems.map(sectionsNamed);
  const count = new Map<string, number>();
  for (const set of named) for (const s of set) count.set(s, (count.get(s) ?? 0) + 1);
  const about = (s: string) => (count.get(s) ?? 0) >= problems.length * ABOUT_SHARE;
  problems.forEach((fields, i) => {
    for (const bag of fields)
      for (const f of [...bag.keys()]) {
        if (!f.startsWith('c:') || !isAmbiguous(f.slice(2))) continue;
        const section = sections!.get(f.slice(2)) ?? '';
        if (!about(section) && !named[i].has(section)) bag.delete(f);
      }
  });
}
