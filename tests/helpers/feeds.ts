// Test helpers: the feeds of a built site, parsed with feedsmith, every URL they hold, and XML namespace declarations.
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import type { FeedFormat } from "../../src/features/feeds/feeds.ts";
import { listFiles, urlOf } from "./site.ts";

/** Feeds are found by file name: feed.xml is Atom, rss.xml RSS 2.0, feed.json JSON Feed. */
const FORMATS: Record<string, FeedFormat> = { "feed.xml": "atom", "rss.xml": "rss", "feed.json": "json" };

export interface BuiltFeed {
  file: string;
  url: string;
  format: FeedFormat;
  /** The language, from the first segment of the URL. */
  lang: string;
  text: string;
}

export async function builtFeeds(siteDir: string): Promise<BuiltFeed[]> {
  const files = (await listFiles(siteDir)).filter((file) => FORMATS[path.basename(file)]);
  return Promise.all(
    files.map(async (file) => {
      const url = urlOf(siteDir, file);
      return {
        file,
        url,
        format: FORMATS[path.basename(file)]!,
        lang: url.split("/")[1]!,
        text: await readFile(file, "utf8"),
      };
    }),
  );
}

/** One entry, whatever the format: what readers show and key on. */
export interface ParsedEntry {
  id: string;
  title: string;
  url: string;
  summary: string;
  html: string;
  published: string;
  updated?: string | undefined;
}

export function entriesOf(feed: BuiltFeed): ParsedEntry[] {
  switch (feed.format) {
    case "atom":
      return (parseAtomFeed(feed.text).entries ?? []).map((entry) => ({
        id: entry.id ?? "",
        title: entry.title?.value ?? "",
        url: entry.links?.find((link) => link.rel === "alternate")?.href ?? "",
        summary: entry.summary?.value ?? "",
        html: entry.content?.value ?? "",
        published: String(entry.published),
        updated: String(entry.updated),
      }));
    case "rss":
      return (parseRssFeed(feed.text).items ?? []).map((item) => ({
        id: item.guid?.value ?? "",
        title: item.title ?? "",
        url: item.link ?? "",
        summary: item.description ?? "",
        html: item.content?.encoded ?? "",
        published: String(item.pubDate),
      }));
    case "json":
      return (parseJsonFeed(feed.text).items ?? []).map((item) => ({
        id: item.id ?? "",
        title: item.title ?? "",
        url: item.url ?? "",
        summary: item.summary ?? "",
        html: item.content_html ?? "",
        published: String(item.date_published),
        updated: String(item.date_modified),
      }));
  }
}

/** Every URL in a piece of HTML: links, images, sources, srcset candidates. */
export function htmlUrls(html: string): string[] {
  const $ = cheerio.load(html);
  return [
    ...$("[href]")
      .toArray()
      .map((el) => $(el).attr("href")!),
    ...$("[src]")
      .toArray()
      .map((el) => $(el).attr("src")!),
    ...$("[srcset]")
      .toArray()
      .flatMap((el) =>
        $(el)
          .attr("srcset")!
          .split(",")
          .map((candidate) => candidate.trim().split(/\s+/)[0]!),
      ),
  ];
}

/** Every URL a feed holds, in its own elements and in its entries' HTML. */
export function feedUrls(feed: BuiltFeed): string[] {
  const defined = (urls: (string | undefined)[]) => urls.filter((url): url is string => Boolean(url));
  switch (feed.format) {
    case "atom": {
      const atom = parseAtomFeed(feed.text);
      return defined([
        ...(atom.links ?? []).map((link) => link.href),
        atom.icon,
        atom.logo,
        ...(atom.authors ?? []).map((author) => author.uri),
        ...(atom.entries ?? []).flatMap((entry) => [
          ...(entry.links ?? []).map((link) => link.href),
          ...htmlUrls(entry.content?.value ?? ""),
        ]),
      ]);
    }
    case "rss": {
      const rss = parseRssFeed(feed.text);
      return defined([
        rss.link,
        rss.image?.url,
        rss.image?.link,
        ...(rss.atom?.links ?? []).map((link) => link.href),
        ...(rss.items ?? []).flatMap((item) => [item.link, ...htmlUrls(item.content?.encoded ?? "")]),
      ]);
    }
    case "json": {
      const json = parseJsonFeed(feed.text);
      return defined([
        json.home_page_url,
        json.feed_url,
        json.icon,
        json.favicon,
        ...(json.authors ?? []).map((author) => author.url),
        ...(json.items ?? []).flatMap((item) => [item.url, item.image, ...htmlUrls(item.content_html ?? "")]),
      ]);
    }
  }
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Namespace prefixes used on elements or attributes without an `xmlns:prefix` in scope (fast-xml-parser does not check them). */
export function undeclaredPrefixes(xml: string): string[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const problems = new Set<string>();
  const walk = (nodes: OrderedNode[], inScope: Set<string>) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
      if (!name) continue;
      const attributes = node[":@"] ?? {};
      const scope = new Set(inScope);
      for (const attribute of Object.keys(attributes))
        if (attribute.startsWith("xmlns:")) scope.add(attribute.slice("xmlns:".length));
      for (const qualified of [name, ...Object.keys(attributes).filter((a) => !a.startsWith("xmlns"))]) {
        const prefix = qualified.includes(":") ? qualified.split(":")[0]! : undefined;
        if (prefix && prefix !== "xml" && !scope.has(prefix)) problems.add(`${prefix}: in <${name}>`);
      }
      walk(node[name] as OrderedNode[], scope);
    }
  };
  walk(parser.parse(xml) as OrderedNode[], new Set());
  return [...problems];
}
