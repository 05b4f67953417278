// The search index: Pagefind run on the published pages the writer hands over, its bundle published as outputs, kept by content in the cache.
import { createHash } from "node:crypto";
import pMap from "p-map";
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import { type Derivation, type Output, type WrittenContent, isHtml } from "../../core/output/output.ts";
import { type BundleFile, bundleOutputs, mergeBundles, packBundle, publishedFiles, unpackBundle } from "./bundle.ts";

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
export async function runPagefind(pages: readonly Page[]): Promise<BundleFile[]> {
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

/** Pagefind's rule for a page's language: its `<html lang>`, else "unknown". */
function htmlLang(content: Buffer): string {
  return /<html\b[^>]*\slang="?([^"\s>]+)/i.exec(content.subarray(0, 2048).toString("utf8"))?.[1] ?? "unknown";
}

function byUrl(a: { url: string }, b: { url: string }): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Notes every HTML page the build writes, by its content key; once all are written, makes each language's index
 * (Pagefind's indexes of two languages share nothing), taking it from the cache when the same pages were indexed
 * before, or reading back the pages marked for search: an edit re-indexes its own language only. Pages are not kept
 * in memory meanwhile, and an unchanged site reads none. Drafts and embargoed posts are no pages of a production
 * build, so they cannot reach the index.
 */
export class SearchIndex implements Derivation {
  readonly origin = { feature: "search" };
  private readonly pages: { url: string; lang: string; file: WrittenContent }[] = [];

  constructor(private readonly context: BuildContext) {}

  reads(output: Output): boolean {
    return isHtml(output.type);
  }

  async read(output: Output, file: WrittenContent): Promise<void> {
    // A page that does not say its language is opened to find it, as Pagefind would.
    this.pages.push({ url: output.url, lang: output.lang ?? htmlLang(await file.content()), file });
  }

  async outputs(): Promise<Output[]> {
    const languages = new Map<string, typeof this.pages>();
    for (const page of this.pages.splice(0)) {
      const pages = languages.get(page.lang);
      if (pages) pages.push(page);
      else languages.set(page.lang, [page]);
    }
    const bundles: BundleFile[][] = [];
    for (const lang of [...languages.keys()].sort()) {
      const bundle = await this.languageBundle(languages.get(lang)!.sort(byUrl));
      if (bundle) bundles.push(bundle);
    }
    return bundles.length ? bundleOutputs(mergeBundles(bundles)) : [];
  }

  /** One language's index, in the order given (its files are then the same for the same pages); none without a marked page. */
  private async languageBundle(
    pages: readonly { url: string; file: WrittenContent }[],
  ): Promise<BundleFile[] | undefined> {
    const cache = this.context.cache.namespace("search", INDEX_VERSION);
    const digest = createHash("sha256");
    for (const page of pages) digest.update(page.url).update("\0").update(page.file.key).update("\0");
    const packed = await cache.remember(cache.key(digest.digest()), async () => {
      const read = await pMap(pages, async ({ url, file }) => ({ url, content: await file.content() }), {
        concurrency: IN_FLIGHT,
      });
      const marked = read.filter((page) => page.content.includes(BODY_MARK));
      return marked.length ? packBundle(await runPagefind(marked)) : Buffer.alloc(0);
    });
    return packed.length ? unpackBundle(packed) : undefined;
  }
}
