// The production finishing step: compressed copies that decompress to their file, and stored finished files that rebuild the same site.
import { createHash } from "node:crypto";
import { appendFile, readFile, rm, stat } from "node:fs/promises";
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
    const [first, again, full] = builds;
    expect(Object.keys(first!).length).toBeGreaterThan(200);
    expect(again).toEqual(first);
    expect(full).toEqual(first);
    // The second build linked its unchanged files from the first release; --full (and an empty cache) wrote them again.
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).not.toBe(pages[1]);
    // No published file shares its inode with a cache entry: editing the cache can never change the site.
    const cached = await inodes(path.join(root, CACHE_DIR));
    expect([...(await inodes(path.join(root, "_site")))].filter((ino) => cached.has(ino))).toEqual([]);
  });

  it("are not reused once edited or deleted in the last release: those are made again, the others linked", async () => {
    const root = await copyProject();
    const site = path.join(root, "_site");
    const build = async (...args: string[]) => {
      const result = await runScript(root, "src/cli/build.ts", ["--output", "_site", ...args]);
      expect(result.code, result.stderr).toBe(0);
    };
    await build();
    // Someone edits a page on the server, deletes a compressed copy and lengthens another; then a post's text changes,
    // which none of those pages shows, so that a build runs and would link them.
    await appendFile(path.join(site, "fr/index.html"), "<p>ajouté à la main</p>");
    await rm(path.join(site, "en/index.html.br"));
    await appendFile(path.join(site, "fr/a-propos/index.html.gz"), "x");
    const untouched = (await stat(path.join(site, "fr/agenda/index.html"))).ino;
    await appendFile(path.join(root, "posts/en/ai-coal-comeback.md"), "\nOne more sentence, for the test.\n");
    await build();
    const incremental = await snapshot(site);
    expect((await stat(path.join(site, "fr/agenda/index.html"))).ino).toBe(untouched);
    await build("--full");
    expect(incremental).toEqual(await snapshot(site));
  });
});
