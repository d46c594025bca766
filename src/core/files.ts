// The one way the core reaches files (like Foam's IDataStore and the markdown
// language service's IWorkspace): the CLI implements it on Node fs
// (src/cli/nodeFiles.ts), the extension on vscode.workspace.fs
// (src/extension/files.ts), tests in memory. Paths are '/'-separated strings
// that the implementation understands; the core only joins and resolves them.

/** Asynchronous file access (the editor's, and the general form). */
export interface FileAccess {
  /** the file's text; undefined when there is no such file */
  read(path: string): Promise<string | undefined>;
  /** is there a file (not a folder) at this path? */
  exists(path: string): Promise<boolean>;
  /** names of the files directly in a folder; undefined when there is no such folder */
  list(dir: string): Promise<string[] | undefined>;
}

/** The same, synchronously (the CLI reads with Node's sync fs calls). */
export interface FileAccessSync {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  list(dir: string): string[] | undefined;
}

/** Work that needs to ask whether files exist, written once for both hosts: it yields a path, receives whether it exists. */
export type ExistsTask<T> = Generator<string, T, boolean>;

export function runExistsSync<T>(task: ExistsTask<T>, files: Pick<FileAccessSync, 'exists'>): T {
  let step = task.next();
  while (!step.done) step = task.next(files.exists(step.value));
  return step.value;
}

export async function runExists<T>(task: ExistsTask<T>, files: Pick<FileAccess, 'exists'>): Promise<T> {
  let step = task.next();
  while (!step.done) step = task.next(await files.exists(step.value));
  return step.value;
}

/** Files held in memory, by path: for tests and for hosts without a file system. */
export function memoryFiles(contents: Record<string, string>): FileAccess & { sync: FileAccessSync } {
  const files = new Map(Object.entries(contents));
  const sync: FileAccessSync = {
    read: (p) => files.get(p),
    exists: (p) => files.has(p),
    list: (dir) => {
      const prefix = dir === '.' || dir === '' ? '' : dir.endsWith('/') ? dir : `${dir}/`;
      const names = [...files.keys()]
        .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        .map((p) => p.slice(prefix.length));
      return names.length ? names.sort() : undefined;
    },
  };
  return {
    sync,
    read: async (p) => sync.read(p),
    exists: async (p) => sync.exists(p),
    list: async (d) => sync.list(d),
  };
}
