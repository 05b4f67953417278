// The search index: Pagefind run on the published pages the writer hands over, its bundle published as outputs, kept by content in the cache.
import { createHash } from "node:crypto";
import pMap from "p-map";
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import { type Derivation, type Output, type WrittenContent, isHtml } from "../../core/output/output.ts";
import { type BundleFile, bundleOutputs, packBundle, publishedFiles, unpackBundle } from "./bundle.ts";

/** The mark templates put on a page's main content: Pagefind indexes that element, and pages without it not at all. */
const BODY_MARK = "data-pagefind-body";

/** Pages handed to Pagefind's process at a time: it parses them in parallel while the next ones are sent. */
const IN_FLIGHT = 8;

/** What the index depends on besides the pages: Pagefind's version and this code. */
const INDEX_VERSION = codeVersion(["pagefind"], [new URL(import.meta.url), new URL("./bundle.ts", import.meta.url)]);

interface Page {
  url: string;
  content: Buffer;
}

/** Pagefind's index of `pages`, in the order given (its files are then the same for the same pages). */
async function runPagefind(pages: readonly Page[]): Promise<BundleFile[]> {
  // Imported as ESM whatever loads this module: Pagefind's package has no entry for require().
  const pagefind = await import("pagefind");
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind did not start: ${created.errors.join("; ")}`);
  try {
    await pMap(
      pages,
      async (page) => {
        const added = await index.addHTMLFile({ url: page.url, content: page.content.toString("utf8") });
        if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
      },
      { concurrency: IN_FLIGHT },
    );
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
    return publishedFiles(bundle.files.map((file) => ({ path: file.path, content: Buffer.from(file.content) })));
  } finally {
    // Pagefind's process holds the whole index in memory: stopped as soon as its files are out.
    await pagefind.close();
  }
}

/**
 * Notes every HTML page the build writes, by its content key; once all are written, takes the bundle from the cache
 * when the same pages were indexed before, or reads back those marked for search and makes it. Pages are not kept in
 * memory meanwhile, and an unchanged site reads none. Drafts and embargoed posts are no pages of a production build,
 * so they cannot reach the index.
 */
export class SearchIndex implements Derivation {
  readonly origin = { feature: "search" };
  private readonly pages: { url: string; file: WrittenContent }[] = [];

  constructor(private readonly context: BuildContext) {}

  reads(output: Output): boolean {
    return isHtml(output.type);
  }

  read(output: Output, file: WrittenContent): void {
    this.pages.push({ url: output.url, file });
  }

  async outputs(): Promise<Output[]> {
    const pages = this.pages.splice(0).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const cache = this.context.cache.namespace("search", INDEX_VERSION);
    const digest = createHash("sha256");
    for (const page of pages) digest.update(page.url).update("\0").update(page.file.key).update("\0");
    const packed = await cache.remember(cache.key(digest.digest()), async () => {
      const marked = await pMap(pages, async ({ url, file }) => ({ url, content: await file.content() }), {
        concurrency: IN_FLIGHT,
      });
      return packBundle(await runPagefind(marked.filter((page) => page.content.includes(BODY_MARK))));
    });
    return bundleOutputs(unpackBundle(packed));
  }
}
