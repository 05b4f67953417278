// The production finishing step: compressed copies that decompress to their file, and stored finished files that rebuild the same site.
import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { CACHE_DIR } from "../../src/core/build/cache.ts";
import { copyProject, runScript } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const file of await listFiles(dir))
    entries[path.relative(dir, file)] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  return entries;
}

describe("precompressed copies", () => {
  it("decompress, every one, to the file beside them", async () => {
    const siteDir = inject("siteDir");
    const files = await listFiles(siteDir);
    const copies = files.filter((file) => /\.(gz|br)$/.test(file));
    expect(copies.length).toBeGreaterThan(100);
    for (const copy of copies) {
      const original = await readFile(copy.replace(/\.(gz|br)$/, ""));
      const data = await readFile(copy);
      const decompressed = copy.endsWith(".gz") ? gunzipSync(data) : brotliDecompressSync(data);
      expect(decompressed.equals(original), path.relative(siteDir, copy)).toBe(true);
      expect(data.length, path.relative(siteDir, copy)).toBeLessThan(original.length);
    }
  });
});

/** Inodes of every file under `dir`. */
async function inodes(dir: string): Promise<Set<number>> {
  return new Set(await Promise.all((await listFiles(dir)).map(async (file) => (await stat(file)).ino)));
}

describe("finished files kept between builds", () => {
  it("rebuild a byte-identical site: unchanged files linked from the previous release, never from the cache, and again from an empty cache", async () => {
    const root = await copyProject();
    const builds: Record<string, string>[] = [];
    const pages: number[] = [];
    for (const args of [[], [], ["--full"]]) {
      if (args.length) await rm(path.join(root, CACHE_DIR), { recursive: true });
      const result = await runScript(root, "src/cli/build.ts", ["--output", "_site", ...args]);
      expect(result.code, result.stderr).toBe(0);
      builds.push(await snapshot(path.join(root, "_site")));
      pages.push((await stat(path.join(root, "_site/fr/index.html"))).ino);
    }
    const [cold, warm, full] = builds;
    expect(Object.keys(cold!).length).toBeGreaterThan(200);
    expect(warm).toEqual(cold);
    expect(full).toEqual(cold);
    // The second build linked its unchanged files from the first release; --full (and an empty cache) wrote them again.
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).not.toBe(pages[1]);
    // No published file shares its inode with a cache entry: editing the cache can never change the site.
    const cached = await inodes(path.join(root, CACHE_DIR));
    expect([...(await inodes(path.join(root, "_site")))].filter((ino) => cached.has(ino))).toEqual([]);
  });
});
