// A cheap identity for a document's text: its version, its length and a
// 53-bit hash of its content, computed once per document object and version.
// The graded-model cache is keyed by these, so a file reopened after it
// changed on disk (VS Code restarts it at version 1) is never mistaken for the
// text graded before. contentHash is the content-only identity the editor's
// cache (gradingCache.ts) names entries by: two hashes, 106 bits, as a
// persisted cache outlives a session. No 'vscode' import: unit-tested in Node.

/** What a stamp needs of a document (vscode.TextDocument has it). */
export interface VersionedText {
  readonly version: number;
  getText(): string;
}

/** cyrb53 over UTF-16 code units: fast, well mixed, 53 bits (collisions negligible for a cache). */
export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** `length:hash` of a text. */
export function textStamp(text: string): string {
  return `${text.length}:${hashText(text)}`;
}

/** `length:hash:hash` of a text, two seeds: what the cache names a text's entries by. */
export function contentHash(text: string): string {
  return `${text.length}:${hashText(text)}:${hashText(text, 0x9e3779b9)}`;
}

/** Stamps of documents, memoized per document object and version (a reopened document is a new object). */
export class TextStamps {
  private readonly memo = new WeakMap<VersionedText, { version: number; stamp: string }>();
  private readonly hashes = new WeakMap<VersionedText, { version: number; hash: string }>();

  of(doc: VersionedText): string {
    const hit = this.memo.get(doc);
    if (hit && hit.version === doc.version) return hit.stamp;
    const stamp = `v${doc.version}:${textStamp(doc.getText())}`;
    this.memo.set(doc, { version: doc.version, stamp });
    return stamp;
  }

  /** The document's contentHash, once per document object and version. */
  hashOf(doc: VersionedText): string {
    const hit = this.hashes.get(doc);
    if (hit && hit.version === doc.version) return hit.hash;
    const hash = contentHash(doc.getText());
    this.hashes.set(doc, { version: doc.version, hash });
    return hash;
  }
}
