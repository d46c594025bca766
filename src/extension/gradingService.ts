// One graded model per review text, shared by every feature (lenses,
// hover, tree, status bar, Grade Folder): parse once per text, never twice.
// Parsed reviews, keys, judge reports and graded results live in one cache
// per content hash (gradingCache.ts): each named by the texts it was built
// from, their paths and the settings that change the result, not by URI, so
// two features or two URIs with the same text share one parse, a closed file
// reopened is not parsed again, and (persisted in the workspace storage) a
// reload starts warm. Per URI we only remember which graded result a review
// had last and which key and judge report it was built from, so a change on
// disk re-renders the views that used them. Which key grades which review
// (and which review a key editor shows) is keyPairing.ts; the judge reports'
// cache, judgeCache.ts; a review graded by a worker, gradeWorkerReview.ts; the
// Round Dashboard's parsers, dashboardParsers.ts; foreground before round-wide
// work, backgroundWork.ts.
import * as vscode from 'vscode';
import { parseAnswerKey } from '../core/answerKey';
import { parseReview } from '../core/review';
import { gradeReview } from '../core/grade';
import { gradedText } from '../core/cache';
import type { FindKeyOptions } from '../core/findKey';
import { isAnswerKeyName, linkedKeyPath, parseRunName, parseRunStem, scoringPathFor } from '../core/naming';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import type { Thresholds } from '../core/match/verdict';
import type { FoundProjectFile } from '../core/findProjectFile';
import { readText, workspaceFiles } from './files';
import { snapshot } from './docSnapshot';
import { TextStamps } from './textStamp';
import type { Logger } from './service';
import { configOf, withProject, type ReviewGraderConfig } from './config';
import { ProjectFiles } from './projectFiles';
import { JudgeCache } from './judgeCache';
import { GradingCache } from './gradingCache';
import { Slicer, WorkQueue } from './backgroundWork';
import type { GradeWorkerPool } from './gradeWorkerPool';
import { WorkerGrading } from './gradeWorkerReview';
import { dashboardParsers, type DashboardParsers } from './dashboardParsers';
import { KeyPairing, linkRegion } from './keyPairing';

export type DocKind = 'key' | 'review' | 'other';

/** Where round-wide work finds the grading workers (gradeWorkers.ts); none: all in-thread. */
export interface WorkerSource {
  current(): GradeWorkerPool | undefined;
}

/** A review's last graded result: its cache id, and the key and judge report it was built from. */
interface CachedGrade {
  stamp: string;
  value: GradedReview;
  keyUri: string;
  judgeUri?: string;
}

export interface GradeOptions {
  /** round-wide work: waits for the editor's own gradings (the open review's lenses first) */
  background?: boolean;
}

export class GradingService implements vscode.Disposable {
  private readonly graded = new Map<string, CachedGrade>();
  private readonly stamps = new TextStamps();
  private readonly judges: JudgeCache;
  private readonly inWorker: WorkerGrading;
  private readonly work = new WorkQueue();
  private readonly inflight = new WeakMap<
    vscode.TextDocument,
    { version: number; generation: number; graded: Promise<GradedReview | undefined>; background: boolean }
  >();
  /** bumped when settings, a pairing or a file on disk changed: a grading in flight then is not shared */
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** the settings each review was last graded with (matchThresholds) */
  private readonly gradedWith = new Map<string, ReviewGraderConfig>();
  /** fires (debounced) when a review or key changed and graded models may differ */
  readonly onDidChange = this.changed.event;
  /** the .review-grader.json(c) files: their settings go between the defaults and the user's settings */
  readonly projects: ProjectFiles;
  /** which key grades which review, and which review a key editor shows */
  readonly keys: KeyPairing;

