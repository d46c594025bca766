// The project file `.review-grader.json(c)` for the editor: the nearest one
// from a file's folder upwards, never above its workspace folder (the editor
// reads only inside the workspace; a file outside every folder has none).
// Looked up once per folder and kept until a project file is created,
// changed or deleted (a file watcher) or the open document of one is edited
// (its unsaved text counts, as for keys); then `onDidChange` fires so graded
// models, views and the project file's diagnostics are rebuilt.
import * as vscode from 'vscode';
import { findProjectFile, type FoundProjectFile } from '../core/findProjectFile';
import { PROJECT_FILE_NAMES } from '../core/project';
import { basename, dirname } from '../core/naming';
import { workspaceFiles } from './files';
import type { Logger } from './service';

export const PROJECT_FILE_GLOB = '**/.review-grader.{json,jsonc}';

export function isProjectFile(uri: vscode.Uri): boolean {
  return (PROJECT_FILE_NAMES as readonly string[]).includes(basename(uri.path));
}

export class ProjectFiles implements vscode.Disposable {
  /** folder uri → the lookup from it (a promise, so concurrent callers share one walk) */
  private readonly byFolder = new Map<string, Promise<FoundProjectFile | undefined>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private typing: ReturnType<typeof setTimeout> | undefined;
  /** fires with the project file's uri when one was created, changed, deleted or edited */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log?: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(PROJECT_FILE_GLOB);
    const drop = (uri: vscode.Uri) => {
      this.byFolder.clear(); // a file anywhere may now be nearer, or gone, for many folders
      this.changed.fire(uri);
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidCreate(drop),
      watcher.onDidChange(drop),
      watcher.onDidDelete(drop),
      // typing in a project file: once it pauses
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!isProjectFile(e.document.uri) || !e.contentChanges.length) return;
        clearTimeout(this.typing);
        this.typing = setTimeout(() => drop(e.document.uri), 250);
      }),
      // closing an edited, unsaved project file: its text on disk counts again
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isProjectFile(d.uri)) drop(d.uri);
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.typing);
    this.disposables.forEach((d) => d.dispose());
  }

  /** The project file that applies to a file (or, with `isFolder`, to the files of a folder); undefined: none. */
  forUri(uri: vscode.Uri, isFolder = false): Promise<FoundProjectFile | undefined> {
    const root = vscode.workspace.getWorkspaceFolder(uri);
    if (!root) return Promise.resolve(undefined);
    const dir = isFolder ? uri.path.replace(/\/+$/, '') || '/' : dirname(uri.path);
    const id = uri.with({ path: dir }).toString();
    let hit = this.byFolder.get(id);
    if (!hit) {
      hit = findProjectFile(dir, workspaceFiles(uri), root.uri.path || '/').catch((e: unknown) => {
        this.log?.error(`project file for ${vscode.workspace.asRelativePath(uri)}`, e);
        return undefined;
      });
      this.byFolder.set(id, hit);
    }
    return hit;
  }
}
