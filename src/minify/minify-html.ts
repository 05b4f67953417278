// HTML minification of production pages (html-minifier-terser): cached by content, computed on the worker pool otherwise.
import { ContentCache, packageVersion } from "../build/cache.ts";
import type { WorkerPool } from "../build/worker-pool.ts";
import { MINIFY_OPTIONS } from "./options.ts";

export class HtmlMinifier {
  private readonly cache: ContentCache;

  constructor(
    root: string,
    private readonly pool: () => WorkerPool,
  ) {
    this.cache = new ContentCache(root, "minified-html", `html-minifier-terser ${packageVersion("html-minifier-terser")} ${JSON.stringify(MINIFY_OPTIONS)}`);
  }

  /** A page minified by an earlier build comes from the cache: minifying is the costliest step per page. */
  async minify(html: Buffer): Promise<Buffer> {
    const key = this.cache.key(html);
    const cached = await this.cache.get(key);
    if (cached) return cached;
    const minified = Buffer.from((await this.pool().run("minify", { html: html.toString("utf8"), options: MINIFY_OPTIONS })).html);
    await this.cache.set(key, minified);
    return minified;
  }
}
