// Topic and archive pages at any size: numbered pages that link to each other and to the other language's, the archive by year, and the old addresses.
import { mkdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { postSource } from "../helpers/fixture.ts";
import { readPageFacts } from "../helpers/page-facts.ts";
import { copyProject, runBuild } from "../helpers/project.ts";
import { type HtmlPage, LinkChecker, SITE_ORIGIN, htmlPages, listFiles } from "../helpers/site.ts";

/** Five French posts on surveillance over two years, three of them translated; one French topic without a pair. */
const FRENCH = [
  ["2025-03-01", "mars", "[surveillance, sobriété]"],
  ["2025-02-01", "fevrier", "[surveillance]"],
  ["2025-01-01", "janvier", "[surveillance]"],
  ["2024-12-01", "decembre", "[surveillance]"],
  ["2024-06-01", "juin", "[surveillance]"],
] as const;
const ENGLISH = ["mars", "fevrier", "decembre"];

let byUrl: Map<string, HtmlPage>;
let siteDir: string;

function page(url: string): HtmlPage {
  const found = byUrl.get(url);
  if (!found) throw new Error(`${url} is not in the build`);
  return found;
}
const hrefs = (at: HtmlPage, selector: string) =>
  at
    .$(selector)
    .toArray()
    .map((element) => at.$(element).attr("href"));
const hreflang = (at: HtmlPage) =>
  Object.fromEntries(
    at
      .$('link[rel="alternate"][hreflang]')
      .toArray()
      .map((element) => [at.$(element).attr("hreflang"), at.$(element).attr("href")]),
  );
const switcher = (at: HtmlPage, lang: string) => at.$(`.language-switcher a[lang="${lang}"]`).attr("href");

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const [date, key, tags] of FRENCH)
    files[`posts/fr/${key}.md`] = postSource({ title: `"Billet de ${key}"`, date, translationKey: key, tags });
  for (const key of ENGLISH) {
    const date = FRENCH.find(([, french]) => french === key)![0];
    files[`posts/en/${key}.md`] = postSource({
      title: `"Post of ${key}"`,
      date,
      translationKey: key,
      tags: "[surveillance]",
    });
  }
  // The project with these posts only (the sample events announce sample posts: they go too).
  const root = await copyProject();
  for (const folder of ["posts", "_data/events"]) await rm(path.join(root, folder), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  const settings = path.join(root, "_data/site.yaml");
  await writeFile(
    settings,
    (await readFile(settings, "utf8"))
      .replace(/^postsPerPage: \d+$/m, "postsPerPage: 2")
      .replace(/^archivePerPage: \d+$/m, "archivePerPage: 2"),
  );
  const build = await runBuild(root, "_site");
  if (build.code !== 0) throw new Error(`the fixture does not build:\n${build.stdout}\n${build.stderr}`);
  siteDir = await realpath(path.join(root, "_site"));
  byUrl = new Map((await htmlPages(siteDir)).map((built) => [built.url, built]));
});

describe("a topic with more posts than a page holds", () => {
  const pages = ["/fr/sujets/surveillance/", "/fr/sujets/surveillance/2/", "/fr/sujets/surveillance/3/"];

  it("has numbered pages, newest first, each with its count, its neighbours, its own title and canonical", () => {
    expect(byUrl.has("/fr/sujets/surveillance/4/")).toBe(false);
    expect(pages.map((url) => hrefs(page(url), ".post-summary-title a"))).toEqual([
      ["/fr/mars/", "/fr/fevrier/"],
      ["/fr/janvier/", "/fr/decembre/"],
      ["/fr/juin/"],
    ]);
    pages.forEach((url, index) => {
      const at = page(url);
      expect(at.$(".pagination [aria-current=page]").text()).toBe(`Page ${index + 1} sur 3`);
      expect(at.$('.pagination a[rel="prev"]').attr("href")).toBe(pages[index - 1]);
      expect(at.$('.pagination a[rel="next"]').attr("href")).toBe(pages[index + 1]);
      expect(at.$('link[rel="canonical"]').attr("href")).toBe(`${SITE_ORIGIN}${url}`);
      expect(at.$("body").attr("data-page")).toBe("tag");
    });
    expect(pages.map((url) => page(url).$("h1").text())).toEqual([
      "Sujet\u202F: surveillance",
      "Sujet\u202F: surveillance, page 2 sur 3",
      "Sujet\u202F: surveillance, page 3 sur 3",
    ]);
    expect(new Set(pages.map((url) => page(url).$("title").text())).size).toBe(3);
  });

  it("links to the other language's topic of the same slug: hreflang on the first page, the switcher on every page", () => {
    expect(hreflang(page(pages[0]!))).toEqual({
      fr: `${SITE_ORIGIN}/fr/sujets/surveillance/`,
      en: `${SITE_ORIGIN}/en/topics/surveillance/`,
      "x-default": `${SITE_ORIGIN}/fr/sujets/surveillance/`,
    });
    expect(hreflang(page("/en/topics/surveillance/")).fr).toBe(`${SITE_ORIGIN}/fr/sujets/surveillance/`);
    // A later page has no equivalent in English: it names itself only, and the switcher leads to the English topic.
    expect(hreflang(page(pages[1]!))).toEqual({ fr: `${SITE_ORIGIN}/fr/sujets/surveillance/2/` });
    for (const url of pages) expect(switcher(page(url), "en"), url).toBe("/en/topics/surveillance/");
    expect(hrefs(page("/en/topics/surveillance/2/"), '.pagination a[rel="prev"]')).toEqual([
      "/en/topics/surveillance/",
    ]);
    expect(switcher(page("/en/topics/surveillance/2/"), "fr")).toBe("/fr/sujets/surveillance/");
    // A topic without a pair has no alternate, and its switcher leads home.
    expect(hreflang(page("/fr/sujets/sobriete/"))).toEqual({ fr: `${SITE_ORIGIN}/fr/sujets/sobriete/` });
    expect(switcher(page("/fr/sujets/sobriete/"), "en")).toBe("/en/");
  });

  it("announces and links the topic's feed, unchanged, on every page", () => {
    for (const url of pages) {
      const at = page(url);
      expect(at.$('link[rel="alternate"][type="application/atom+xml"]').last().attr("href"), url).toBe(
        `${SITE_ORIGIN}/fr/sujets/surveillance/feed.xml`,
      );
      expect(at.$(".feed-link a").attr("href"), url).toBe("/fr/sujets/surveillance/feed.xml");
    }
  });
});

