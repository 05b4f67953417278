// Production finishing of an output: HTML minified, gzip and brotli copies of text files, on a worker pool, kept by content in the cache.
import { availableParallelism } from "node:os";
import { brotliCompressSync } from "node:zlib";
import { Piscina } from "piscina";
import { codeVersion, type ContentCache, type CacheStore } from "../build/cache.ts";
import { MINIFY_OPTIONS } from "./minify-options.ts";

/** The extensions of the compressed copies, beside the file: what nginx's gzip_static and brotli_static look for. */
export const PRECOMPRESSED = [".gz", ".br"] as const;
export type Variant = "" | (typeof PRECOMPRESSED)[number];

/**
 * Brotli quality 6: measured on the sample site's pages, 0.15 ms per file against 5.9 ms at quality 11,
 * for output 12% larger; at thousands of pages, quality 11 would dominate the whole build.
 */
const BROTLI_QUALITY = 6;

const WORKER = new URL("./worker.mjs", import.meta.url);

/** Everything a finished file depends on besides its content: libraries, options and the code that makes it. */
const FINISHING_VERSION = [
  codeVersion(["html-minifier-terser"], [WORKER, new URL("./finish.ts", import.meta.url)]),
  JSON.stringify(MINIFY_OPTIONS),
  `zlib ${process.versions.zlib}`,
  // Node does not report its brotli version: a sample's compressed bytes stand for it.
  brotliCompressSync("tract").toString("base64"),
].join("\n");

/** A file in its final forms: the file itself, and its compressed copies worth sending. */
export interface Finished {
  /** Identifies the finished forms: the hash of the content as produced, and of how it is finished. */
  key: string;
  forms: [Variant, Buffer][];
}

export interface FinishOptions {
  html: boolean;
  compressible: boolean;
}

/**
 * Finishes files and keeps the results by content in `.cache/tract/finished/`: an unchanged page is minified and
 * compressed once, then read back (each entry checked against its digest). Workers start only when one is needed.
 */
export class Finisher {
  private pool: Piscina | undefined;
  private readonly store: ContentCache;

  constructor(cache: CacheStore) {
    this.store = cache.namespace("finished", FINISHING_VERSION);
  }

  private workers(): Piscina {
    // No `--import tsx` in the workers: they run plain JavaScript, and starting tsx in each would cost time.
    return (this.pool ??= new Piscina({
      filename: WORKER.href,
      maxThreads: availableParallelism(),
      minThreads: 1,
      execArgv: [],
    }));
  }

  keyOf(content: Uint8Array, options: FinishOptions): string {
    return this.store.key(Buffer.concat([Buffer.from(`${options.html ? "html" : "file"}\0`), content]));
  }

  /** `key` is `keyOf(content, options)`, given when the caller has it already (the writer does, to compare it first). */
  async finish(content: Buffer, options: FinishOptions, key = this.keyOf(content, options)): Promise<Finished> {
    // Nothing to minify nor compress (a picture, a search index fragment): the file is its only form, and storing a
    // copy of it would only cost a read or a write per file at every build.
    if (!options.html && !options.compressible) return { key, forms: [["", content]] };
    const variants: Variant[] = options.compressible ? ["", ...PRECOMPRESSED] : [""];
    const stored = await Promise.all(variants.map((variant) => this.store.get(key + variant)));
    if (stored.every((data) => data !== undefined)) {
      // A copy is stored empty when it would not be smaller than the file: a server would gain nothing from it.
      return {
        key,
        forms: variants
          .map((variant, index) => [variant, stored[index] as Buffer] as [Variant, Buffer])
          .filter(([, data]) => data.length > 0),
      };
    }
    const main = options.html
      ? Buffer.from(
          (await this.workers().run(
            { html: content.toString("utf8"), options: MINIFY_OPTIONS },
            { name: "minify" },
          )) as string,
        )
      : content;
    const forms: [Variant, Buffer][] = [["", main]];
    if (options.compressible) {
      const { gz, br } = (await this.workers().run(
        { content: main, brotliQuality: BROTLI_QUALITY },
        { name: "compress" },
      )) as { gz: Uint8Array; br: Uint8Array };
      for (const [variant, data] of [
        [".gz", gz],
        [".br", br],
      ] as const) {
        const copy =
          data.length < main.length ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.alloc(0);
        await this.store.set(key + variant, copy);
        if (copy.length) forms.push([variant, copy]);
      }
    }
    // The file last: a stored file always has its copies.
    await this.store.set(key, main);
    return { key, forms };
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
