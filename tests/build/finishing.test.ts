// The production finishing step: compressed copies that decompress to their file, and stored finished files that rebuild the same site.
import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { CACHE_DIR } from "../../src/core/build/cache.ts";
import { copyProject, runBuild } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const file of await listFiles(dir)) entries[path.relative(dir, file)] = createHash("sha256").update(await readFile(file)).digest("hex");
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

describe("finished files kept between builds", () => {
  it("rebuild a byte-identical site from the store, linked rather than rewritten, and again once the store is gone", async () => {
    const root = await copyProject();
    const builds: Record<string, string>[] = [];
    for (const [output, clearStore] of [["_site-cold", false], ["_site-warm", false], ["_site-cleared", true]] as const) {
      if (clearStore) await rm(path.join(root, CACHE_DIR), { recursive: true });
      const result = await runBuild(root, output);
      expect(result.code, result.stderr).toBe(0);
      builds.push(await snapshot(path.join(root, output)));
    }
    const [cold, warm, cleared] = builds;
    expect(Object.keys(cold!).length).toBeGreaterThan(200);
    expect(warm).toEqual(cold);
    expect(cleared).toEqual(cold);

    // A page of the warm build shares its file with the store and with the cold build: nothing was written again.
    expect((await stat(path.join(root, "_site-warm/fr/index.html"))).ino).toBe((await stat(path.join(root, "_site-cold/fr/index.html"))).ino);
    // Once the store was deleted, the next build wrote its own files.
    expect((await stat(path.join(root, "_site-cleared/fr/index.html"))).ino).not.toBe((await stat(path.join(root, "_site-cold/fr/index.html"))).ino);
  });
});
