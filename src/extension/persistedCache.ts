// The editor cache on disk, in the extension's workspace storage only
// (context.storageUri; none given, nothing is written): one file per entry,
// named by its id and written as core/cache.ts's entryText, plus index.json
// listing the entries with their sizes and last use, so the folder is cut
// back to a budget (least recently used first). Everything goes through
// vscode.workspace.fs, so it works in the web host too. Writes are lazy: put()
// only queues, and a timer writes the queue later, one entry per turn of the
// event loop. Whatever is read back is checked (readEntry, readIndex): a
// corrupt, truncated or foreign file, or an index of another build, is
// ignored and the folder rebuilt, never an error the user sees.
import * as vscode from 'vscode';
import { entryText, indexText, overBudget, readEntry, readIndex, type CacheKind, type IndexedEntry } from '../core/cache';
import type { Logger } from './service';

export interface PersistOptions {
  /** how long after the first queued write the queue is written (ms) */
  delayMs?: number;
  /** the most the folder holds, in characters of JSON (least recently used entries go first) */
  budget?: number;
  log?: Logger;
}

const INDEX = 'index.json';
const DEFAULT_BUDGET = 48 * 1024 * 1024;

type Stored = Parameters<typeof entryText>[2];

export class PersistedCache {
  readonly dir: vscode.Uri;
  private index: Map<string, IndexedEntry> | undefined;
  private loading: Promise<Map<string, IndexedEntry>> | undefined;
  private tool = '';
  private readonly queue = new Map<string, { kind: CacheKind; value: Stored }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private indexDirty = false;
  private swept = false;
  private readonly delayMs: number;
  private readonly budget: number;
  /** entries read back / found unusable (for the stats) */
  hits = 0;
  rejected = 0;
  /** reads of entries the index does not list, per kind */
  readonly missed: Partial<Record<CacheKind, number>> = {};
  /** why the last write failed, if one did */
  lastError: string | undefined;

  constructor(
    storage: vscode.Uri,
    private readonly toolOf: () => Promise<string>,
    private readonly opts: PersistOptions = {},
  ) {
    this.dir = vscode.Uri.joinPath(storage, 'grading-cache');
    this.delayMs = opts.delayMs ?? 2000;
    this.budget = opts.budget ?? DEFAULT_BUDGET;
  }

  /** Entries and characters the folder holds (as the index says). */
  async size(): Promise<{ entries: number; size: number }> {
    const index = await this.load();
    let size = 0;
    for (const e of index.values()) size += e.size;
    return { entries: index.size, size };
  }

  /** The model stored under `id`, or undefined (not there, unreadable, not ours). */
  async read(id: string, kind: CacheKind): Promise<Stored | undefined> {
    const queued = this.queue.get(id);
    if (queued) return queued.kind === kind ? queued.value : undefined;
    const index = await this.load();
    const known = index.get(id);
    if (!known || known.kind !== kind) {
      this.missed[kind] = (this.missed[kind] ?? 0) + 1;
      return undefined;
    }
    let value: Stored | undefined;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file(id)));
      value =
        kind === 'review' ? readEntry(text, id, 'review') : kind === 'key' ? readEntry(text, id, 'key') : readEntry(text, id, 'graded');
    } catch {
      value = undefined;
    }
    if (!value) {
      // corrupt or gone: forgotten now, rewritten when next graded
      this.rejected++;
      index.delete(id);
      this.indexDirty = true;
      this.schedule();
      return undefined;
    }
    this.hits++;
    known.used = Date.now();
    this.indexDirty = true;
    this.schedule();
    return value;
  }

  /** Queue an entry; written later, off the hot path. */
  put(id: string, kind: CacheKind, value: Stored): void {
    this.queue.set(id, { kind, value });
    this.schedule();
  }

  /** Write everything queued now (and the index); resolves when all of it is written, a write already running included. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    if (!this.queue.size && !this.indexDirty) return;
    this.flushing = this.writeQueued().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    if (this.queue.size || this.indexDirty) this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // best effort: the host may stop before this ends, and the next session rebuilds what is missing
    if (this.queue.size || this.indexDirty) void this.flush();
  }

  private schedule(): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  private file(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, `${id}.json`);
  }

  /** The index, read once; anything but our own index for this build means an empty folder. */
  private load(): Promise<Map<string, IndexedEntry>> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= (async () => {
      this.tool = await this.toolOf();
      let entries: IndexedEntry[] | undefined;
      let existed = false;
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, INDEX)));
        existed = true;
        entries = readIndex(text, this.tool);
      } catch {
        entries = undefined;
      }
      if (!entries && existed) {
        this.opts.log?.info(
          vscode.l10n.t('Review Grader: the grading cache in the workspace storage was unreadable or from another build; it is rebuilt.'),
        );
        await this.wipe();
      }
      this.index = new Map((entries ?? []).map((e) => [e.id, e]));
      return this.index;
    })();
    return this.loading;
  }

  private async wipe(): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.dir, { recursive: true, useTrash: false });
    } catch {
      /* not there */
    }
  }

  private async writeQueued(): Promise<void> {
    const index = await this.load();
    try {
      await vscode.workspace.fs.createDirectory(this.dir);
      for (const [id, { kind, value }] of [...this.queue]) {
        this.queue.delete(id);
        // one entry per turn: serialising a large review is a few ms, never a long block
        await new Promise((resolve) => setTimeout(resolve, 0));
        const text = entryText(id, kind, value);
        await vscode.workspace.fs.writeFile(this.file(id), new TextEncoder().encode(text));
        index.set(id, { id, kind, size: text.length, used: Date.now() });
        this.indexDirty = true;
      }
      for (const id of overBudget(index.values(), this.budget)) {
        index.delete(id);
        await vscode.workspace.fs.delete(this.file(id)).then(undefined, () => undefined);
        this.indexDirty = true;
      }
      if (this.indexDirty) {
        this.indexDirty = false;
        const temp = vscode.Uri.joinPath(this.dir, `${INDEX}.tmp`);
        await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(indexText(this.tool, index.values())));
        await vscode.workspace.fs.rename(temp, vscode.Uri.joinPath(this.dir, INDEX), { overwrite: true });
      }
      if (!this.swept) await this.sweep(index);
    } catch (e) {
      // the storage cannot be written: the cache stays in memory; results are not affected
      this.queue.clear();
      this.lastError = String((e as Error)?.message ?? e);
      this.opts.log?.warn(
        vscode.l10n.t('Review Grader: cannot write the grading cache ({0}); results are not affected.', String((e as Error)?.message ?? e)),
      );
    }
  }

  /** Once a session: files the index does not list (another window's, an interrupted write) are deleted. */
  private async sweep(index: Map<string, IndexedEntry>): Promise<void> {
    this.swept = true;
    const listed = await vscode.workspace.fs.readDirectory(this.dir).then(undefined, () => [] as [string, vscode.FileType][]);
    for (const [name] of listed) {
      if (name === INDEX) continue;
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!index.has(id)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.dir, name)).then(undefined, () => undefined);
    }
  }
}
