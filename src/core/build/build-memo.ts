// Results kept from one build to the next in the same process (the preview's rebuilds), dropped once a build no longer uses them.
const memos: BuildMemo<unknown, unknown>[] = [];

/**
 * A map whose entries live as long as builds keep asking for them: each build starts a new generation, and what
 * the previous build did not use is forgotten, so a long preview session never grows it.
 */
export class BuildMemo<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor() {
    memos.push(this as BuildMemo<unknown, unknown>);
  }

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

/** Called as each build starts (eleventy.before). */
export function startBuildMemos(): void {
  for (const memo of memos) memo.nextGeneration();
}
