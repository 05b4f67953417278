// The built sample site's feeds: well-formed, accepted by a real parser, complete per RFC 4287 / RSS 2.0 / JSON Feed 1.1, linked and announced.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { publishedModel } from "../helpers/fixture.ts";
import { feedRoutes } from "../../src/features/feeds/routes.ts";
import type { SiteModel } from "../../src/core/contract.ts";
import { type BuiltFeed, builtFeeds, entriesOf, feedUrls, undeclaredPrefixes } from "../helpers/feeds.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";
import { type HtmlPage, LinkChecker, SITE_ORIGIN, fileOf, htmlPages, listFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const MEDIA_TYPES = { atom: "application/atom+xml", rss: "application/rss+xml", json: "application/feed+json" };

let feeds: BuiltFeed[];
let files: Set<string>;
let pages: HtmlPage[];
let model: SiteModel;

beforeAll(async () => {
  feeds = await builtFeeds(siteDir);
  files = new Set(await listFiles(siteDir));
  pages = await htmlPages(siteDir);
  model = await publishedModel(PROJECT_ROOT);
});

const ofFormat = (format: BuiltFeed["format"]) => feeds.filter((feed) => feed.format === format);
const feedAt = (url: string) => feeds.find((feed) => feed.url === url);
const validDate = (text: string | undefined) => text !== undefined && !Number.isNaN(new Date(text).getTime());

describe("the feeds", () => {
  it("exist for every language: Atom, RSS and JSON Feed of all posts, press releases, one per topic", () => {
    for (const lang of ["fr", "en"]) {
      const section = model.edition(lang);
      const paths = { ...feedRoutes(section.routes), press: `${section.routes.path("press")}feed.xml` };
      const expected = [
        paths.atom,
        paths.rss,
        paths.json,
        paths.press,
        ...section.tags.map((tag) => paths.tag(tag.slug)),
      ];
      expect(
        feeds
          .filter((feed) => feed.lang === lang)
          .map((feed) => feed.url)
          .sort(),
      ).toEqual(expected.sort());
    }
    expect(feedAt("/fr/feed.xml")?.format).toBe("atom");
    expect(feedAt("/fr/presse/feed.xml")?.format).toBe("atom");
    expect(feedAt("/fr/sujets/energie/feed.xml")?.format).toBe("atom");
    expect(feedAt("/en/rss.xml")?.format).toBe("rss");
    expect(feedAt("/en/feed.json")?.format).toBe("json");
  });

  it("are well-formed XML, declare every namespace they use, and name an XSL stylesheet that exists", () => {
    for (const feed of [...ofFormat("atom"), ...ofFormat("rss")]) {
      expect(XMLValidator.validate(feed.text), feed.url).toBe(true);
      expect(undeclaredPrefixes(feed.text), feed.url).toEqual([]);
      const stylesheet = /<\?xml-stylesheet type="text\/xsl" href="([^"]+)"\?>/.exec(feed.text)?.[1];
      expect(stylesheet, feed.url).toBe(`/${feed.lang}/feed.xsl`);
      expect(fileOf(siteDir, stylesheet!, files), stylesheet).toBeDefined();
    }
  });

  it("have every element RFC 4287 requires, in Atom", () => {
    for (const feed of ofFormat("atom")) {
      const atom = parseAtomFeed(feed.text);
      expect(atom.id, feed.url).toBe(`${SITE_ORIGIN}${feed.url}`);
      expect(atom.title?.value, feed.url).toBeTruthy();
      expect(atom.subtitle?.value, feed.url).toBeTruthy();
      expect(atom.updated).toMatch(RFC_3339);
      expect(atom.authors?.[0]?.name, feed.url).toBe(model.edition(feed.lang).strings.t("site.author"));
      expect(atom.links?.find((link) => link.rel === "self")?.href).toBe(`${SITE_ORIGIN}${feed.url}`);
      expect(atom.links?.find((link) => link.rel === "alternate")?.href).toMatch(
        new RegExp(`^${SITE_ORIGIN}/${feed.lang}/`),
      );
      expect(atom.icon).toMatch(/\.png$/);
      expect(atom.xml?.lang).toBe(feed.lang);
      const updates: number[] = [];
      for (const entry of atom.entries ?? []) {
        expect(entry.id, feed.url).toBeTruthy();
        expect(entry.title?.value).toBeTruthy();
        expect(entry.updated).toMatch(RFC_3339);
        expect(entry.published).toMatch(RFC_3339);
        expect(entry.authors?.[0]?.name).toBeTruthy();
        expect(entry.links?.find((link) => link.rel === "alternate")?.href).toMatch(
          new RegExp(`^${SITE_ORIGIN}/${feed.lang}/`),
        );
        expect(entry.summary?.value).toBeTruthy();
        expect(entry.content?.type).toBe("html");
        updates.push(new Date(entry.updated!).getTime());
      }
      // The feed is as recent as its newest entry.
      if (updates.length) expect(new Date(atom.updated!).getTime(), feed.url).toBe(Math.max(...updates));
    }
  });

  it("have channel title, link, description and language, and items with guid and pubDate, in RSS 2.0", () => {
    for (const feed of ofFormat("rss")) {
      expect(feed.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
      const rss = parseRssFeed(feed.text);
      expect(rss.title).toBeTruthy();
      expect(rss.link).toBe(`${SITE_ORIGIN}/${feed.lang}/`);
      expect(rss.description).toBeTruthy();
      expect(rss.language).toBe(feed.lang);
      expect(rss.lastBuildDate).toMatch(RFC_822);
      expect(rss.atom?.links?.find((link) => link.rel === "self")?.href).toBe(`${SITE_ORIGIN}${feed.url}`);
      expect(rss.items?.length).toBeGreaterThan(0);
      for (const item of rss.items ?? []) {
        expect(item.title).toBeTruthy();
        expect(item.guid?.value).toBeTruthy();
        expect(item.guid?.isPermaLink).toBe(false);
        expect(item.pubDate).toMatch(RFC_822);
        expect(validDate(item.pubDate)).toBe(true);
        expect(item.description).toBeTruthy();
        expect(item.content?.encoded).toBeTruthy();
      }
      // content:encoded is only read as full content when its namespace is declared (the plugin's template forgets it).
      const root = new XMLParser({ ignoreAttributes: false }).parse(feed.text).rss;
      expect(root["@_xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    }
  });

  it("have version, title, language and items with id, in JSON Feed 1.1", () => {
    for (const feed of ofFormat("json")) {
      const raw = JSON.parse(feed.text);
      expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
      const json = parseJsonFeed(feed.text);
      expect(json.title).toBeTruthy();
      expect(json.language).toBe(feed.lang);
      expect(json.feed_url).toBe(`${SITE_ORIGIN}${feed.url}`);
      expect(json.items?.length).toBeGreaterThan(0);
      for (const item of json.items ?? []) {
        expect(item.id).toBeTruthy();
        expect(item.content_html).toBeTruthy();
        expect(item.language).toBe(feed.lang);
        expect(item.date_published).toMatch(RFC_3339);
        expect(item.date_modified).toMatch(RFC_3339);
      }
    }
  });

  it("give each post the same id, title and link in every format and every feed, matching the site model", () => {
    for (const feed of feeds) {
      for (const entry of entriesOf(feed)) {
        const post = model.edition(feed.lang).posts.find((p) => `${SITE_ORIGIN}${p.url}` === entry.url);
        expect(post, `${feed.url}: ${entry.url}`).toBeDefined();
        expect(entry.title).toBe(post!.title);
        expect(entry.summary).toBe(post!.description);
        expect(validDate(entry.published) && (entry.updated === undefined || validDate(entry.updated)), feed.url).toBe(
          true,
        );
      }
    }
    const idsByUrl = (url: string) => new Map(entriesOf(feedAt(url)!).map((entry) => [entry.url, entry.id]));
    const atom = idsByUrl("/fr/feed.xml");
    expect(idsByUrl("/fr/rss.xml")).toEqual(atom);
    expect(idsByUrl("/fr/feed.json")).toEqual(atom);
    for (const [url, id] of idsByUrl("/fr/sujets/energie/feed.xml")) expect(atom.get(url)).toBe(id);
    expect(atom.get(`${SITE_ORIGIN}/fr/ia-retour-du-charbon/`)).toBe("tag:tract.example.org,2025-01-13:fr/ia-charbon");
    expect(new Set(atom.values()).size).toBe(atom.size);
  });

  it("carry each post's full HTML, with every link and image absolute", () => {
    const entry = entriesOf(feedAt("/fr/feed.json")!).find((e) => e.url.endsWith("/fr/contre-sommet-ia/"))!;
    expect(entry.html).toContain("Peut-on réguler l’IA\u202F?");
    expect(entry.html).toContain(`href="${SITE_ORIGIN}/fr/contre-sommet-ia/#le-programme"`);
    for (const feed of feeds) {
      for (const url of feedUrls(feed)) expect(url, `${feed.url}: ${url}`).toMatch(/^(https?:\/\/|mailto:)/);
    }
  });

  it("link only to pages, anchors and images that exist in the build", () => {
    const links = new LinkChecker(siteDir, files, pages);
    const problems = feeds.flatMap((feed) => feedUrls(feed).map((url) => links.problem(url, feed.url)));
    expect(problems.filter(Boolean)).toEqual([]);
    expect(links.checked).toBeGreaterThan(100);
  });

  it("have XSL stylesheets whose own links (site CSS, icon, subscribe page, home) exist", async () => {
    for (const lang of ["fr", "en"]) {
      const stylesheet = feedRoutes(model.edition(lang).routes).stylesheet;
      const xsl = await readFile(fileOf(siteDir, stylesheet, files)!, "utf8");
      expect(XMLValidator.validate(xsl), stylesheet).toBe(true);
      // Attribute value templates ({$page}) are filled from the feed; the other links are the site's own.
      const links = [...xsl.matchAll(/href="([^"{]+)"/g)].map((match) => match[1]!);
      expect(links).toEqual(
        expect.arrayContaining([
          "/assets/css/site.css",
          model.edition(lang).routes.path("subscribe"),
          model.edition(lang).routes.home(),
        ]),
      );
      for (const link of links) expect(fileOf(siteDir, link, files), `${stylesheet} links to ${link}`).toBeDefined();
    }
  });

  it("follow the site's languages: French titles and posts in the French feeds, English in the English ones", () => {
    expect(parseAtomFeed(feedAt("/fr/presse/feed.xml")!.text).title?.value).toBe(
      "Contre l’IA et son monde — communiqués de presse",
    );
    expect(parseAtomFeed(feedAt("/en/topics/energy/feed.xml")!.text).title?.value).toBe(
      "Against AI and its world — topic: energy",
    );
    for (const feed of feeds)
      for (const entry of entriesOf(feed))
        expect(new URL(entry.url).pathname.startsWith(`/${feed.lang}/`), entry.url).toBe(true);
  });

  it("leave drafts out", () => {
    for (const feed of feeds) {
      expect(feed.text).not.toContain("notes-sobriete");
      expect(feed.text).not.toContain("ornithorynque");
    }
  });
});

describe("feed autodiscovery", () => {
  it("announces its language's feeds on every page, titled in that language, and the topic's feed on a topic page", () => {
    for (const page of pages) {
      const lang = page.$("html").attr("lang")!;
      const links = page
        .$('head link[rel="alternate"][type]')
        .toArray()
        .map((el) => ({
          type: page.$(el).attr("type")!,
          title: page.$(el).attr("title")!,
          href: page.$(el).attr("href")!,
        }));
      const paths = {
        ...feedRoutes(model.edition(lang).routes),
        press: `${model.edition(lang).routes.path("press")}feed.xml`,
      };
      const expected = [paths.atom, paths.rss, paths.json, paths.press];
      const topic = page.$("body").attr("data-page") === "tag" ? [`${page.url}feed.xml`] : [];
      expect(
        links.map((link) => new URL(link.href).pathname),
        page.url,
      ).toEqual([...expected, ...topic]);
      for (const link of links) {
        const feed = feedAt(new URL(link.href).pathname);
        expect(feed, `${page.url} announces ${link.href}`).toBeDefined();
        expect(MEDIA_TYPES[feed!.format]).toBe(link.type);
        expect(feed!.lang).toBe(lang);
        expect(link.title).toContain(model.edition(lang).strings.t("site.title"));
      }
    }
    const french = pages.find((page) => page.url === "/fr/")!;
    expect(french.$('link[type="application/rss+xml"]').attr("title")).toBe("Contre l’IA et son monde (RSS)");
  });
});

describe("the subscribe page", () => {
  it("lists every feed of its language with its full address, and is linked from every page's footer", async () => {
    for (const lang of ["fr", "en"]) {
      const url = model.edition(lang).routes.path("subscribe");
      const $ = cheerio.load(await readFile(path.join(siteDir, url, "index.html"), "utf8"));
      const shown = $(".feed-list a")
        .toArray()
        .map((a) => $(a).text());
      expect(shown.sort()).toEqual(
        feeds
          .filter((feed) => feed.lang === lang)
          .map((feed) => `${SITE_ORIGIN}${feed.url}`)
          .sort(),
      );
      for (const page of pages.filter((p) => p.$("html").attr("lang") === lang && p.$(".site-footer").length)) {
        expect(page.$(".site-footer a").attr("href"), page.url).toBe(url);
      }
    }
    expect(
      pages
        .find((page) => page.url === "/fr/s-abonner/")!
        .$("h1")
        .text(),
    ).toBe("S’abonner");
  });
});
