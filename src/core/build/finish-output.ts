// Production finishing of written files: pages minified, gzip and brotli copies of each text file, all kept in a store and hard-linked into the site.
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { MINIFY_OPTIONS } from "./minify-options.ts";
import { ContentCache, codeVersion } from "./cache.ts";
import { COMPRESSIBLE, PRECOMPRESSED, compressedCopies } from "./precompress.ts";
import { WorkerPool } from "./worker-pool.ts";
import { mapWithConcurrency } from "./concurrency.ts";

/** Files handled at a time: every core and the disk stay busy while memory stays bounded. */
const IN_FLIGHT = 32;

/** Everything a finished file depends on besides its content: libraries, options and the code that makes it. */
const FINISHING_VERSION = [
  codeVersion(["html-minifier-terser"], [new URL("./worker.mjs", import.meta.url), new URL("./precompress.ts", import.meta.url)]),
  JSON.stringify(MINIFY_OPTIONS),
  `zlib ${process.versions.zlib}`,
  // Node does not report its brotli version: a sample's compressed bytes stand for it.
  brotliCompressSync("tract").toString("base64"),
].join("\n");

/**
 * Writes files in their final production form. A file's finished forms (minified, .gz, .br) are stored once, by
 * content, in `.cache/tract/finished/` and hard-linked into the site: an unchanged page costs one hash and three
 * links, with no minification, compression, read or write. That is what keeps rebuilding thousands of pages
 * cheap, as writing ~14,000 files was the largest cost of a 4000-post build on a small server's disk.
 */
export class OutputFinisher {
  private pool: WorkerPool | undefined;
  private readonly store: ContentCache;
  private readonly folders = new Set<string>();

  constructor(root: string) {
    this.store = new ContentCache(root, "finished", FINISHING_VERSION);
  }

  /** Workers start on the first file that needs one: a rebuild whose files are all stored needs none. */
  private workers(): WorkerPool {
    return (this.pool ??= new WorkerPool());
  }

  private async folderFor(file: string): Promise<void> {
    const folder = path.dirname(file);
    if (this.folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.folders.add(folder);
  }

  /** Puts the finished forms of `content` at `file`, `file.gz` and `file.br` (replacing what is there). */
  async write(file: string, content: Buffer): Promise<void> {
    const html = file.endsWith(".html");
    const key = this.store.key(Buffer.concat([Buffer.from(html ? "html\0" : "text\0"), content]));
    await this.folderFor(file);
    if (await this.store.linkTo(key, file)) {
      await Promise.all(PRECOMPRESSED.map((extension) => this.store.linkTo(key + extension, file + extension)));
      return;
    }
    const finished = await this.finish(key, content, html, COMPRESSIBLE.test(file));
    // Linked like the files of later builds; written out if a link cannot be made (the store is only a cache).
    await Promise.all(
      finished.map(async ([extension, data]) => {
        if (await this.store.linkTo(key + extension, file + extension)) return;
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file + extension, data);
      }),
    );
  }

  /** Minifies and compresses, and stores the results: the copies first, so that a stored file always has its copies. */
  private async finish(key: string, content: Buffer, html: boolean, compressible: boolean): Promise<[string, Uint8Array][]> {
    const final = html ? Buffer.from((await this.workers().run("minify", { html: content.toString("utf8"), options: MINIFY_OPTIONS })).html) : content;
    const copies = compressible ? await compressedCopies(final, this.workers()) : [];
    for (const [extension, data] of copies) await this.store.set(key + extension, data);
    await this.store.set(key, final);
    return [["", final], ...copies];
  }

  /** Finishes every text file of `dir` that is not finished yet (pages written through `write` already are). */
  async finishTree(dir: string): Promise<void> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !PRECOMPRESSED.some((extension) => existsSync(file + extension)));
    for (const file of files) this.folders.add(path.dirname(file));
    await mapWithConcurrency(files, IN_FLIGHT, async (file) => this.write(file, await readFile(file)));
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
