// The finisher: text files minified and compressed once then taken from the cache, files with nothing to finish never stored.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_DIR, CacheStore } from "../../src/core/build/cache.ts";
import { Finisher } from "../../src/core/output/finish.ts";
import { tempDir } from "../helpers/project.ts";

async function storedEntries(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, CACHE_DIR), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("Finisher", () => {
  let finisher: Finisher | undefined;
  afterEach(async () => finisher?.close());

  it("gives a file with nothing to finish as it is, without storing a copy of it", async () => {
    const root = await tempDir();
    finisher = new Finisher(new CacheStore(root));
    const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const finished = await finisher.finish(picture, { html: false, compressible: false });
    expect(finished.forms).toEqual([["", picture]]);
    expect(finished.key).toBe(finisher.keyOf(picture, { html: false, compressible: false }));
    expect(await storedEntries(root)).toEqual([]);
  });

  it("stores a text file's finished forms, and gives the same ones back from the cache", async () => {
    const root = await tempDir();
    finisher = new Finisher(new CacheStore(root));
    const text = Buffer.from("body { color: black; }\n".repeat(200));
    const first = await finisher.finish(text, { html: false, compressible: true });
    expect(first.forms.map(([variant]) => variant)).toEqual(["", ".gz", ".br"]);
    expect((await storedEntries(root)).length).toBe(3);
    const again = await finisher.finish(text, { html: false, compressible: true });
    expect(again).toEqual(first);
  });
});
