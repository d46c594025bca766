// Which key grades which review, in the editor: core/findKey (explicit pairing
// > link comment > naming convention > key patterns, as the CLI) given the
// pairings the user made (kept in the workspace state), the part of a review
// where a link comment counts and the rule that a link is followed only inside
// the workspace; the keys found, remembered until something could change them;
// and which review is "active" for a key editor. Apart from gradingService.ts,
// which grades and caches graded models and owns one of these.
import * as vscode from 'vscode';
import { findKey, type FindKeyOptions, type KeyLookup } from '../core/findKey';
import { LINK_SEARCH_LIMIT } from '../core/naming';
import { configOf, type ReviewGraderConfig } from './config';
import { workspaceFiles } from './files';
import type { Logger } from './service';
import { contentHash } from './textStamp';

/** The workspace-state entry holding explicit pairings: review uri → key uri (with '#T01' for one scenario). */
const PAIRINGS = 'reviewGrader.pairings';

/** What the lookup asks of the grading service that owns it. */
export interface PairingHost {
  /** the settings a file is graded with (its project file's under the user's) */
  settings(uri: vscode.Uri): Promise<ReviewGraderConfig>;
  isReview(doc: vscode.TextDocument): boolean;
  /** a pairing was made: what was graded for this review is stale */
  paired(review: vscode.Uri): void;
}

export class KeyPairing {
  /** key lookups that found a key, and a counter bumped whenever they are dropped (a lookup running then is not kept) */
  private readonly lookups = new Map<string, KeyLookup>();
  private generation = 0;
  private readonly refusedLinks = new Set<string>();
  /** the review most recently shown in an editor, per key uri */
  private readonly activeReviewByKey = new Map<string, vscode.Uri>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly host: PairingHost,
    private readonly log?: Logger,
  ) {}

  /** The key's uri, or undefined when the review has none. */
  async uriFor(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const found = await this.lookup(doc);
    return found.ok ? workspaceFiles(doc.uri).uri(found.path) : undefined;
  }

  /** The whole lookup: the key's path and how it was found, or why none was (a missing linked key is not skipped over). */
  async lookup(doc: vscode.TextDocument, settings?: ReviewGraderConfig): Promise<KeyLookup> {
    const generation = this.generation;
    const files = workspaceFiles(doc.uri);
    const config = settings ?? (await this.host.settings(doc.uri));
    const options = { ...this.options(doc.uri, doc.uri), patterns: config.keyPatterns };
    const region = linkRegion(doc);
    // a key found is remembered (a few file checks less per grading) until a .md file is created or deleted,
    // a pairing or a setting changes; a key not found is looked for again each time
    const memo =
      vscode.workspace.getWorkspaceFolder(doc.uri) && `${doc.uri.toString()}\n${JSON.stringify(options)}\n${contentHash(region)}`;
    const known = memo && this.lookups.get(memo);
    if (known) return known;
    const found = await findKey(doc.uri.path, region, files, options);
    if (memo && found.ok && !found.refusedLink && this.generation === generation) this.lookups.set(memo, found);
    // outside the workspace: not read, graded by the conventions; said once, not on every lens refresh
    if (found.ok && found.refusedLink && !this.refusedLinks.has(found.refusedLink)) {
      this.refusedLinks.add(found.refusedLink);
      this.log?.warn(found.refusedLink);
    }
    return found;
  }

  /**
   * Pairings and key patterns as core/findKey takes them, for the reviews that
   * share `base`'s scheme and authority (one review's, or a dashboard folder's).
   */
  options(base: vscode.Uri, only?: vscode.Uri): Omit<FindKeyOptions, 'explicit'> {
    const files = workspaceFiles(base);
    const pairings = new Map<string, string>();
    for (const [review, key] of Object.entries(this.stored())) {
      if (only && review !== only.toString()) continue;
      const r = vscode.Uri.parse(review);
      // a pairing with one scenario of a rubric is stored as the key's uri with '#T01'
      const k = vscode.Uri.parse(key);
      if (r.scheme === base.scheme && r.authority === base.authority)
        pairings.set(r.path, files.pathOf(k.with({ fragment: '' })) + (k.fragment ? `#${k.fragment}` : ''));
    }
    // A link comment is untrusted (an LLM wrote the review): it is followed only to a file inside the workspace.
    const isAllowed = (path: string) => vscode.workspace.getWorkspaceFolder(files.uri(path)) !== undefined;
    return { pairings, patterns: configOf(vscode.workspace).keyPatterns, isAllowed };
  }

  async pair(review: vscode.Uri, key: vscode.Uri): Promise<void> {
    await this.state.update(PAIRINGS, { ...this.stored(), [review.toString()]: key.toString() });
    this.forget();
    this.host.paired(review);
  }

  /** The user paired this review with a key. */
  isPaired(review: vscode.Uri): boolean {
    return Boolean(this.stored()[review.toString()]);
  }

  /** Remember which review is in front, so a key editor shows its verdicts. */
  async noteActiveReview(doc: vscode.TextDocument): Promise<void> {
    const key = await this.uriFor(doc);
    if (key) this.activeReviewByKey.set(key.toString(), doc.uri);
  }

  /** A review was shown with this key. */
  hasActiveReview(key: vscode.Uri): boolean {
    return this.activeReviewByKey.has(key.toString());
  }

  /** The review whose verdicts a key editor shows: last active, else any visible one paired with it. */
  async activeReviewFor(keyDoc: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
    const remembered = this.activeReviewByKey.get(keyDoc.uri.toString());
    if (remembered) return vscode.workspace.openTextDocument(remembered);
    for (const editor of vscode.window.visibleTextEditors) {
      const d = editor.document;
      if (this.host.isReview(d) && (await this.uriFor(d))?.toString() === keyDoc.uri.toString()) {
        this.activeReviewByKey.set(keyDoc.uri.toString(), d.uri);
        return d;
      }
    }
    return undefined;
  }

  /** Drop the keys found: a file was created or deleted, a pairing or a setting changed. */
  forget(): void {
    this.lookups.clear();
    this.generation++;
  }

  /** The explicit pairings as stored. */
  private stored(): Record<string, string> {
    return this.state.get<Record<string, string>>(PAIRINGS, {});
  }
}

/** The part of a review where a link comment counts (core/naming.keyLink reads no further). */
export function linkRegion(doc: vscode.TextDocument): string {
  const text = doc.getText();
  return text.length > LINK_SEARCH_LIMIT ? text.slice(0, LINK_SEARCH_LIMIT) : text;
}
