// Test helpers: what the gates need of each built page, read once and kept small (no parsed document is held), so a site of thousands of pages fits.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import pMap from "p-map";
import { type HtmlPage, listFiles, urlOf } from "./site.ts";

export interface PageFacts {
  file: string;
  url: string;
  /** <html lang>. */
  lang: string;
  /** <body data-page>. */
  kind: string;
  title: string;
  /** How many <title> elements the head holds. */
  titles: number;
  noindex: boolean;
  /** Where its meta refresh sends readers, for pages that only redirect. */
  redirect?: string | undefined;
  canonical?: string | undefined;
  alternates: { hreflang: string; href: string }[];
  /** The href or src of every a, link, img, script and source. */
  references: string[];
  /** The links of its main content (not the header, navigation or footer). */
  mainLinks: string[];
  ids: Set<string>;
  /** Stylesheets, scripts and preloaded fonts it loads from the site. */
  loads: string[];
  /** Its HTML, gzip level 9. */
  gzipBytes: number;
}

const attribute = ($: cheerio.CheerioAPI, selector: string, name: string) =>
  $(selector)
    .toArray()
    .map((element) => $(element).attr(name))
    .filter((value): value is string => value !== undefined);

export function factsOf({ file, url, html, $ }: HtmlPage): PageFacts {
  const refresh = $('meta[http-equiv="refresh"]').attr("content");
  return {
    file,
    url,
    lang: $("html").attr("lang") ?? "",
    kind: $("body").attr("data-page") ?? "",
    title: $("head title").first().text().trim(),
    titles: $("head title").length,
    noindex: $('meta[name="robots"][content~="noindex"]').length > 0,
    redirect: refresh ? /url=(.+)$/i.exec(refresh)?.[1] : undefined,
    canonical: $('link[rel="canonical"]').attr("href"),
    alternates: $('link[rel="alternate"][hreflang]')
      .toArray()
      .map((element) => ({ hreflang: $(element).attr("hreflang")!, href: $(element).attr("href")! })),
    references: [
      ...attribute($, "a[href], link[href]", "href"),
      ...attribute($, "img[src], script[src], source[src]", "src"),
    ],
    mainLinks: attribute($, "main a[href]", "href"),
    ids: new Set(attribute($, "[id]", "id")),
    loads: [
      ...attribute($, 'link[rel="stylesheet"]', "href"),
      ...attribute($, "script[src]", "src"),
      ...attribute($, 'link[rel="preload"][as="font"]', "href"),
    ].filter((href) => href.startsWith("/") && !href.startsWith("//")),
    gzipBytes: gzipSync(html, { level: 9 }).length,
  };
}

/** The facts of every HTML page of a build, read a few at a time. */
export async function readPageFacts(siteDir: string, files?: Iterable<string>): Promise<PageFacts[]> {
  const htmlFiles = [...(files ?? (await listFiles(siteDir)))].filter((file) => file.endsWith(".html")).sort();
  return pMap(
    htmlFiles,
    async (file) => {
      const html = await readFile(file, "utf8");
      return factsOf({ file, url: urlOf(siteDir, file), html, $: cheerio.load(html) });
    },
    { concurrency: 8 },
  );
}
