// A cache of derived files on disk, keyed by the hash of everything they are made from, so a rebuild redoes only what changed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** Where tract keeps its caches, in the project (never published, safe to delete). */
export const CACHE_DIR = ".cache/tract";

let writes = 0;

export class ContentCache {
  private readonly dir: string;

  /** `version` names everything besides the input that shapes the output (library version, options). */
  constructor(
    root: string,
    namespace: string,
    private readonly version: string,
  ) {
    this.dir = path.join(root, CACHE_DIR, namespace);
  }

  key(input: string | Buffer): string {
    return createHash("sha256").update(this.version).update("\0").update(input).digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async get(key: string): Promise<Buffer | undefined> {
    return readFile(this.file(key)).catch(() => undefined);
  }

  /** Written under a temporary name first: a build stopped halfway never leaves a truncated entry. */
  async set(key: string, data: string | Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Unique per write: two identical inputs in one build write the same entry at the same time.
    const temporary = `${file}.${process.pid}.${++writes}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
  }
}

/** An installed package's version: from its package.json, or found from its entry point when it does not export that file. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // Packages with an `exports` map may hide package.json: look for it above their entry point.
  }
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (found === name && version) return version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json found for ${name}`);
    dir = parent;
  }
}

/**
 * What a cached result depends on besides its input: library versions and the source of the modules that
 * compute it, so that changing tract's own code never serves a stale result.
 */
export function codeVersion(packages: string[], modules: URL[]): string {
  const hash = createHash("sha256");
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}\0`);
  for (const module of modules) hash.update(readFileSync(module)).update("\0");
  return hash.digest("hex");
}
