// Social cards and sharing on the built sample site: every card 1200×630 and some page's og:image, every page's og:image true to its tags, share links without trackers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import sharp from "sharp";
import { type HtmlPage, SITE_ORIGIN, fileOf, htmlPages, listFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
let pages: HtmlPage[];
let files: Set<string>;

beforeAll(async () => {
  pages = await htmlPages(siteDir);
  files = new Set(await listFiles(siteDir));
});

const meta = (page: HtmlPage, selector: string) => page.$(selector).attr("content");
const cards = () => [...files].filter((file) => path.basename(file) === "card.png");
const shared = (page: HtmlPage) => page.$('meta[http-equiv="refresh"]').length === 0 && page.url.endsWith("/");

describe("social cards", () => {
  it("are made for every shared page without a picture of its own, each one a 1200×630 PNG that is that page's og:image", async () => {
    const byUrl = new Map(pages.map((page) => [page.url, page]));
    const made = cards();
    expect(made.length).toBeGreaterThan(30);
    for (const file of made) {
      expect(await sharp(file).metadata(), file).toMatchObject({ format: "png", width: 1200, height: 630 });
      const url = `/${path.relative(siteDir, path.dirname(file))}/`;
      const page = byUrl.get(url);
      expect(page, `${file} belongs to no page`).toBeDefined();
      expect(meta(page!, 'meta[property="og:image"]')).toBe(`${SITE_ORIGIN}${url}card.png`);
    }
    for (const page of pages.filter(shared)) {
      const own = page.$(".post-image picture").length > 0;
      expect(files.has(path.join(siteDir, page.url, "card.png")), page.url).toBe(!own);
    }
  });

  it("gives every page an og:image whose width, height and type are the file's, and a large Twitter card", async () => {
    for (const page of pages) {
      const image = new URL(meta(page, 'meta[property="og:image"]')!);
      expect(image.origin).toBe(SITE_ORIGIN);
      const file = fileOf(siteDir, image.pathname, files);
      expect(file, `${page.url} og:image ${image.pathname}`).toBeDefined();
      const { width, height, format } = await sharp(file!).metadata();
      expect(
        ["width", "height", "type"].map((property) => meta(page, `meta[property="og:image:${property}"]`)),
        page.url,
      ).toEqual([String(width), String(height), `image/${format}`]);
      expect(meta(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");
      expect(meta(page, 'meta[name="twitter:image"]')).toBe(image.href);
      expect(meta(page, 'meta[property="og:image:alt"]')!.length, page.url).toBeGreaterThan(10);
    }
  });

  it("shares a post's own picture at web size instead of a card, and pages that are not shared show their language's home card", () => {
    const post = pages.find((page) => page.url === "/fr/ia-retour-du-charbon/")!;
    expect(meta(post, 'meta[property="og:image"]')).toMatch(
      /^https:\/\/tract\.example\.org\/assets\/press\/photos\/centre-de-donnees-[0-9a-f]{10}-1280w\.jpg$/,
    );
    expect(meta(post, 'meta[property="og:image:alt"]')).toBe(post.$(".post-image img").attr("alt"));
    for (const [url, card] of [
      ["/fr/404.html", "/fr/card.png"],
      ["/en/404.html", "/en/card.png"],
      ["/", "/fr/card.png"],
    ])
      expect(
        meta(
          pages.find((page) => page.url === url)!,
          'meta[property="og:image"]',
        ),
        url,
      ).toBe(`${SITE_ORIGIN}${card}`);
  });

  it("are drawn per language and per title: no two pages share the same card", async () => {
    const digests = await Promise.all(cards().map(async (file) => (await readFile(file)).toString("base64")));
    expect(new Set(digests).size).toBe(digests.length);
  });
});

describe("sharing", () => {
  it("names the collective's fediverse account on every page, and links to it with rel=me", () => {
    for (const page of pages) {
      expect(meta(page, 'meta[name="fediverse:creator"]'), page.url).toBe("@contrelia@mastodon.example");
      expect(page.$('link[rel="me"]').attr("href"), page.url).toBe("https://mastodon.example/@contrelia");
    }
  });

  it("offers e-mail, a text for Mastodon and the address on posts, pages and events, with the canonical address alone", () => {
    const withShare = pages.filter((page) => page.$(".share").length > 0);
    expect(new Set(withShare.map((page) => page.$("body").attr("data-page")))).toEqual(
      new Set(["post", "page", "event"]),
    );
    for (const page of withShare) {
      const canonical = page.$('link[rel="canonical"]').attr("href")!;
      const email = new URL(page.$('.share a[href^="mailto:"]').attr("href")!);
      expect(email.pathname).toBe("");
      expect(email.searchParams.get("subject"), page.url).toBe(page.$('meta[property="og:title"]').attr("content"));
      expect(email.searchParams.get("body")!.endsWith(`\n\n${canonical}`), page.url).toBe(true);
      const text = page.$(".share textarea").text();
      expect(text, page.url).toBe(
        `${page.$('meta[property="og:title"]').attr("content")} ${canonical} via @contrelia@mastodon.example`,
      );
      const server = new URL(page.$('.share a[href^="https://mastodon.example/"]').attr("href")!);
      expect([server.pathname, server.searchParams.get("text")]).toEqual(["/share", text]);
      expect(page.$(".share input").attr("value")).toBe(canonical);
      // Nothing that tracks who shared what: no campaign parameter, no script, nothing fetched from elsewhere.
      expect(page.$(".share").html()).not.toMatch(/utm_|fbclid|<script|<img|<iframe/);
    }
  });
});
