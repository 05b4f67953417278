// The built sample site: languages, hreflang, translations, drafts, links and assets, checked on the real output.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { hreflangProblems } from "../helpers/gates.ts";
import { factsOf } from "../helpers/page-facts.ts";
import { type HtmlPage, LinkChecker, SITE_ORIGIN, htmlPages, listFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
let pages: HtmlPage[];
let files: Set<string>;
let byUrl: Map<string, HtmlPage>;

beforeAll(async () => {
  pages = await htmlPages(siteDir);
  files = new Set(await listFiles(siteDir));
  byUrl = new Map(pages.map((page) => [page.url, page]));
});

function pageAt(href: string): HtmlPage | undefined {
  const pathname = new URL(href, SITE_ORIGIN).pathname;
  return byUrl.get(pathname) ?? byUrl.get(`${pathname}index.html`);
}

describe("the built site", () => {
  it("has both languages' pages of every kind", () => {
    const kinds = (lang: string) =>
      new Set(pages.filter((p) => p.url.startsWith(`/${lang}/`)).map((p) => p.$("body").attr("data-page")));
    for (const lang of ["fr", "en"]) {
      expect([...kinds(lang)]).toEqual(
        expect.arrayContaining([
          "archive",
          "event",
          "events",
          "home",
          "list",
          "not-found",
          "page",
          "post",
          "press-room",
          "rebuttals",
          "subscribe",
          "tag",
          "tags",
        ]),
      );
    }
    expect(byUrl.has("/")).toBe(true);
    expect(byUrl.has("/404.html")).toBe(true);
    expect(files.has(path.join(siteDir, "sitemap.xml"))).toBe(true);
    expect(files.has(path.join(siteDir, "robots.txt"))).toBe(true);
  });

  it("sets <html lang> to the page's language on every page", () => {
    for (const page of pages) {
      const expected = /^\/(fr|en)\//.exec(page.url)?.[1] ?? "fr";
      expect(page.$("html").attr("lang"), page.url).toBe(expected);
    }
  });

  it("declares hreflang for itself and each translation, reciprocally", () => {
    const { problems, checked } = hreflangProblems(pages.map(factsOf));
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it("offers every language at / and sends readers to the default one", () => {
    const root = byUrl.get("/")!;
    expect(root.$('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/fr/");
    // x-default names the page everyone else gets: the French home, the canonical address of / itself.
    expect(root.$('link[hreflang="x-default"]').attr("href")).toBe(`${SITE_ORIGIN}/fr/`);
    expect(root.$('link[rel="canonical"]').attr("href")).toBe(`${SITE_ORIGIN}/fr/`);
    for (const page of pages) {
      const xDefault = page.$('link[hreflang="x-default"]').attr("href");
      if (!xDefault) continue;
      const target = pageAt(xDefault)!;
      expect(target.$('link[rel="canonical"]').attr("href"), `${page.url}: x-default ${xDefault} is canonical`).toBe(
        xDefault,
      );
    }
    const links = root
      .$("main a")
      .toArray()
      .map((a) => [root.$(a).attr("href"), root.$(a).closest("[lang]").attr("lang")]);
    expect(links).toEqual([
      ["/fr/", "fr"],
      ["/en/", "en"],
    ]);
  });

  it("links a translated post to its translation, and an untranslated one to the other home", () => {
    const post = byUrl.get("/fr/ia-retour-du-charbon/")!;
    expect(post.$(".post-translations a").attr("href")).toBe("/en/ai-coal-comeback/");
    expect(post.$(".post-translations a").text()).toBe("English");
    expect(post.$('.language-switcher a[hreflang="en"]').attr("href")).toBe("/en/ai-coal-comeback/");
    const frenchOnly = byUrl.get("/fr/brochure-synthese-critiques-ia/")!;
    expect(frenchOnly.$(".post-translations").length).toBe(0);
    expect(frenchOnly.$('.language-switcher a[hreflang="en"]').attr("href")).toBe("/en/");
    expect(byUrl.get("/en/posts/")!.html).not.toContain("brochure");
  });

  it("resolves every language-switcher and translation link to a page in that language", () => {
    for (const page of pages) {
      for (const el of page.$(".language-switcher a, .post-translations a").toArray()) {
        const href = page.$(el).attr("href")!;
        const target = pageAt(href);
        expect(target, `${page.url} → ${href}`).toBeDefined();
        expect(target!.$("html").attr("lang")).toBe(page.$(el).attr("lang"));
      }
    }
  });

  it("formats dates per language inside <time datetime>", () => {
    const fr = byUrl.get("/fr/contre-sommet-ia/")!;
    const en = byUrl.get("/en/ai-counter-summit/")!;
    expect(fr.$(".post-meta time").first().attr("datetime")).toBe("2025-01-27T10:00:00+01:00");
    expect(fr.$(".post-meta time").first().text()).toBe("27 janvier 2025");
    expect(en.$(".post-meta time").first().text()).toBe("27 January 2025");
  });

  it("applies French typography to French titles and text", () => {
    const fr = byUrl.get("/fr/contre-sommet-ia/")!;
    expect(fr.$("h1").text()).toBe(
      "Contre-sommet de l’IA\u202F: pourquoi et comment résister à la dictature algorithmique",
    );
    expect(fr.$(".post-body").text()).toContain("Peut-on réguler l’IA\u202F?");
    const en = byUrl.get("/en/ai-counter-summit/")!;
    expect(en.$("h1").text()).toBe("AI counter-summit: why and how to resist the algorithmic dictatorship");
  });

  it("never publishes a draft, anywhere", async () => {
    for (const file of files) {
      const text = await readFile(file, "utf8");
      expect(text.includes("ornithorynque-mauve-brouillon"), file).toBe(false);
      expect(text.includes("notes-sobriete"), file).toBe(false);
    }
  });

  it("has no broken internal link, anchor or asset", () => {
    const links = new LinkChecker(siteDir, files, pages);
    const problems = pages.flatMap((page) =>
      page
        .$("a[href], link[href], img[src], script[src], source[src]")
        .toArray()
        .map((el) => links.problem(page.$(el).attr("href") ?? page.$(el).attr("src")!, page.url)),
    );
    expect(problems.filter(Boolean)).toEqual([]);
    expect(links.checked).toBeGreaterThan(200);
  });

  it("lists every indexable page in its language's sitemap with hreflang alternates, and nothing else", async () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["url", "xhtml:link", "sitemap"].includes(name),
    });
    const read = async (url: string) => parser.parse(await readFile(path.join(siteDir, new URL(url).pathname), "utf8"));
    const index: { loc: string; lastmod?: string }[] = (await read(`${SITE_ORIGIN}/sitemap.xml`)).sitemapindex.sitemap;
    expect(index.map((sitemap) => sitemap.loc)).toEqual([
      `${SITE_ORIGIN}/sitemap-fr.xml`,
      `${SITE_ORIGIN}/sitemap-en.xml`,
    ]);
    const listed: string[] = [];
    const lastmod = new Map<string, string | undefined>();
    for (const sitemap of index) {
      const lang = /sitemap-(\w+)\.xml$/.exec(sitemap.loc)![1];
      const urls: { loc: string; lastmod?: string; "xhtml:link"?: { "@_hreflang": string; "@_href": string }[] }[] = (
        await read(sitemap.loc)
      ).urlset.url;
      for (const entry of urls) {
        expect(pageAt(entry.loc)?.$("html").attr("lang"), entry.loc).toBe(lang);
        lastmod.set(new URL(entry.loc).pathname, entry.lastmod);
        for (const link of entry["xhtml:link"] ?? []) expect(pageAt(link["@_href"]), link["@_href"]).toBeDefined();
        listed.push(new URL(entry.loc).pathname);
      }
      // The sitemap changed when its newest page did.
      const newest = urls
        .flatMap((entry) => (entry.lastmod ? [entry.lastmod] : []))
        .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
      expect(sitemap.lastmod, sitemap.loc).toBe(newest);
    }
    const indexable = pages.filter((p) => p.url !== "/" && !p.$('meta[name="robots"]').length);
    expect(listed.sort()).toEqual(indexable.map((p) => p.url).sort());
    // Every address is dated by its content (a post's update, a list's newest post, an event file's `updated:`).
    expect([...lastmod].filter(([, date]) => !date).map(([url]) => url)).toEqual([]);
    expect(lastmod.get("/fr/ia-retour-du-charbon/")).toBe("2025-01-13T08:30:00+01:00");
    expect(lastmod.get("/fr/billets/"), "the newest post shown").toBe("2025-02-07T09:00:00+01:00");
    expect(lastmod.get("/fr/agenda/sommet-action-ia-2025/"), "its rebuttal, newer than its file").toBe(
      "2025-02-03T09:00:00+01:00",
    );
    expect(lastmod.get("/fr/mentions-legales/")).toBe("2025-02-03T00:00:00+01:00");
    const robots = await readFile(path.join(siteDir, "robots.txt"), "utf8");
    expect(robots).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap.xml`);
  });

  it("minifies production HTML", () => {
    const post = byUrl.get("/fr/contre-sommet-ia/")!;
    expect(post.html).not.toMatch(/\n\s{2,}</);
    expect(post.html.startsWith("<!doctype html>")).toBe(true);
  });

  it("marks external links noopener and gives headings anchors", () => {
    const post = byUrl.get("/fr/contre-sommet-ia/")!;
    expect(post.$('a[href^="https://antitechresistance.org"]').attr("rel")).toBe("noopener");
    expect(post.$("h2#le-programme a.header-anchor").attr("href")).toBe("#le-programme");
  });

  it("gives a post its date, tags and neighbours", () => {
    const post = byUrl.get("/fr/contre-sommet-ia/")!;
    expect(
      post
        .$(".post-tags a")
        .toArray()
        .map((a) => post.$(a).text()),
    ).toEqual(["contre-sommet", "sommet de l’IA", "résistance"]);
    expect(post.$('.post-neighbours a[rel="prev"]').attr("href")).toBe("/fr/ia-retour-du-charbon/");
    expect(post.$('.post-neighbours a[rel="next"]').attr("href")).toBe("/fr/reponse-au-sommet-officiel/");
  });
});
