// A cache of derived files on disk, keyed by the hash of everything they are made from, so a rebuild redoes only what changed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
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

  /** A hit marks the entry as used, so that pruning keeps it. */
  async get(key: string): Promise<Buffer | undefined> {
    const file = this.file(key);
    const data = await readFile(file).catch(() => undefined);
    if (data) {
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
    }
    return data;
  }

  /** The stored result for `key`, made by `make` and stored when there is none yet. */
  async remember(key: string, make: () => Promise<string | Uint8Array>): Promise<Buffer> {
    const stored = await this.get(key);
    if (stored) return stored;
    const made = await make();
    await this.set(key, made);
    return Buffer.isBuffer(made) ? made : Buffer.from(made);
  }

  /**
   * Puts the stored entry at `target` as a hard link: no read, no write, one file-system operation. Entries are
   * never changed in place (a new one is renamed over), so an output linked to one stays as it was written.
   * Returns false when there is no such entry. Where links are impossible (another file system), it copies.
   */
  async linkTo(key: string, target: string): Promise<boolean> {
    const entry = this.file(key);
    try {
      await link(entry, target);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return false;
      if (code === "EEXIST") {
        await rm(target, { force: true });
        return this.linkTo(key, target);
      }
      if (code === "EXDEV" || code === "EPERM" || code === "ENOTSUP" || code === "EMLINK") {
        return copyFile(entry, target).then(() => true, () => false);
      }
      throw error;
    }
  }

  /** Written under a temporary name first: a build stopped halfway never leaves a truncated entry. */
  async set(key: string, data: string | Uint8Array): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Unique per write: two identical inputs in one build write the same entry at the same time.
    const temporary = `${file}.${process.pid}.${++writes}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, file);
  }
}

/** Entries unused for this long are deleted: an archive edited for years must not grow its cache forever. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** Pruning walks every entry, so it runs at most once a day. */
const PRUNE_INTERVAL_MS = 24 * 3600 * 1000;
const PRUNE_MARKER = "last-pruned";

/** Deletes cache entries not used (read, written or linked into the site) for `maxAgeMs`; returns how many went. */
export async function pruneCache(root: string, now = Date.now(), maxAgeMs = CACHE_MAX_AGE_MS): Promise<number> {
  const dir = path.join(root, CACHE_DIR);
  const marker = path.join(dir, PRUNE_MARKER);
  const lastPruned = await stat(marker).then((s) => s.mtimeMs, () => undefined);
  if (lastPruned !== undefined && now - lastPruned < PRUNE_INTERVAL_MS) return 0;
  let removed = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === PRUNE_MARKER) continue;
    const file = path.join(entry.parentPath, entry.name);
    // Another build sharing the cache may have renamed or removed it since the listing.
    const status = await stat(file).catch(() => undefined);
    // An entry linked into the published site (more than one link) is in use, however old.
    if (status && status.nlink === 1 && now - status.mtimeMs > maxAgeMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  await mkdir(dir, { recursive: true });
  await writeFile(marker, "");
  await utimes(marker, new Date(now), new Date(now));
  return removed;
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
