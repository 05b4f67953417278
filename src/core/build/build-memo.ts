// Results kept from one build to the next in the same process (the preview's rebuilds), dropped once a build no longer uses them.

/**
 * A map whose entries live as long as builds keep asking for them: each build starts a new generation, and what
 * the previous build did not use is forgotten, so a long preview session never grows it.
 */
export class BuildMemo<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  get(key: K, compute: () => V): V {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key) ?? compute();
      this.current.set(key, value);
    }
    return value;
  }

  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** The memos of one process: a one-off build uses them once, the preview across its rebuilds. */
export class BuildSession {
  private readonly memos = new Map<string, BuildMemo<unknown, unknown>>();
  private readonly kept = new Map<string, unknown>();

  /** State that lasts as long as the session (e.g. what the preview last wrote), made by `create` the first time. */
  keep<T>(name: string, create: () => T): T {
    if (!this.kept.has(name)) this.kept.set(name, create());
    return this.kept.get(name) as T;
  }

  /** The memo named `name` (one per kind of result: formatted dates, absolute feed HTML, packed ZIPs…). */
  memo<K, V>(name: string): BuildMemo<K, V> {
    let memo = this.memos.get(name);
    if (!memo) this.memos.set(name, (memo = new BuildMemo()));
    return memo as BuildMemo<K, V>;
  }

  /** Called as each build starts: what the previous build did not use is dropped. */
  nextBuild(): void {
    for (const memo of this.memos.values()) memo.nextGeneration();
  }
}
