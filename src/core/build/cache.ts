// A cache of derived files on disk, keyed by the hash of everything they are made from, each entry checked before it is reused.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fstatSync, futimesSync, openSync, readFileSync } from "node:fs";
import { chmod, mkdir, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/** Where tract keeps its caches, in the project (never published, safe to delete). */
export const CACHE_DIR = ".cache/tract";

/** How old an entry's time may be before a hit marks it used again: far below the month pruning waits for. */
const USED_MARK_MS = 3600 * 1000;

/** Every entry starts with the SHA-256 of what follows: a truncated, replaced or edited entry is detected and made again. */
const DIGEST_BYTES = 32;

/** Folders and files the cache writes: readable by everyone whatever the umask, like the site made from them. */
const FOLDER_MODE = 0o755;
const FILE_MODE = 0o644;

/** Sets the entry's times to `now`; an entry that cannot be marked (a read-only cache) is still used. */
function markUsed(descriptor: number, now: number): void {
  try {
    futimesSync(descriptor, now / 1000, now / 1000);
  } catch {
    // Pruned sooner, at worst.
  }
}

function digest(data: Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

export class ContentCache {
  private readonly dir: string;

  /** `version` names everything besides the input that shapes the output (library version, options). */
  constructor(
    root: string,
    namespace: string,
    private readonly version: string,
    /** The folders of entries made so far, shared by the namespaces of one store: each is made once per build. */
    private readonly folders = new Map<string, Promise<unknown>>(),
  ) {
    this.dir = path.join(root, CACHE_DIR, namespace);
  }

  key(input: string | Uint8Array): string {
    return createHash("sha256").update(this.version).update("\0").update(input).digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), key);
  }

  /**
   * The stored data, checked against its digest; a damaged entry is deleted and reported missing. A hit marks the
   * entry as used, so that pruning keeps it: only when it was last marked more than `USED_MARK_MS` ago, as marking
   * every hit cost a system call per entry (thousands per build) for a pruning that counts in days. Read
   * synchronously: at 4000 documents, going through libuv's thread pool four times per entry took 1.4–1.9 s
   * against 0.6 s.
   */
  async get(key: string): Promise<Buffer | undefined> {
    const file = this.file(key);
    let stored: Buffer | undefined;
    let descriptor: number | undefined;
    try {
      descriptor = openSync(file, "r");
      const status = fstatSync(descriptor);
      stored = readFileSync(descriptor);
      const now = Date.now();
      if (now - status.mtimeMs > USED_MARK_MS) markUsed(descriptor, now);
    } catch {
      // Missing, or unreadable (replaced by a folder, say): made again, as a missing entry.
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
    if (!stored) return undefined;
    const data = stored.subarray(DIGEST_BYTES);
    if (stored.length < DIGEST_BYTES || !digest(data).equals(stored.subarray(0, DIGEST_BYTES))) {
      await rm(file, { force: true });
      return undefined;
    }
    return data;
  }

  /** The stored result for `key`, made by `make` and stored when there is none yet. */
  async remember(key: string, make: () => Promise<string | Uint8Array>): Promise<Buffer> {
    const stored = await this.get(key);
    if (stored) return stored;
    const made = await make();
    const data =
      typeof made === "string" ? Buffer.from(made) : Buffer.from(made.buffer, made.byteOffset, made.byteLength);
    await this.set(key, data);
    return data;
  }

  private folderOf(file: string): Promise<unknown> {
    const folder = path.dirname(file);
    let made = this.folders.get(folder);
    if (!made) this.folders.set(folder, (made = mkdir(folder, { recursive: true, mode: FOLDER_MODE })));
    return made;
  }

  /** Written under a temporary name, then renamed: a build stopped halfway never leaves a truncated entry, and a failed write (a full disk) fails the build. */
  async set(key: string, data: string | Uint8Array): Promise<void> {
    const file = this.file(key);
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    await this.folderOf(file);
    // Unique per write: two identical inputs in one build may write the same entry at the same time.
    const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      const stored = Buffer.concat([digest(bytes), bytes]);
      await writeFile(temporary, stored, { mode: FILE_MODE }).catch(async (error: NodeJS.ErrnoException) => {
        // The folder went since it was made (the cache was pruned or deleted meanwhile): made again, once.
        if (error.code !== "ENOENT") throw error;
        this.folders.delete(path.dirname(file));
        await this.folderOf(file);
        await writeFile(temporary, stored, { mode: FILE_MODE });
      });
      await chmod(temporary, FILE_MODE);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

/** The caches of one project, one namespace per kind of result. */
export class CacheStore {
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(readonly root: string) {}

  namespace(name: string, version: string): ContentCache {
    return new ContentCache(this.root, name, version, this.folders);
  }
}

/** Entries unused for this long are deleted: an archive edited for years must not grow its cache forever. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** Pruning walks every entry, so it runs at most once a day. */
const PRUNE_INTERVAL_MS = 24 * 3600 * 1000;
const PRUNE_MARKER = "last-pruned";

/** Deletes cache entries not used (read or written) for `maxAgeMs`; returns how many went. */
export async function pruneCache(root: string, now = Date.now(), maxAgeMs = CACHE_MAX_AGE_MS): Promise<number> {
  const dir = path.join(root, CACHE_DIR);
  const marker = path.join(dir, PRUNE_MARKER);
  const lastPruned = await stat(marker).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
  if (lastPruned !== undefined && now - lastPruned < PRUNE_INTERVAL_MS) return 0;
  let removed = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === PRUNE_MARKER) continue;
    const file = path.join(entry.parentPath, entry.name);
    // Another build sharing the cache may have renamed or removed it since the listing.
    const status = await stat(file).catch(() => undefined);
    if (status && now - status.mtimeMs > maxAgeMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  await mkdir(dir, { recursive: true, mode: FOLDER_MODE });
  await writeFile(marker, "", { mode: FILE_MODE });
  await utimes(marker, new Date(now), new Date(now));
  return removed;
}

/** An installed package's version: from its package.json, or found from its entry point when it does not export that file. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // Packages with an `exports` map may hide package.json: look for it where Node looks for packages, then above
    // their entry point (the map may also lack an entry for require(), as Pagefind's does).
  }
  for (const folder of require.resolve.paths(name) ?? []) {
    const manifest = path.join(folder, name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  }
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, "utf8")) as {
        name?: string;
        version?: string;
      };
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
