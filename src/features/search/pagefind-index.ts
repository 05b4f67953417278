// The search index: Pagefind run on the published pages the writer hands over, in parts of each language, its bundle published as outputs, kept by content in the cache.
import { createHash } from "node:crypto";
import pMap from "p-map";
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import { type Derivation, type Output, type WrittenContent, isHtml } from "../../core/output/output.ts";
import {
  type BundleFile,
  type FilterValues,
  LANGUAGES_FILE,
  bundleOutputs,
  filterValues,
  mergeBundles,
  mergeFilterValues,
  packBundle,
  partFiles,
  publishedFiles,
  unpackBundle,
} from "./bundle.ts";

/** The mark templates put on a page's main content: Pagefind indexes that element, and pages without it not at all. */
const BODY_MARK = "data-pagefind-body";

/** Written pages read back at a time, to see whether they are marked for search or to index them. */
const READ_CONCURRENCY = 8;

/**
 * Pages of one language in one part of its index, on average at most: an edit re-indexes its part only, and the
 * reader's browser merges the parts (the WebAssembly once, then a few small files per part). See bench/README.md.
 */
export const PAGES_PER_PART = 500;

/** What the index depends on besides the pages: Pagefind's version and this code. */
const INDEX_VERSION = codeVersion(["pagefind"], [new URL(import.meta.url), new URL("./bundle.ts", import.meta.url)]);

interface Page {
  url: string;
  content: Buffer;
}

/** One part of a language's index: Pagefind's files, and the values of the filters its pages hold. */
interface Part {
  files: BundleFile[];
  filters: FilterValues;
}

/** Kept with a part's files in its cache entry, never published: its filter values. */
const FILTERS_ENTRY = ".filters.json";

/**
 * Pagefind's index of `pages`, in the order given (its files are then the same for the same pages). Pagefind's process
 * stays up for the next index: `closePagefind` stops it.
 */
export async function runPagefind(pages: readonly Page[]): Promise<BundleFile[]> {
  // Imported as ESM whatever loads this module: Pagefind's package has no entry for require().
  const pagefind = await import("pagefind");
  const created = await pagefind.createIndex({});
  const index = created.index;
  if (!index) throw new Error(`Pagefind did not start: ${created.errors.join("; ")}`);
  try {
    // Every page sent at once (a part's pages are in memory already): Pagefind's process reads them at its own pace,
    // and does not wait for a main thread busy with other outputs to send the next few.
    await Promise.all(
      pages.map(async (page) => {
        const added = await index.addHTMLFile({ url: page.url, content: page.content.toString("utf8") });
        if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
      }),
    );
    const bundle = await index.getFiles();
    if (bundle.errors.length) throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
    return publishedFiles(bundle.files.map((file) => ({ path: file.path, content: Buffer.from(file.content) })));
  } finally {
    // Pagefind's process holds the whole index in memory: freed as soon as its files are out.
    await index.deleteIndex();
  }
}

export async function closePagefind(): Promise<void> {
  await (await import("pagefind")).close();
}

/**
 * How many parts a language of `pages` pages has: a power of two, so that the parts change only when it doubles, and
 * enough for `most` pages a part on average (the pages fall in parts by chance: a part may hold a few more).
 */
export function partCount(pages: number, most: number): number {
  let parts = 1;
  while (pages > parts * most) parts *= 2;
  return parts;
}

/** The part of its language's index a page is in: by its address alone, so that an edit never moves a page. */
export function partOf(url: string, parts: number): number {
  return createHash("sha256").update(url).digest().readUInt32BE(0) % parts;
}

/** A page the writer handed over: its address, its language, its content by key. */
interface NotedPage {
  url: string;
  lang: string;
  file: WrittenContent;
}

/** The marks kept by the builds before; none when the entry is missing or not what it should be. */
function parseMarks(stored: Buffer | undefined): Record<string, boolean> {
  try {
    const marks: unknown = JSON.parse(stored?.toString("utf8") ?? "{}");
    if (typeof marks === "object" && marks && Object.values(marks).every((mark) => typeof mark === "boolean"))
      return marks as Record<string, boolean>;
  } catch {
    // Not JSON: read every page again.
  }
  return {};
}

/** What a language may be called, as it names a part's folder (`fr-3/`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** Pagefind's rule for a page's language: its `<html lang>`, else "unknown". */
function htmlLang(content: Buffer): string {
  return /<html\b[^>]*\slang="?([^"\s>]+)/i.exec(content.subarray(0, 2048).toString("utf8"))?.[1] ?? "unknown";
}

function byUrl(a: { url: string }, b: { url: string }): number {
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}

/**
 * Notes every HTML page the build writes, by its content key; once all are written, makes each language's index of
 * the pages marked for search (Pagefind's indexes of two languages share nothing) in parts of about `pagesPerPart`
 * pages at most, each part taken from the cache when the same pages were indexed before, or made by reading them
 * back: an edit re-indexes its own part only. The first part of each language is in the bundle the search page loads;
 * the others are in folders of their own, listed by language in `languages.json` with the values of the language's
 * filters: the page offers those at once, and merges the parts at the first query. Pages are not kept in memory
 * meanwhile. Drafts and embargoed posts are no pages of a production build, so they cannot reach the index.
 */
