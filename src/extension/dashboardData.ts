// What a Round Dashboard shows (a perspective folder, maybe one round) and
// gathering its runs through vscode.workspace.fs, so it runs in vscode.dev.
// The grouping and grading logic is the CLI's own (core/dashboard/gather).
import * as vscode from 'vscode';
import { pickFolderHolding } from './folderPick';
import {
  driveAsync,
  gatherRuns,
  ReadError,
  roundGroups,
  roundId,
  roundLabel,
  runFilesOf,
  slug,
  type DashboardRunInput,
  type GatherOptions,
  type RunFile,
} from '../core/dashboard';
import { basename, isAnswerKeyName, parseRunName, scoringPathFor } from '../core/naming';
import type { Translate } from '../core/i18n';
import type { DashboardParsers } from './dashboardParsers';
import type { ReviewGraderConfig } from './config';
import type { FindKeyOptions } from '../core/findKey';
import { workspaceFiles } from './files';
import { deferred, Slicer } from './backgroundWork';

export interface DashboardScope {
  /** the perspective folder (answer keys beside, runs in results/) */
  folder: vscode.Uri;
  round?: number;
  /** the older one-key-per-document layout */
  doc?: number;
}

export function scopeTitle(s: DashboardScope): string {
  const round = s.round !== undefined ? ` R${s.round}` : '';
  const doc = s.doc !== undefined ? ` doc ${s.doc}` : '';
  return vscode.l10n.t('Round Dashboard: {0}', `${basename(s.folder.path)}${round}${doc}`);
}

/** Two scopes show the same page. */
export function sameScope(a: DashboardScope | undefined, b: DashboardScope): boolean {
  return !!a && a.folder.toString() === b.folder.toString() && a.round === b.round && a.doc === b.doc;
}

/** The scope of a file: a key's or a run's perspective folder and round. */
export function scopeOfFile(uri: vscode.Uri): DashboardScope | undefined {
  const name = basename(uri.path);
  const dir = vscode.Uri.joinPath(uri, '..');
  if (isAnswerKeyName(uri.path)) {
    const round = /^(?:answer-key-)?round-0*(\d+)\.md$/i.exec(name);
    const doc = /^answer-key-(\d+)\.md$/i.exec(name);
    // a key in an answer-keys/ folder belongs to the perspective folder above it
    const folder = basename(dir.path).toLowerCase() === 'answer-keys' ? vscode.Uri.joinPath(dir, '..') : dir;
    return { folder, round: round ? Number(round[1]) : undefined, doc: doc ? Number(doc[1]) : undefined };
  }
  const run = parseRunName(name);
  if (!run) return undefined;
  return { folder: basename(dir.path) === 'results' ? vscode.Uri.joinPath(dir, '..') : dir, round: run.round, doc: run.doc };
}

/** A folder from the explorer: itself (or its parent, for results/), every round. */
export function scopeOfFolder(uri: vscode.Uri): DashboardScope {
  return { folder: basename(uri.path) === 'results' ? vscode.Uri.joinPath(uri, '..') : uri };
}

/** Perspective folders (those holding answer keys), searched only now that the command runs. */
export async function pickPerspective(): Promise<DashboardScope | undefined> {
  const folder = await pickFolderHolding(
    '**/answer-key*.md',
    vscode.l10n.t('Review Grader: no answer-key*.md in the workspace, so no round to show.'),
    vscode.l10n.t('Perspective folder to show on the Round Dashboard'),
  );
  return folder && scopeOfFolder(folder);
}

/** What a dashboard will show, known from the folder listing alone (no file read): enough for the frame. */
export interface DashboardPlan {
  scope: DashboardScope;
  name: string;
  /** the perspective's anchor id (core/dashboard slug) */
  id: string;
  /** the runs, by round (oldest first); each round's id and label as the page will show them */
  rounds: { id: string; label: string; files: RunFile[] }[];
  runCount: number;
}

export async function planDashboard(scope: DashboardScope, t: Translate): Promise<DashboardPlan> {
  const results = vscode.Uri.joinPath(scope.folder, 'results');
  const listed = (await list(results)) ?? [];
  const names = listed.length ? listed : ((await list(scope.folder)) ?? []);
  const dir = listed.length ? results : scope.folder;
  const files = runFilesOf(
    names.map((n) => vscode.Uri.joinPath(dir, n).path),
    scope,
  );
  const name = basename(scope.folder.path);
  const id = slug(name);
  const rounds = roundGroups(files.map((f) => ({ ...f, round: f.name.round, doc: f.name.doc }))).map((g) => ({
    id: roundId(id, g[0].round, g[0].doc),
    label: roundLabel(g[0].round, g[0].doc, t),
    files: g.map(({ path, name }) => ({ path, name })),
  }));
  return { scope, name, id, rounds, runCount: files.length };
}

/** Stop grading: the user cancelled, or a newer show took over. */
export class Cancelled extends Error {}

export interface GradeRoundContext {
  scope: DashboardScope;
  config: ReviewGraderConfig;
  keyLookup?: Omit<FindKeyOptions, 'explicit'>;
  /** the GradingService's parsers: one content cache with the editor's features */
  parse: DashboardParsers;
  /** reads of this show, each path once (runs, keys, judge reports, and the key lookup's probes) */
  reads: Map<string, Promise<string | undefined>>;
  /** every file read (uri strings): a change to one of them refreshes the panel */
  files: Set<string>;
  warnings: string[];
  cancelled: () => boolean;
  /** called as each run's grading starts */
  onRun: (path: string) => void;
}

