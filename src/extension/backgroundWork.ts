// Which grading goes first, and how round-wide work stays out of the way:
// a grading asked for by an editor feature (the open review's lenses, hover,
// status bar) is foreground; round-wide work (Grade Folder, the other runs of
// a variant) waits until no foreground grading is in flight, and gives the
// event loop back once it has held it for a slice (~20 ms of our own work,
// well under the ~50 ms a host may be blocked), so a lens request that
// arrives meanwhile is answered after at most one run's parse.

export class WorkQueue {
  private foreground = 0;
  private waiting: (() => void)[] = [];

  /** Foreground work starts; call the function returned when it ends. */
  begin(): () => void {
    this.foreground++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.foreground > 0) return;
      const go = this.waiting;
      this.waiting = [];
      for (const resolve of go) resolve();
    };
  }

  /** Resolves once no foreground work is in flight. */
  async idle(): Promise<void> {
    while (this.foreground > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/** Gives the event loop back once `budgetMs` passed since it last did (cheap to call after every item). */
export class Slicer {
  private since = performance.now();

  constructor(private readonly budgetMs = 20) {}

  async pause(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.since = performance.now();
  }
}

/** A promise and the function that settles it, for a value another task hands over later. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void } {
  let resolve!: (value: T | PromiseLike<T>) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
