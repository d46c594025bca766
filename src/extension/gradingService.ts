// One graded model per review version, shared by every feature (lenses,
// hover, tree, status bar): parse once per edit, never twice. Also pairs a
// review with its key (explicit pairing > link comment > naming convention)
// and tells which review is "active" for a key editor.
import * as vscode from 'vscode';
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import { judgeRunOf, parseJudgeReport, type JudgeReport } from '../core/judge';
import { gradeReview } from '../core/grade';
import { findKey, type FindKeyOptions, type KeyLookup } from '../core/findKey';
import { isAnswerKeyName, LINK_SEARCH_LIMIT, linkedKeyPath, parseRunName, parseRunStem, scoringPathFor } from '../core/naming';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import { DEFAULT_RUBRIC } from '../core/score';
import { readText, workspaceFiles } from './files';

export type DocKind = 'key' | 'review' | 'other';

const PAIRINGS = 'reviewGrader.pairings';

interface Cached<T> { version: string; value: T }

export class GradingService implements vscode.Disposable {
  private readonly keys = new Map<string, Cached<AnswerKey>>();
  private readonly reviews = new Map<string, Cached<Review>>();
  private readonly graded = new Map<string, Cached<GradedReview | undefined>>();
  private readonly judges = new Map<string, Cached<JudgeReport>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** the review most recently shown in an editor, per key uri */
  private readonly activeReviewByKey = new Map<string, vscode.Uri>();
  /** fires (debounced) when a review or key changed and graded models may differ */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.touch(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.touch(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reviewGrader')) this.invalidateAll();
      }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
  }

  /** Cheap classification from the name and the first lines: no parsing. */
  kindOf(doc: vscode.TextDocument): DocKind {
    if (doc.languageId !== 'markdown') return 'other';
    const name = doc.uri.path;
    if (isAnswerKeyName(name)) return 'key';
    if (parseRunName(name)?.kind === 'run' || parseRunStem(name)?.run !== undefined || linkedKeyPath(linkRegion(doc))) return 'review';
    if (this.state.get<Record<string, string>>(PAIRINGS, {})[doc.uri.toString()]) return 'review';
    return 'other';
  }

  keyOf(doc: vscode.TextDocument): AnswerKey {
    return this.cached(this.keys, doc, () => parseAnswerKey(doc.getText(), doc.uri.path));
  }

  reviewOf(doc: vscode.TextDocument): Review {
    return this.cached(this.reviews, doc, () => parseReview(doc.getText(), doc.uri.path));
  }

  /** The graded model of a review document, or undefined when it has no key. */
  async gradedOf(doc: vscode.TextDocument): Promise<GradedReview | undefined> {
    const keyUri = await this.keyUriFor(doc);
    if (!keyUri) return undefined;
    const keyDoc = await vscode.workspace.openTextDocument(keyUri);
    const version = `${doc.version}|${keyDoc.uri.toString()}@${keyDoc.version}`;
    const hit = this.graded.get(doc.uri.toString());
    if (hit && hit.version === version) return hit.value;
    const config = vscode.workspace.getConfiguration('reviewGrader');
    const judge = config.get<boolean>('useJudgeReports', true) ? await this.judgeRunFor(doc, this.keyOf(keyDoc)) : undefined;
    const value = gradeReview(this.keyOf(keyDoc), this.reviewOf(doc), {
      judge,
      keyPath: vscode.workspace.asRelativePath(keyUri),
      rubric: { ...DEFAULT_RUBRIC, bonusCap: config.get<number>('bonusCap', DEFAULT_RUBRIC.bonusCap) },
      match: thresholds(config),
    });
    value.path = vscode.workspace.asRelativePath(doc.uri);
    this.graded.set(doc.uri.toString(), { version, value });
    return value;
  }

  /** Explicit pairing > link comment > naming convention > key patterns (core/findKey, as the CLI). */
  async keyUriFor(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const found = await this.keyLookupFor(doc);
    return found.ok ? workspaceFiles(doc.uri).uri(found.path) : undefined;
  }

  /** The whole lookup: the key's path and how it was found, or why none was (a missing linked key is not skipped over). */
  keyLookupFor(doc: vscode.TextDocument): Promise<KeyLookup> {
    const files = workspaceFiles(doc.uri);
    return findKey(doc.uri.path, linkRegion(doc), files, this.keyLookupOptions(doc.uri, doc.uri));
  }

