// What a Round Dashboard shows (a perspective folder, maybe one round) and
// gathering its runs through vscode.workspace.fs, so it runs in vscode.dev.
// The grouping and grading logic is the CLI's own (core/dashboard/gather).
import * as vscode from 'vscode';
import { pickFolderHolding } from './folderPick';
import { buildPerspective, driveAsync, gatherRuns, runFilesOf, type GatherOptions, type PerspectiveView } from '../core/dashboard';
import { basename, isAnswerKeyName, parseRunName } from '../core/naming';
import type { ReviewGraderConfig } from './config';
import type { FindKeyOptions } from '../core/findKey';
import { workspaceFiles } from './files';

export interface DashboardScope {
  /** the perspective folder (answer keys beside, runs in results/) */
  folder: vscode.Uri;
  round?: number;
  /** the older one-key-per-document layout */
  doc?: number;
}

export interface GatheredDashboard {
  views: PerspectiveView[];
  /** every file read (uri strings): a change to one of them refreshes the panel */
  files: Set<string>;
  warnings: string[];
}

export function scopeTitle(s: DashboardScope): string {
  const round = s.round !== undefined ? ` R${s.round}` : '';
  const doc = s.doc !== undefined ? ` doc ${s.doc}` : '';
  return `Round Dashboard: ${basename(s.folder.path)}${round}${doc}`;
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
    'Review Grader: no answer-key*.md in the workspace, so no round to show.',
    'Perspective folder to show on the Round Dashboard',
  );
  return folder && scopeOfFolder(folder);
}

/**
 * Grade the scope's runs with the same settings as the editor features; `keyLookup`
 * (GradingService.keyLookupOptions) carries the pairings and key patterns, so a
 * review paired by hand is graded here too.
 */
export async function gatherDashboard(
  scope: DashboardScope,
  config: ReviewGraderConfig,
  keyLookup?: Omit<FindKeyOptions, 'explicit'>,
  parse?: GatherOptions['parse'],
): Promise<GatheredDashboard> {
  const results = vscode.Uri.joinPath(scope.folder, 'results');
  const listed = (await list(results)) ?? [];
  const names = listed.length ? listed : ((await list(scope.folder)) ?? []);
  const dir = listed.length ? results : scope.folder;
  const files = runFilesOf(
    names.map((n) => vscode.Uri.joinPath(dir, n).path),
    scope,
  );
  const read = new Set<string>();
  const warnings: string[] = [];
  const opts = {
    judge: config.useJudgeReports,
    rubric: config.rubric, // the project file's rubric under the user's settings (config.withProject)
    match: config.thresholds,
    round: scope.round,
    doc: scope.doc,
    keyLookup,
    parse, // the GradingService's content cache, shared with the editor's features
  };
  const fs = workspaceFiles(scope.folder);
  // readText prefers an open editor's (unsaved) text, like the lenses do.
  const runs = await driveAsync(
    gatherRuns(files, opts, (w) => warnings.push(w)),
    (path) => {
      read.add(fs.uri(path).toString());
      return fs.read(path);
    },
  );
  return { views: [buildPerspective({ name: basename(scope.folder.path), runs })], files: read, warnings };
}

async function list(folder: vscode.Uri): Promise<string[] | undefined> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return undefined;
  }
}
