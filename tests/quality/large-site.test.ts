// Gates at scale: 1000 generated posts (the bench corpus, seeded) built once, at the most posts per page the settings allow: weights, growth, links, hreflang, titles, sitemaps, old addresses, search in parts.
import { readFile, readdir, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { slugify } from "../../src/core/content/slug.ts";
import { MOST_PER_PAGE } from "../../src/core/content/schema.ts";
import {
  heaviestPages,
  hreflangProblems,
  overBudget,
  pageFinder,
  pageWeights,
  titleProblems,
} from "../helpers/gates.ts";
import { type PageFacts, readPageFacts } from "../helpers/page-facts.ts";
import { copyProject, runBuild } from "../helpers/project.ts";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import { searchFragments } from "../helpers/search-index.ts";
import { PHONE, countTransfers, readyForQuery, searchFor } from "../helpers/search-page.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { LinkChecker, SITE_ORIGIN, internalPath, listFiles } from "../helpers/site.ts";

const POSTS = 1000;
/** A word of the generated French prose that nearly every post holds. */
const SEARCHED = "centrale";
const { postsPerPage, archivePerPage } = MOST_PER_PAGE;
/** The sections of each language, as the archive and topic pages had them before they were paginated. */
const SECTIONS: Record<string, { tags: string; archive: string }> = {
  fr: { tags: "/fr/sujets/", archive: "/fr/archives/" },
  en: { tags: "/en/topics/", archive: "/en/archive/" },
};

let root: string;
let siteDir: string;
let files: Set<string>;
let pages: PageFacts[];
let pageAt: (href: string) => PageFacts | undefined;

beforeAll(async () => {
  root = await copyProject();
  await writeCorpus(root, POSTS);
  const settings = path.join(root, "_data/site.yaml");
  const site = (await readFile(settings, "utf8"))
    .replace(/^postsPerPage: \d+$/m, `postsPerPage: ${postsPerPage}`)
    .replace(/^archivePerPage: \d+$/m, `archivePerPage: ${archivePerPage}`);
  await writeFile(settings, site);
  const build = await runBuild(root, "_site");
  if (build.code !== 0) throw new Error(`the large site does not build:\n${build.stdout}\n${build.stderr}`);
  siteDir = await realpath(path.join(root, "_site"));
  files = new Set(await listFiles(siteDir));
  pages = await readPageFacts(siteDir, files);
  pageAt = pageFinder(pages);
}, 300_000);

/** The published posts' languages, years and topics, read from their sources (drafts left out). */
async function publishedSources(): Promise<{ lang: string; year: string; tags: string[] }[]> {
  const sources = [];
  for (const lang of Object.keys(SECTIONS)) {
    for (const name of await readdir(path.join(root, "posts", lang))) {
      const text = await readFile(path.join(root, "posts", lang, name), "utf8");
      const fields = parseYaml(text.split(/^---$/m)[1]!) as { date: string | Date; tags?: string[]; draft?: boolean };
      if (fields.draft) continue;
      const year = fields.date instanceof Date ? String(fields.date.getUTCFullYear()) : fields.date.slice(0, 4);
      sources.push({ lang, year, tags: fields.tags ?? [] });
    }
  }
  return sources;
}

/** The posts a page links to from its main content. */
function postsLinked(page: PageFacts, postUrls: Set<string>): Set<string> {
  return new Set(
    page.mainLinks.map((href) => internalPath(href, page.url)?.split("#")[0]).filter((url) => postUrls.has(url!)),
  ) as Set<string>;
}

describe(`a site of ${POSTS} generated posts`, () => {
  it("keeps every page under its weight budget, and prints the heaviest", async () => {
    const posts = pages.filter((page) => page.kind === "post");
    expect(posts.length).toBeGreaterThanOrEqual(POSTS);
    const weights = await pageWeights(siteDir, pages, files);
    console.log(
      `Heaviest of ${pages.length} pages at ${POSTS} posts (gzip, HTML + CSS + JS + fonts):\n${heaviestPages(weights, 10)}`,
    );
    const heaviestPost = weights.filter((weight) => weight.kind === "post").sort((a, b) => b.html - a.html)[0]!;
    console.log(`Heaviest post HTML: ${(heaviestPost.html / 1024).toFixed(1)} KB  ${heaviestPost.url}`);
    expect(overBudget(weights)).toEqual([]);
  });

  it("grows no page with the site but by more pages: no list shows more posts than a page holds", () => {
    const postUrls = new Set(pages.filter((page) => page.kind === "post").map((page) => page.url));
    const crowded = pages
      .filter((page) => page.kind !== "post")
      .map((page) => ({ page, linked: postsLinked(page, postUrls).size }))
      .filter(({ page, linked }) => linked > (page.kind === "archive-year" ? archivePerPage : postsPerPage))
      .map(({ page, linked }) => `${page.url} (${page.kind}) links to ${linked} posts`);
    expect(crowded).toEqual([]);
    // Paginated lists lose nothing: the year pages of a language, together, list each of its posts once.
    for (const lang of Object.keys(SECTIONS)) {
      const listed = pages
        .filter((page) => page.kind === "archive-year" && page.lang === lang)
        .flatMap((page) => [...postsLinked(page, postUrls)]);
      const own = [...postUrls].filter((url) => url.startsWith(`/${lang}/`));
      expect(listed.length, lang).toBe(own.length);
      expect(new Set(listed), lang).toEqual(new Set(own));
    }
  });

  it("answers every address the archive and topic pages had before they were paginated", async () => {
    const previous = new Set<string>();
    for (const { lang, year, tags } of await publishedSources()) {
      const { tags: topics, archive } = SECTIONS[lang]!;
      previous.add(topics).add(`${archive}#year-${year}`);
      for (const tag of tags) previous.add(`${topics}${slugify(tag)}/`);
    }
    expect(previous.size).toBeGreaterThan(40);
    const links = new LinkChecker(siteDir, files, pages);
    const silent = [...previous].filter((address) => {
      const page = pageAt(address.split("#")[0]!);
      // A page, or a redirect to a page.
      return links.problem(page?.redirect ?? address, address) !== undefined;
    });
    expect(silent).toEqual([]);
  });

  it("has no broken internal link or anchor", () => {
    const links = new LinkChecker(siteDir, files, pages);
    const problems = pages.flatMap((page) => page.references.map((href) => links.problem(href, page.url)));
    expect(problems.filter(Boolean)).toEqual([]);
    expect(links.checked).toBeGreaterThan(POSTS * 20);
  });

  it("declares hreflang reciprocally, and gives every page a title of its own", () => {
    const { problems, checked } = hreflangProblems(pages);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(POSTS * 0.3);
    expect(titleProblems(pages)).toEqual([]);
  });

  it("indexes one sitemap per language, each within the protocol's limits, listing every indexable page once", async () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });
    const index: { loc: string; lastmod?: string }[] = parser.parse(
      await readFile(path.join(siteDir, "sitemap.xml"), "utf8"),
    ).sitemapindex.sitemap;
    expect(index.map((sitemap) => sitemap.loc)).toEqual([
      `${SITE_ORIGIN}/sitemap-fr.xml`,
      `${SITE_ORIGIN}/sitemap-en.xml`,
    ]);
    const listed: string[] = [];
    for (const sitemap of index) {
      expect(sitemap.lastmod, sitemap.loc).toMatch(/^\d{4}-\d\d-\d\dT/);
      const xml = await readFile(path.join(siteDir, new URL(sitemap.loc).pathname), "utf8");
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(52_428_800);
      const urls: { loc: string }[] = parser.parse(xml).urlset.url;
      expect(urls.length).toBeLessThanOrEqual(50_000);
      listed.push(...urls.map((url) => new URL(url.loc).pathname));
    }
    const indexable = pages.filter((page) => page.url !== "/" && !page.noindex && !page.redirect);
    expect(listed.sort()).toEqual(indexable.map((page) => page.url).sort());
    expect(await readFile(path.join(siteDir, "robots.txt"), "utf8")).toContain(`Sitemap: ${SITE_ORIGIN}/sitemap.xml`);
  });

  it("searches a language's index in parts in Chromium on a phone: every part answers, its language only, and the page stays light", async () => {
    const described = JSON.parse(await readFile(path.join(siteDir, "pagefind/languages.json"), "utf8")) as Record<
      string,
      { parts: string[] }
    >;
    expect(described.fr!.parts.length, "the French index is made in parts at this size").toBeGreaterThan(0);
    const fragments = (await searchFragments(siteDir)).filter((fragment) => fragment.language === "fr");
    const partOf = new Map(fragments.map((fragment) => [fragment.url, fragment.part]));
    const inFirstPart = fragments.filter((fragment) => fragment.part === "").length;
    const server = await serveSite(siteDir, SECURITY_HEADERS);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext(PHONE)).newPage();
      const transferred = countTransfers(page);
      const asked: string[] = [];
      page.on("request", (request) => asked.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/fr/recherche/`, { waitUntil: "networkidle" });
      await readyForQuery(page);
      const before = await transferred();
      console.log(`/fr/recherche/ at ${POSTS} posts: ${(before / 1024).toFixed(1)} KB before the first query`);
      expect(before).toBeLessThan(100 * 1024);
      // A word nearly every French post holds: more results than the first part has pages, so every part answered.
      const found = await searchFor(page, SEARCHED);
      const count = Number(/\d+/.exec(found.status)?.[0]);
      expect(count, found.status).toBeGreaterThan(inFirstPart);
      // The page shows the first 20 once their excerpts are in (the first 3 sooner).
      expect(found.urls.length).toBe(Math.min(count, 20));
      expect(
        found.urls.every((url) => url.startsWith("/fr/")),
        found.urls.join(" "),
      ).toBe(true);
      // Nothing of the English index was fetched: not a part, not a file of the first part's English index.
      const fetched = asked.filter((url) => url.startsWith("/pagefind/"));
      expect(
        fetched.filter((url) => /^\/pagefind\/(?:en-\d+\/|(?:.*\/)?(?:pagefind\.|wasm\.)?en[_.])/.test(url)),
      ).toEqual([]);
      expect(fetched.filter((url) => /^\/pagefind\/fr-\d+\/.*\.pf_index$/.test(url)).length).toBeGreaterThan(0);
      expect(new Set(found.urls.map((url) => partOf.get(url))).size, "results from more than one part").toBeGreaterThan(
        1,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
