// Which finding an editor action was meant for. A lens or a quick fix is
// computed for one version of a review and may be clicked after the text
// changed; an index alone would then point at another finding (and overwrite
// its human tag). So the action carries the version and the heading, and the
// command re-finds the finding by its heading or refuses.
import type { Finding, Review } from '../model';
import { said, type SaidText } from '../i18n';

export interface FindingRef {
  /** the review document, as a URI string */
  uri: string;
  /** the document version the action was computed for */
  version: number;
  /** index in Review.findings at that version */
  index: number;
  /** the finding's heading text (Finding.heading) at that version */
  heading: string;
  /** 1-based heading line at that version, for messages */
  line: number;
}

export function findingRef(uri: string, version: number, finding: Finding): FindingRef {
  return { uri, version, index: finding.index, heading: finding.heading, line: finding.headingSpan.start.line };
}

export function isFindingRef(x: unknown): x is FindingRef {
  const r = x as Partial<FindingRef> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.uri === 'string' &&
    typeof r.version === 'number' &&
    typeof r.index === 'number' &&
    typeof r.heading === 'string' &&
    typeof r.line === 'number'
  );
}

export type Resolution =
  { ok: true; finding: Finding; /** the document changed since the ref was made */ stale: boolean } | ({ ok: false } & SaidText);

/**
 * The finding `ref` means in `review` (parsed from the document at `version`).
 * Same version: the finding at the index (its heading is checked). Another
 * version: the one finding with the same heading; none or several → refused.
 */
export function resolveFindingRef(review: Review, version: number, ref: FindingRef): Resolution {
  const heading = ref.heading.trim();
  if (version === ref.version) {
    const f = review.findings[ref.index];
    if (f && f.heading.trim() === heading) return { ok: true, finding: f, stale: false };
  }
  const same = review.findings.filter((f) => f.heading.trim() === heading);
  if (same.length === 1) return { ok: true, finding: same[0], stale: true };
  const what = said('"{0}" (line {1} when the action was offered)', clip(heading), ref.line);
  if (same.length === 0)
    return { ok: false, ...said('the review changed and the finding {0} is no longer there; nothing was written', what) };
  return {
    ok: false,
    ...said('the review changed and {0} findings are now headed {1}; nothing was written, to not tag the wrong one', same.length, what),
  };
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