  constructor(
    state: vscode.Memento,
    private readonly log?: Logger,
    /** the content cache (default: memory only, of its own) */
    readonly cache: GradingCache = new GradingCache(),
    /** the grading workers for round-wide work (default: none, all in-thread) */
    private readonly workers?: WorkerSource,
  ) {
    this.judges = new JudgeCache(this.stamps, cache);
    this.inWorker = new WorkerGrading(cache);
    this.projects = new ProjectFiles(log);
    this.keys = new KeyPairing(
      state,
      {
        settings: async (uri) => (await this.settingsWithProject(uri)).config,
        isReview: (doc) => this.kindOf(doc) === 'review',
        paired: (review) => {
          this.generation++;
          this.graded.delete(review.toString());
          this.changed.fire(review);
        },
      },
      log,
    );
    // keys and judge reports are read from disk when not open: a change there must reach the views
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      this.changed,
      this.cache,
      watcher,
      this.projects,
      // a project file changed: every graded model may score differently (as after a settings change)
      this.projects.onDidChange(() => this.invalidateAll()),
      watcher.onDidChange((u) => this.fileChanged(u)),
      watcher.onDidCreate((u) => this.fileChanged(u, true)),
      watcher.onDidDelete((u) => this.fileChanged(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => this.touch(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.touch(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
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
    if (this.keys.isPaired(doc.uri)) return 'review';
    if (this.isKeyInUse(doc.uri)) return 'key'; // a key by another name ('rubric.md'), linked or paired by a review graded here
    return 'other';
  }

  /** A file some graded review uses as its key (kept until that review or the key changes). */
  private isKeyInUse(uri: vscode.Uri): boolean {
    const id = uri.toString();
    if (this.keys.hasActiveReview(uri)) return true;
    for (const g of this.graded.values()) if (g.keyUri === id) return true;
    return false;
  }

  /** The key a document holds; in a multi-scenario rubric, the scenario named (else its first). */
  keyOf(doc: vscode.TextDocument, scenario?: string): AnswerKey {
    const text = () => doc.getText();
    const parse = scenario ? () => parseAnswerKey(text(), doc.uri.path, scenario) : () => parseAnswerKey(text(), doc.uri.path);
    return this.cache.make(this.keyId(doc, scenario), 'key', this.sizeOf(doc), parse, !doc.isDirty);
  }

  reviewOf(doc: vscode.TextDocument): Review {
    return this.cache.make(this.reviewId(doc), 'review', this.sizeOf(doc), () => parseReview(doc.getText(), doc.uri.path), !doc.isDirty);
  }

  /** A document's weight in the memory cache: its parsed model is a few times its text (whose length leads its hash). */
  private sizeOf(doc: vscode.TextDocument): number {
    return Number.parseInt(this.stamps.hashOf(doc), 10) * 3 + 1024;
  }

  private keyId(doc: vscode.TextDocument, scenario?: string): string {
    return this.cache.id({ kind: 'key', path: doc.uri.path, scenario: scenario?.toLowerCase(), text: this.stamps.hashOf(doc) });
  }

  private reviewId(doc: vscode.TextDocument): string {
    return this.cache.id({ kind: 'review', path: doc.uri.path, text: this.stamps.hashOf(doc) });
  }

  /**
   * Bring a document's parsed model (its key, or its review) from the
   * persisted cache into memory when it is there, so a synchronous keyOf /
   * reviewOf right after (diagnostics on open) does not parse it again.
   */
  async loadStored(doc: vscode.TextDocument): Promise<void> {
    const kind = this.kindOf(doc);
    if (kind === 'key') await this.cache.load(this.keyId(doc), 'key', this.sizeOf(doc));
    else if (kind === 'review') await this.cache.load(this.reviewId(doc), 'review', this.sizeOf(doc));
  }

  /**
   * A review run for round-wide work: its open document (unsaved edits count),
   * else a read-only snapshot of the file, so grading a folder does not open
   * (and have every feature react to) a document per run. Undefined: unreadable.
   */
  async runDocument(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    const text = await readText(uri);
    return text === undefined ? undefined : snapshot(uri, text);
  }

  /** Give the event loop back between the runs of round-wide work, once it held it for a slice. */
  slicer(): Slicer {
    return new Slicer();
  }

  /** Round-wide gradings go to workers now (so several may be asked for at once). */
  get hasWorkers(): boolean {
    return this.workers?.current() !== undefined;
  }

  /** The graded model of a review document, or undefined when it has no key. */
  async gradedOf(doc: vscode.TextDocument, opts: GradeOptions = {}): Promise<GradedReview | undefined> {
    if (opts.background) await this.work.idle();
    const done = opts.background ? undefined : this.work.begin();
    try {
      // features asking at once for the same document version (lenses, status bar, diagnostics on open) share one grading
      // (not across a change of settings, pairing or a file on disk: that one grades afresh)
      // (nor does a lens wait for a round-wide grading queued for a worker)
      const running = this.inflight.get(doc);
      const background = opts.background === true;
      if (running && running.version === doc.version && running.generation === this.generation && (!running.background || background))
        return await running.graded;
      const graded = this.grade(doc, background);
      const entry = { version: doc.version, generation: this.generation, graded, background };
      this.inflight.set(doc, entry);
      try {
        return await graded;
      } finally {
        if (this.inflight.get(doc) === entry) this.inflight.delete(doc);
      }
    } finally {
      done?.();
    }
  }

  private async grade(doc: vscode.TextDocument, background = false): Promise<GradedReview | undefined> {
    // the settings once: the key lookup (its patterns) and the grading both use them
    const { config } = await this.cache.phase('settings', this.settingsWithProject(doc.uri));
    // the judge report is read while the key is looked up (one round trip less on a cold open)
    const scoring = config.useJudgeReports ? scoringPathFor(doc.uri.path) : undefined;
    const judgeUri = scoring ? doc.uri.with({ path: scoring }) : undefined;
    const judgeRead = judgeUri && this.judges.textOf(judgeUri);
    judgeRead?.catch(() => undefined); // awaited below, unless the review has no key
    const found = await this.cache.phase('keyLookup', this.keys.lookup(doc, config));
    if (!found.ok) return undefined;
    const keyUri = workspaceFiles(doc.uri).uri(found.path);
    const keyDoc = await this.cache.phase('openKey', Promise.resolve(vscode.workspace.openTextDocument(keyUri)));
    const judgeText = judgeRead && (await this.cache.phase('readJudge', judgeRead));
    // the report beside the run, when it exists and was read
    const judgeFile =
      judgeUri && judgeText?.text !== undefined
        ? { uri: judgeUri, text: judgeText.text, hash: judgeText.hash, dirty: judgeText.dirty }
        : undefined;
    const keyPath = vscode.workspace.asRelativePath(keyUri) + (found.scenario ? `#${found.scenario}` : '');
    const path = vscode.workspace.asRelativePath(doc.uri);
    const reviewId = this.reviewId(doc);
    const keyId = this.keyId(keyDoc, found.scenario);
    // every input of the grading, by content: a change to any names another entry
    const judgePart = judgeFile ? [judgeFile.uri.path, judgeFile.hash, parseRunName(doc.uri.path)?.run ?? null] : null;
    const inputs = [reviewId, keyId, judgePart, config.rubric, config.thresholds, keyPath, path, vscode.env.language];
    const stamp = this.cache.id({ kind: 'graded', path: doc.uri.path, text: gradedText(inputs) });
    const id = doc.uri.toString();
    this.gradedWith.set(id, config);
    const last = this.graded.get(id);
    if (last && last.stamp === stamp) return last.value;
    const sizes = { review: this.sizeOf(doc), key: this.sizeOf(keyDoc), graded: this.sizeOf(doc) / 2 };
    let value = await this.cache.phase('storage', this.cache.gradedFromStorage(stamp, reviewId, keyId, sizes));
    // each parse is its own turn of the event loop (a cold key, review and grading in one go can hold it for long)
    const slicer = new Slicer(15);
    const versions = `${doc.version}/${keyDoc.version}`;
    const moved = () => `${doc.version}/${keyDoc.version}` !== versions; // typed into while we waited: grade the new text
    const persist = !doc.isDirty && !keyDoc.isDirty && !judgeText?.dirty;
    const options = { keyPath, rubric: config.rubric, match: config.thresholds };
    const pool = background && !value ? this.workers?.current() : undefined;
    if (pool) {
      // round-wide: parsed and graded by a worker, this thread only files the results; in-thread if that fails
      value = await this.inWorker.grade(pool, {
        doc,
        keyDoc,
        scenario: found.scenario,
        judge: judgeFile,
        options,
        reviewId,
        keyId,
        stamp,
        persist,
        path,
      });
    }
    if (!value) {
      if (moved()) return this.grade(doc, background);
      const key = this.keyOf(keyDoc, found.scenario);
      await slicer.pause();
      if (moved()) return this.grade(doc, background);
      const review = this.reviewOf(doc);
      await slicer.pause();
      if (moved()) return this.grade(doc, background);
      const judge = judgeFile ? this.judges.runFor(doc, judgeFile.uri, judgeFile, key) : undefined;
      await slicer.pause();
      if (moved()) return this.grade(doc, background);
      const graded = this.cache.timed(() => gradeReview(key, review, { judge, ...options }));
      graded.path = path;
      // a graded result of unsaved text is kept in memory only: the disk holds what a reopened file has
      this.cache.putGraded(stamp, graded, sizes.graded, persist);
      value = graded;
    }
    if (moved()) return this.grade(doc, background);
    this.graded.set(id, { stamp, value, keyUri: keyDoc.uri.toString(), judgeUri: judgeUri?.toString() });
    return value;
  }

  /**
   * The verdict thresholds the matcher applies, for suggestions outside the
   * matcher: those the review was last graded with (its project file's under
   * the settings), else the settings'.
   */
  matchThresholds(review?: vscode.Uri): Thresholds {
    return (review && this.gradedWith.get(review.toString())?.thresholds) || configOf(vscode.workspace).thresholds;
  }

  /**
   * The settings a file (or, with `isFolder`, a folder's runs) is graded with:
   * defaults < its project file < what the user set (config.withProject).
   */
  async settingsWithProject(
    uri: vscode.Uri,
    isFolder = false,
    base = configOf(vscode.workspace),
  ): Promise<{ config: ReviewGraderConfig; project?: FoundProjectFile }> {
    const project = await this.projects.forUri(uri, isFolder);
    // Restricted Mode: as with the restricted naming.keyPatterns setting, a workspace file does not steer which files are read
    const settings =
      project && !vscode.workspace.isTrusted && project.config.keys
        ? { ...project.config, keys: { ...project.config.keys, patterns: undefined } }
        : project?.config;
    return { config: withProject(base, settings), project };
  }

  /** What a Round Dashboard of `folder` grades with: the settings with the folder's project file, and the key lookup. */
  async dashboardSettings(
    folder: vscode.Uri,
    base = configOf(vscode.workspace),
  ): Promise<{ config: ReviewGraderConfig; keyLookup: Omit<FindKeyOptions, 'explicit'>; parse: DashboardParsers }> {
    const { config } = await this.settingsWithProject(folder, true, base);
    return {
      config,
      keyLookup: { ...this.keys.options(folder), patterns: config.keyPatterns },
      parse: dashboardParsers(this.cache, this.workers?.current()),
    };
  }

  /** Debounce: features re-render once typing pauses, from the cached model. */
  private touch(doc: vscode.TextDocument): void {
    if (doc.languageId === 'markdown') this.fireSoon(doc.uri);
  }

  private fireSoon(uri: vscode.Uri): void {
    const id = uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.changed.fire(uri);
      }, 250),
    );
  }

  /** A closed document's link to its graded result goes; the content cache keeps the models, so reopening the same text is instant. */
  private forget(uri: vscode.Uri): void {
    const id = uri.toString();
    this.graded.delete(id);
    this.gradedWith.delete(id);
    this.judges.forgetText(id);
    this.dropDependents(id);
  }

  /** A .md file changed on disk: drop what was read from it, and re-render what was graded with it. */
  private fileChanged(uri: vscode.Uri, createdOrDeleted = false): void {
    this.generation++;
    if (createdOrDeleted) this.forgetLookups(); // a key may now be found, or be gone
    const id = uri.toString();
    const wasRead = this.judges.forgetText(id);
    const usedBy = this.dropDependents(id);
    if (wasRead || usedBy) {
      this.log?.info(`${vscode.workspace.asRelativePath(uri)} changed on disk: graded models built from it are dropped`);
      this.fireSoon(uri);
    }
  }

  /** Drop the graded models built from this key or judge report; true if there were any. */
  private dropDependents(id: string): boolean {
    let any = false;
    for (const [review, g] of this.graded) {
      if (g.keyUri !== id && g.judgeUri !== id) continue;
      this.graded.delete(review);
      any = true;
    }
    return any;
  }

  private forgetLookups(): void {
    this.generation++;
    this.keys.forget();
  }

  private invalidateAll(): void {
    this.forgetLookups();
    this.graded.clear();
    this.judges.forgetTexts();
    this.changed.fire(vscode.Uri.parse('review-grader:config'));
  }

  /** As after a reload (tests, bench): the persisted cache written, everything in memory forgotten. */
  async forgetMemory(): Promise<void> {
    await this.cache.flush();
    this.forgetLookups();
    this.graded.clear();
    this.judges.forgetTexts();
    this.cache.clearMemory();
  }
}
