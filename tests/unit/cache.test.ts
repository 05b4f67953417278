// The build cache: entries keyed by content and code version, written whole, pruned when unused for a month.
import { readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_DIR, CACHE_MAX_AGE_MS, ContentCache, pruneCache } from "../../src/core/build/cache.ts";
import { tempDir } from "../helpers/project.ts";

const DAY_MS = 24 * 3600 * 1000;

async function entryFiles(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, CACHE_DIR), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("ContentCache", () => {
  it("gives back what was stored under a key that changes with the input and the version", async () => {
    const root = await tempDir();
    const cache = new ContentCache(root, "test", "v1");
    const key = cache.key("# Titre");
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, "<h1>Titre</h1>");
    expect((await cache.get(key))?.toString()).toBe("<h1>Titre</h1>");
    expect(cache.key("# Title")).not.toBe(key);
    expect(new ContentCache(root, "test", "v2").key("# Titre")).not.toBe(key);
    // Written under a temporary name then renamed: no temporary file is left behind.
    expect((await entryFiles(root)).filter((file) => file.endsWith(".tmp"))).toEqual([]);
  });

  it("stores the same entry written twice at once", async () => {
    const root = await tempDir();
    const cache = new ContentCache(root, "test", "v1");
    const key = cache.key("same");
    await Promise.all([cache.set(key, "a"), cache.set(key, "a")]);
    expect((await cache.get(key))?.toString()).toBe("a");
  });

  it("makes each folder once, and again when it went during the build (the cache deleted meanwhile)", async () => {
    const root = await tempDir();
    const cache = new ContentCache(root, "test", "v1");
    await cache.set(cache.key("first"), "1");
    await rm(path.join(root, CACHE_DIR), { recursive: true });
    const again = cache.key("first");
    await cache.set(again, "1 again");
    expect((await cache.get(again))?.toString()).toBe("1 again");
  });
});

describe("pruneCache", () => {
  it("deletes entries unused for a month, keeps the ones read since, and runs at most once a day", async () => {
    const root = await tempDir();
    const cache = new ContentCache(root, "test", "v1");
    const [stale, used, fresh] = ["stale", "used", "fresh"].map((input) => cache.key(input));
    for (const key of [stale!, used!, fresh!]) await cache.set(key, key);
    const old = new Date(Date.now() - CACHE_MAX_AGE_MS - DAY_MS);
    for (const key of [stale!, used!]) {
      const file = (await entryFiles(root)).find((name) => name.endsWith(key))!;
      await utimes(file, old, old);
    }
    // Reading an entry marks it as used.
    await cache.get(used!);

    expect(await pruneCache(root)).toBe(1);
    expect(await cache.get(stale!)).toBeUndefined();
    expect((await cache.get(used!))?.toString()).toBe(used);
    expect((await cache.get(fresh!))?.toString()).toBe(fresh);

    // Within a day of the last pruning, nothing is walked, even entries that are now old.
    const usedFile = (await entryFiles(root)).find((name) => name.endsWith(used!))!;
    await utimes(usedFile, old, old);
    expect(await pruneCache(root)).toBe(0);
    expect(await pruneCache(root, Date.now() + DAY_MS + 1000)).toBe(1);
    expect((await stat(path.join(root, CACHE_DIR))).isDirectory()).toBe(true);
  });

  it("marks a hit as used only when its time is more than an hour old, not at every read", async () => {
    const root = await tempDir();
    const cache = new ContentCache(root, "test", "v1");
    const key = cache.key("entry");
    await cache.set(key, "entry");
    const file = (await entryFiles(root)).find((name) => name.endsWith(key))!;
    const recent = new Date(Date.now() - 10 * 60 * 1000);
    await utimes(file, recent, recent);
    expect((await cache.get(key))?.toString()).toBe("entry");
    expect(Math.round((await stat(file)).mtimeMs)).toBe(recent.getTime());
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(file, hoursAgo, hoursAgo);
    await cache.get(key);
    expect((await stat(file)).mtimeMs).toBeGreaterThan(Date.now() - 60 * 1000);
  });

  it("does nothing when there is no cache yet", async () => {
    const root = await tempDir();
    expect(await pruneCache(root)).toBe(0);
  });
});