  /**
   * Pairings and key patterns as core/findKey takes them, for the reviews that
   * share `base`'s scheme and authority (one review's, or a dashboard folder's).
   */
  keyLookupOptions(base: vscode.Uri, only?: vscode.Uri): Omit<FindKeyOptions, 'explicit'> {
    const files = workspaceFiles(base);
    const pairings = new Map<string, string>();
    for (const [review, key] of Object.entries(this.state.get<Record<string, string>>(PAIRINGS, {}))) {
      if (only && review !== only.toString()) continue;
      const r = vscode.Uri.parse(review);
      if (r.scheme === base.scheme && r.authority === base.authority) pairings.set(r.path, files.pathOf(vscode.Uri.parse(key)));
    }
    const patterns = vscode.workspace.getConfiguration('reviewGrader').get<string[]>('naming.keyPatterns', []);
    return { pairings, patterns: Array.isArray(patterns) ? patterns : [] };
  }

  async pair(review: vscode.Uri, key: vscode.Uri): Promise<void> {
    const all = { ...this.state.get<Record<string, string>>(PAIRINGS, {}), [review.toString()]: key.toString() };
    await this.state.update(PAIRINGS, all);
    this.graded.delete(review.toString());
    this.changed.fire(review);
  }

  /** Remember which review is in front, so a key editor shows its verdicts. */
  async noteActiveReview(doc: vscode.TextDocument): Promise<void> {
    const key = await this.keyUriFor(doc);
    if (key) this.activeReviewByKey.set(key.toString(), doc.uri);
  }

  /** The review whose verdicts a key editor shows: last active, else any visible one paired with it. */
  async activeReviewFor(keyDoc: vscode.TextDocument): Promise<vscode.TextDocument | undefined> {
    const remembered = this.activeReviewByKey.get(keyDoc.uri.toString());
    if (remembered) return vscode.workspace.openTextDocument(remembered);
    for (const editor of vscode.window.visibleTextEditors) {
      const d = editor.document;
      if (this.kindOf(d) === 'review' && (await this.keyUriFor(d))?.toString() === keyDoc.uri.toString()) {
        this.activeReviewByKey.set(keyDoc.uri.toString(), d.uri);
        return d;
      }
    }
    return undefined;
  }

  private async judgeRunFor(doc: vscode.TextDocument, key: AnswerKey) {
    const scoring = scoringPathFor(doc.uri.path);
    if (!scoring) return undefined;
    const uri = doc.uri.with({ path: scoring });
    const text = await readText(uri);
    if (text === undefined) return undefined;
    // Re-parse only when the report's text or the key's ids changed, not on every review edit.
    const ids = key.problems.map((p) => p.id);
    const version = `${ids.join(',')}\n${text}`;
    let report = this.judges.get(uri.toString());
    if (!report || report.version !== version) {
      report = { version, value: parseJudgeReport(text, scoring, ids) };
      this.judges.set(uri.toString(), report);
    }
    const run = parseRunName(doc.uri.path)?.run;
    return judgeRunOf(report.value, run);
  }

  private cached<T>(map: Map<string, Cached<T>>, doc: vscode.TextDocument, make: () => T): T {
    const version = String(doc.version);
    const hit = map.get(doc.uri.toString());
    if (hit && hit.version === version) return hit.value;
    const value = make();
    map.set(doc.uri.toString(), { version, value });
    return value;
  }

  /** Debounce: features re-render once typing pauses, from the cached model. */
  private touch(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'markdown') return;
    const id = doc.uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.set(id, setTimeout(() => {
      this.timers.delete(id);
      this.changed.fire(doc.uri);
    }, 250));
  }

  private invalidateAll(): void {
    this.graded.clear();
    this.changed.fire(vscode.Uri.parse('review-grader:config'));
  }
}

function thresholds(config: vscode.WorkspaceConfiguration) {
  const detected = config.get<number>('thresholds.detected');
  const partial = config.get<number>('thresholds.partial');
  return detected === undefined && partial === undefined ? undefined : { detected, partial };
}

/** The part of a review where a link comment counts (core/naming.keyLink reads no further). */
function linkRegion(doc: vscode.TextDocument): string {
  return doc.getText(new vscode.Range(doc.positionAt(0), doc.positionAt(LINK_SEARCH_LIMIT)));
}