export class SearchIndex implements Derivation {
  readonly origin = { feature: "search" };
  private readonly pages: NotedPage[] = [];

  constructor(
    private readonly context: BuildContext,
    private readonly pagesPerPart = PAGES_PER_PART,
  ) {}

  reads(output: Output): boolean {
    return isHtml(output.type);
  }

  async read(output: Output, file: WrittenContent): Promise<void> {
    // A page that does not say its language is read for it, as Pagefind would.
    const lang = output.lang ?? htmlLang(await file.content());
    if (!LANGUAGE_TAG.test(lang)) {
      const from = output.origin.file ? ` (from ${output.origin.file})` : "";
      throw new Error(
        `${output.url}${from}: its language ${JSON.stringify(lang)} is not a language tag (expected e.g. fr, pt-BR in <html lang> or _data/languages.yaml)`,
      );
    }
    this.pages.push({ url: output.url, lang, file });
  }

  /**
   * The pages marked for search: only they make the parts, since a new post changes the lists and archives, none of
   * them indexed, and that must not make a part again. Whether a page is marked is known by its content key from
   * the builds before (the same key is the same bytes), so that only new pages are read.
   */
  private async marked(pages: readonly NotedPage[]): Promise<NotedPage[]> {
    const cache = this.context.cache.namespace("search-marks", INDEX_VERSION);
    const entry = cache.key("pages marked for search, by content key");
    const known = new Map(Object.entries(parseMarks(await cache.get(entry))));
    const marks = pages.map(({ file }) => known.get(file.key));
    // Only the pages not seen before are read (thousands of known ones cost a promise each when mapped with them).
    const unknown = [...marks.keys()].filter((index) => marks[index] === undefined);
    const read = await pMap(unknown, async (index) => (await pages[index]!.file.content()).includes(BODY_MARK), {
      concurrency: READ_CONCURRENCY,
    });
    unknown.forEach((index, position) => (marks[index] = read[position]));
    const now = Object.fromEntries(pages.map(({ file }, index) => [file.key, marks[index]!]));
    if (unknown.length > 0 || Object.keys(now).length !== known.size) await cache.set(entry, JSON.stringify(now));
    return pages.filter((_, index) => marks[index]);
  }

  async outputs(): Promise<Output[]> {
    const languages = new Map<string, NotedPage[]>();
    for (const page of await this.marked(this.pages.splice(0))) {
      const pages = languages.get(page.lang);
      if (pages) pages.push(page);
      else languages.set(page.lang, [page]);
    }
    const firstParts: BundleFile[][] = [];
    const otherParts: BundleFile[] = [];
    const described: Record<string, { parts: string[]; filters: FilterValues }> = {};
    try {
      for (const lang of [...languages.keys()].sort()) {
        const pages = languages.get(lang)!.sort(byUrl);
        const split: (typeof pages)[] = Array.from({ length: partCount(pages.length, this.pagesPerPart) }, () => []);
        for (const page of pages) split[partOf(page.url, split.length)]!.push(page);
        const folders: string[] = [];
        const filters: FilterValues[] = [];
        for (const [number, pagesOfPart] of split.entries()) {
          const part = await this.part(pagesOfPart);
          if (!part) continue;
          filters.push(part.filters);
          // The language's first part with pages: Pagefind's own script loads it as its index.
          if (filters.length === 1) {
            firstParts.push(part.files);
            continue;
          }
          const folder = `${lang}-${number}/`;
          folders.push(folder);
          otherParts.push(...partFiles(part.files).map((file) => ({ ...file, path: folder + file.path })));
        }
        if (filters.length) described[lang] = { parts: folders, filters: mergeFilterValues(filters) };
      }
    } finally {
      await closePagefind();
    }
    if (!firstParts.length) return [];
    const description = { path: LANGUAGES_FILE, content: Buffer.from(JSON.stringify(described)) };
    return bundleOutputs([...mergeBundles(firstParts), ...otherParts, description]);
  }

  /** One part of a language's index, in the order given (its files are then the same for the same pages); none without a page. */
  private async part(pages: readonly NotedPage[]): Promise<Part | undefined> {
    if (!pages.length) return undefined;
    const cache = this.context.cache.namespace("search", INDEX_VERSION);
    const digest = createHash("sha256");
    for (const page of pages) digest.update(page.url).update("\0").update(page.file.key).update("\0");
    const packed = await cache.remember(cache.key(digest.digest()), async () => {
      const read = await pMap(pages, async ({ url, file }) => ({ url, content: await file.content() }), {
        concurrency: READ_CONCURRENCY,
      });
      const files = await runPagefind(read);
      const filters = { path: FILTERS_ENTRY, content: Buffer.from(JSON.stringify(filterValues(files))) };
      return packBundle([...files, filters]);
    });
    const files = unpackBundle(packed);
    const filters = files.findIndex((file) => file.path === FILTERS_ENTRY);
    return {
      files: files.filter((_, index) => index !== filters),
      filters: JSON.parse(files[filters]!.content.toString("utf8")) as FilterValues,
    };
  }
}