describe("the social cards of a list", () => {
  it("are one per list: each later page shares its first page's card, which says the list's title", async () => {
    const image = (at: HtmlPage) => at.$('meta[property="og:image"]').attr("content");
    const files = new Set(await listFiles(siteDir));
    expect(files.has(path.join(siteDir, "fr/sujets/surveillance/card.png"))).toBe(true);
    const alt = page("/fr/sujets/surveillance/").$('meta[property="og:image:alt"]').attr("content");
    expect(alt).toContain("Sujet\u202F: surveillance");
    expect(alt).not.toContain("page 1");
    for (const url of ["/fr/sujets/surveillance/2/", "/fr/sujets/surveillance/3/"]) {
      expect(image(page(url)), url).toBe(`${SITE_ORIGIN}/fr/sujets/surveillance/card.png`);
      expect(page(url).$('meta[property="og:image:alt"]').attr("content"), url).toBe(alt);
      expect(files.has(path.join(siteDir, url, "card.png")), url).toBe(false);
    }
    expect(image(page("/fr/archives/2025/2/"))).toBe(`${SITE_ORIGIN}/fr/archives/2025/card.png`);
  });
});

describe("the archive", () => {
  it("lists the years with their counts and the latest posts, each year page by page", () => {
    const archive = page("/fr/archives/");
    expect(
      archive
        .$(".archive-years li")
        .toArray()
        .map((item) => [archive.$(item).attr("id"), archive.$(item).find("a").attr("href"), archive.$(item).text()]),
    ).toEqual([
      ["year-2025", "/fr/archives/2025/", "2025 (3)"],
      ["year-2024", "/fr/archives/2024/", "2024 (2)"],
    ]);
    expect(hrefs(archive, ".archive-list a")).toEqual(["/fr/mars/", "/fr/fevrier/"]);
    expect(hrefs(page("/fr/archives/2025/"), ".archive-list a")).toEqual(["/fr/mars/", "/fr/fevrier/"]);
    expect(hrefs(page("/fr/archives/2025/2/"), ".archive-list a")).toEqual(["/fr/janvier/"]);
    expect(page("/fr/archives/2025/2/").$("h1").text()).toBe("Archives 2025, page 2 sur 2");
    expect(hrefs(page("/fr/archives/2024/"), ".archive-list a")).toEqual(["/fr/decembre/", "/fr/juin/"]);
    expect(byUrl.has("/fr/archives/2024/2/")).toBe(false);
    expect(hreflang(page("/fr/archives/2024/")).en).toBe(`${SITE_ORIGIN}/en/archive/2024/`);
  });
});

describe("the sample site's addresses from before topic and archive pages were paginated", () => {
  // Every archive and topic address of the sample site as it was built before issue 20.
  const previous = [
    "/fr/archives/",
    "/fr/archives/#year-2025",
    "/en/archive/",
    "/en/archive/#year-2025",
    "/fr/sujets/",
    ...["brochure", "charbon", "climat", "contre-sommet", "economie", "energie", "lectures", "presse"].map(
      (slug) => `/fr/sujets/${slug}/`,
    ),
    "/fr/sujets/resistance/",
    "/fr/sujets/sommet-de-l-ia/",
    "/en/topics/",
    ...["ai-summit", "climate", "coal", "counter-summit", "economy", "energy", "press", "resistance"].map(
      (slug) => `/en/topics/${slug}/`,
    ),
  ];

  it("all answer, with a page or a redirect to one", async () => {
    const siteDir = inject("siteDir");
    const files = new Set(await listFiles(siteDir));
    const facts = await readPageFacts(siteDir, files);
    const links = new LinkChecker(siteDir, files, facts);
    const redirects = new Map(facts.map((built) => [built.url, built.redirect]));
    const silent = previous.filter((url) => links.problem(redirects.get(url.split("#")[0]!) ?? url, url));
    expect(silent).toEqual([]);
  });
});
