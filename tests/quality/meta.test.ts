// Gate: every page has a unique title, a description in its language, a canonical URL, Open Graph and Twitter tags, and JSON-LD that parses.
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { titleProblems } from "../helpers/gates.ts";
import { factsOf } from "../helpers/page-facts.ts";
import { type HtmlPage, fileOf, htmlPages, listFiles } from "../helpers/site.ts";

const SITE_ORIGIN = "https://tract.example.org";
const siteDir = inject("siteDir");
let pages: HtmlPage[];
let files: Set<string>;

beforeAll(async () => {
  pages = await htmlPages(siteDir);
  files = new Set(await listFiles(siteDir));
});

const meta = (page: HtmlPage, selector: string) => page.$(selector).attr("content");

describe("page metadata", () => {
  it("gives every page one title, unique across the site", () => {
    expect(titleProblems(pages.map(factsOf))).toEqual([]);
  });

  it("gives every page a meta description, different from its translations' (so each is in its own language)", () => {
    const byUrl = new Map(pages.map((p) => [`${SITE_ORIGIN}${p.url}`, p]));
    for (const page of pages) {
      const description = meta(page, 'meta[name="description"]');
      expect(description?.trim().length, page.url).toBeGreaterThan(10);
      for (const el of page.$('link[rel="alternate"][hreflang]').toArray()) {
        const hreflang = page.$(el).attr("hreflang");
        const other = byUrl.get(page.$(el).attr("href")!);
        if (!other || hreflang === "x-default" || hreflang === page.$("html").attr("lang")) continue;
        expect(meta(other, 'meta[name="description"]'), `${page.url} and ${other.url}`).not.toBe(description);
      }
    }
  });

  it("gives every page an absolute canonical URL on the site", () => {
    for (const page of pages) {
      const canonical = page.$('link[rel="canonical"]').attr("href");
      expect(canonical, page.url).toMatch(new RegExp(`^${SITE_ORIGIN}/`));
      expect(fileOf(siteDir, new URL(canonical!).pathname, files), `${page.url} canonical ${canonical}`).toBeDefined();
    }
  });

  it("gives every page Open Graph and Twitter card tags, with an image that exists", () => {
    for (const page of pages) {
      const lang = page.$("html").attr("lang")!;
      for (const property of [
        "og:title",
        "og:description",
        "og:url",
        "og:type",
        "og:image",
        "og:image:alt",
        "og:site_name",
        "og:locale",
      ]) {
        expect(meta(page, `meta[property="${property}"]`)?.length, `${page.url} ${property}`).toBeGreaterThan(0);
      }
      for (const name of ["twitter:card", "twitter:title", "twitter:description", "twitter:image"]) {
        expect(meta(page, `meta[name="${name}"]`)?.length, `${page.url} ${name}`).toBeGreaterThan(0);
      }
      expect(meta(page, 'meta[property="og:locale"]')!.startsWith(`${lang}_`), page.url).toBe(true);
      const image = new URL(meta(page, 'meta[property="og:image"]')!);
      expect(image.origin).toBe(SITE_ORIGIN);
      expect(fileOf(siteDir, image.pathname, files), `${page.url} og:image`).toBeDefined();
      expect(path.extname(image.pathname)).toMatch(/^\.(png|jpe?g)$/);
    }
  });

  it("gives every page JSON-LD that parses, in the page's language", () => {
    for (const page of pages) {
      const blocks = page.$('script[type="application/ld+json"]').toArray();
      expect(blocks.length, page.url).toBeGreaterThan(0);
      for (const block of blocks) {
        const data = JSON.parse(page.$(block).text()) as Record<string, unknown>;
        expect(data["@context"]).toBe("https://schema.org");
        expect(typeof data["@type"]).toBe("string");
        expect(data.inLanguage, page.url).toBe(page.$("html").attr("lang"));
      }
    }
    const post = pages.find((p) => p.url === "/fr/contre-sommet-ia/")!;
    const data = JSON.parse(post.$('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      "@type": "BlogPosting",
      headline: post.$("h1").text(),
      datePublished: "2025-01-27T10:00:00+01:00",
      inLanguage: "fr",
    });
  });
});
