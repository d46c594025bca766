// Where the project file `.review-grader.json(c)` of a graded file is: the
// nearest one from the file's folder upwards, never above a root the host
// chooses (the CLI's working directory, the editor's workspace folder), so a
// settings file is read only where the tool may read. The nearest file wins
// whole (as with Prettier): files further up are not merged into it. In one
// folder `.review-grader.jsonc` wins over `.review-grader.json`.
import type { FileAccess, FileAccessSync } from './files';
import { isInside, normalizePath } from './confine';
import { dirname, join } from './naming';
import { parseProjectFile, PROJECT_FILE_NAMES, type ProjectFile } from './project';

export interface FoundProjectFile extends ProjectFile {
  /** the project file's path, as the FileAccess understands it */
  path: string;
  /** its text (the diagnostics' lines refer to it) */
  text: string;
  /** another project file in the same folder, not read */
  shadowed?: string;
}

/** Yields a path to read, receives its text (undefined: no such file). */
type ReadTask<T> = Generator<string, T, string | undefined>;

/** The folders searched, nearest first: `startDir` up to `root`; a start outside the root searches the root alone. */
export function projectFolders(startDir: string, root: string): string[] {
  const top = normalizePath(root);
  let dir = normalizePath(startDir);
  if (!isInside(top, dir)) return [top];
  const out: string[] = [];
  for (;;) {
    out.push(dir);
    if (dir === top || !isInside(top, dirname(dir)) || dirname(dir) === dir) return out;
    dir = dirname(dir);
  }
}

function* findTask(startDir: string, root: string): ReadTask<FoundProjectFile | undefined> {
  for (const dir of projectFolders(startDir, root)) {
    for (let n = 0; n < PROJECT_FILE_NAMES.length; n++) {
      const path = join(dir, PROJECT_FILE_NAMES[n]!);
      const text = yield path;
      if (text === undefined) continue;
      const found: FoundProjectFile = { path, text, ...parseProjectFile(text, path) };
      for (const other of PROJECT_FILE_NAMES.slice(n + 1)) {
        const otherPath = join(dir, other);
        if ((yield otherPath) !== undefined) found.shadowed = otherPath;
      }
      return found;
    }
  }
  return undefined;
}

/** The nearest project file through the CLI's (synchronous) file access; undefined: none, the defaults apply. */
export function findProjectFileSync(startDir: string, files: Pick<FileAccessSync, 'read'>, root: string): FoundProjectFile | undefined {
  const task = findTask(startDir, root);
  let step = task.next();
  while (!step.done) step = task.next(files.read(step.value));
  return step.value;
}

/** The nearest project file through the editor's (asynchronous) file access. */
export async function findProjectFile(
  startDir: string,
  files: Pick<FileAccess, 'read'>,
  root: string,
): Promise<FoundProjectFile | undefined> {
  const task = findTask(startDir, root);
  let step = task.next();
  while (!step.done) step = task.next(await files.read(step.value));
  return step.value;
}