/** A show's context: the settings it grades with, fresh reads, and the caller's hooks (none: a silent, uncancelled show). */
export function roundContext(
  scope: DashboardScope,
  settings: Pick<GradeRoundContext, 'config' | 'keyLookup' | 'parse'>,
  hooks: Partial<Pick<GradeRoundContext, 'files' | 'warnings' | 'cancelled' | 'onRun'>> = {},
): GradeRoundContext {
  return {
    scope,
    config: settings.config,
    keyLookup: settings.keyLookup,
    parse: settings.parse,
    reads: new Map(),
    files: hooks.files ?? new Set(),
    warnings: hooks.warnings ?? [],
    cancelled: hooks.cancelled ?? (() => false),
    onRun: hooks.onRun ?? (() => undefined),
  };
}

/** Read a path once per show; runs and their judge reports are fetched ahead (see prefetch). */
function readOnce(ctx: GradeRoundContext, path: string): Promise<string | undefined> {
  let p = ctx.reads.get(path);
  if (!p) {
    const fs = workspaceFiles(ctx.scope.folder);
    ctx.files.add(fs.uri(path).toString());
    // readText prefers an open editor's (unsaved) text, like the lenses do.
    p = fs.read(path);
    // a run's or key's model persisted by an earlier session comes into memory before the gathering parses it
    const preload = ctx.parse.preload;
    const kind = parseRunName(path)?.kind === 'run' ? 'review' : isAnswerKeyName(path) ? 'key' : undefined;
    if (preload && kind)
      p = p.then(async (text) => {
        if (text !== undefined) await preload(path, text, kind).catch(() => undefined);
        return text;
      });
    ctx.reads.set(path, p);
  }
  return p;
}

/** Each round's gradings handed to the grading workers (prefetch): gradeRound waits for them first. */
/** Per run path, the workers' grading of it (prefetch): gradeRound waits for it before it grades the run. */
const handedOut = new WeakMap<GradeRoundContext, Map<string, Promise<void>>>();

/**
 * Start reading the rounds' runs and judge reports, a few at a time, so
 * reading overlaps grading; with grading workers, also hand them every run's
 * grading, in this order, so they parse while this thread only files.
 */
export function prefetch(ctx: GradeRoundContext, order: DashboardPlan['rounds']): void {
  const workers = ctx.parse.workers;
  if (workers) {
    // one promise per run at once: gradeRound may reach a run before the dry run does
    const waits = new Map(order.flatMap((r) => r.files.map((f) => [f.path, deferred<void>()] as const)));
    handedOut.set(ctx, new Map([...waits].map(([path, d]) => [path, d.promise])));
    void (async () => {
      for (const round of order) {
        if (ctx.cancelled()) break;
        // a dry run of the gathering: what it reads and parses, with the cache's models or stand-ins; each run not graded yet goes to a worker
        const parse = workers.recorder(ctx.cancelled, (path, graded) => waits.get(path)?.resolve(graded));
        await driveAsync(
          gatherRuns(round.files, gatherOptions(ctx, parse), () => undefined),
          (p) => readOnce(ctx, p),
        ).catch(() => undefined);
        for (const f of round.files) waits.get(f.path)?.resolve(undefined); // the runs it skipped (no key, unreadable)
      }
      for (const d of waits.values()) d.resolve(undefined);
    })();
  }
  const paths = order.flatMap((r) =>
    r.files.flatMap((f) => {
      const scoring = ctx.config.useJudgeReports ? scoringPathFor(f.path) : undefined;
      return scoring ? [f.path, scoring] : [f.path];
    }),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length && !ctx.cancelled()) {
      const path = paths[next++];
      await readOnce(ctx, path).catch(() => undefined);
    }
  };
  for (let i = 0; i < Math.min(8, paths.length); i++) void worker();
}

/**
 * Grade one round's runs with the same settings as the editor features
 * (`keyLookup`, GradingService.dashboardSettings, carries the pairings and key
 * patterns, so a review paired by hand is graded here too). The logic is the
 * CLI's own (core/dashboard/gather); between runs the event loop gets a turn.
 */
export async function gradeRound(ctx: GradeRoundContext, files: RunFile[]): Promise<DashboardRunInput[]> {
  const waits = handedOut.get(ctx);
  const slicer = new Slicer(15);
  const runs = new Set(files.map((f) => f.path));
  const gen = gatherRuns(files, gatherOptions(ctx, ctx.parse), (w) => ctx.warnings.push(w));
  let step = gen.next();
  while (!step.done) {
    const path = step.value;
    if (runs.has(path)) {
      // what a worker graded of this run is in the cache now (what it did not is graded here, as without workers)
      await waits?.get(path);
      // a run's grading is about to start: let the extension host breathe once a slice is used, and stop here if asked
      // (not a timer per run: chained timers are clamped to 4 ms each, most of a warm dashboard whose runs are all cached)
      await slicer.pause();
      if (ctx.cancelled()) {
        gen.return([]);
        throw new Cancelled();
      }
      ctx.onRun(path);
    }
    let text: string | undefined;
    try {
      text = await readOnce(ctx, path);
    } catch (e) {
      step = gen.throw(new ReadError((e as Error)?.message ?? String(e)));
      continue;
    }
    step = gen.next(text);
  }
  return step.value;
}

function gatherOptions(ctx: GradeRoundContext, parse: GatherOptions['parse']): GatherOptions {
  return {
    judge: ctx.config.useJudgeReports,
    rubric: ctx.config.rubric, // the project file's rubric under the user's settings (config.withProject)
    match: ctx.config.thresholds,
    keyLookup: ctx.keyLookup,
    parse,
  };
}

async function list(folder: vscode.Uri): Promise<string[] | undefined> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return undefined;
  }
}
