// The search index of the built sample site: one per language, every published post, event and page and nothing else, their main content only, with kind, topic and date.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { type HtmlPage, htmlPages } from "../helpers/site.ts";
import { type Fragment, searchFragments } from "../helpers/search-index.ts";
import { copyProject, runBuild } from "../helpers/project.ts";
import { errorLines, postSource } from "../helpers/fixture.ts";

const siteDir = inject("siteDir");
let pages: HtmlPage[];
let fragments: Fragment[];

/** The kinds of page that are searched: posts of every kind, events and standalone pages. */
const SEARCHED = new Set(["post", "event", "page"]);

beforeAll(async () => {
  pages = await htmlPages(siteDir);
  fragments = await searchFragments(siteDir);
});

function fragmentOf(url: string): Fragment {
  const found = fragments.find((fragment) => fragment.url === url);
  if (!found) throw new Error(`${url} is not in the search index`);
  return found;
}

describe("the search index", () => {
  it("holds every published post, event and page, each in its language's index, and no other page", () => {
    const searched = pages.filter((page) => SEARCHED.has(page.$("body").attr("data-page") ?? ""));
    expect(searched.length).toBeGreaterThan(15);
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(searched.map((page) => page.url).sort());
    for (const fragment of fragments)
      expect(fragment.url.startsWith(`/${fragment.language}/`), fragment.url).toBe(true);
  });

  it("is one index per language, as Pagefind's entry file says", async () => {
    const entry = JSON.parse(await readFile(path.join(siteDir, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "fr"]);
    for (const [lang, { page_count }] of Object.entries(entry.languages))
      expect(page_count).toBe(fragments.filter((fragment) => fragment.language === lang).length);
  });

  it("keeps each page's main content only: no menus, footer, language switcher, neighbours or repeated notes", () => {
    const post = pages.find((page) => page.url === "/fr/ia-retour-du-charbon/")!;
    const neighbours = post
      .$(".post-neighbours a")
      .toArray()
      .map((link) => post.$(link).text());
    expect(neighbours.length).toBeGreaterThan(0);
    const content = fragmentOf(post.url).content;
    expect(content).toContain("Les systèmes d’intelligence artificielle se multiplient");
    for (const elsewhere of [
      ...neighbours,
      "Aller au contenu",
      "Navigation principale",
      "Site publié avec tract",
      "S'abonner aux flux",
      "Publié le",
      "Lire aussi en",
      "English",
      // The line only print shows, the picture's credit, the share links (which repeat the title and address).
      "https://tract.example.org/fr/ia-retour-du-charbon/",
      "Crédit :",
      "Partager cette page",
      "Sur Mastodon",
    ])
      expect(content, elsewhere).not.toContain(elsewhere);
    const release = fragmentOf("/en/press-release-counter-summit/").content;
    expect(release).not.toContain("About the collective");
    expect(release).not.toContain("End of press release");
    const event = fragmentOf("/fr/agenda/contre-sommet-2025/").content;
    expect(event).not.toContain("Ajouter à mon agenda");
    expect(event).not.toContain("Voir sur OpenStreetMap");
    // Each session's calendar link, and the programme's column headings.
    expect(event).not.toContain("Ajouter à l’agenda");
    expect(event).not.toMatch(/Heure\s*Intervention/);
    expect(event).toContain("Comment stopper l’IA");
  });

  it("gives each result its kind, topics, title and date, in its language", () => {
    const post = fragmentOf("/fr/ia-retour-du-charbon/");
    const page = pages.find((candidate) => candidate.url === post.url)!;
    expect(post.filters).toEqual({
      kind: ["Billet"],
      topic: page
        .$(".post-tags a")
        .toArray()
        .map((link) => page.$(link).text()),
    });
    expect(page.$("h1").text()).toMatch(/^L’IA a faim d’énergie\s:\sle grand retour du charbon$/);
    expect(post.meta).toEqual({
      title: page.$("h1").text(),
      date: "13 janvier 2025",
      datetime: "2025-01-13T08:30:00+01:00",
      // Pagefind's own: the first picture of the content, its smallest rendition.
      image: expect.stringMatching(/^\/assets\/press\/photos\/centre-de-donnees-[0-9a-f]{10}-320w\.jpg$/),
      image_alt: page.$("main img").first().attr("alt"),
    });
    expect(fragmentOf("/en/press-release-counter-summit/").filters.kind).toEqual(["Press release"]);
    expect(fragmentOf("/en/official-summit-rebuttal/").filters.kind).toEqual(["Rebuttal"]);
    expect(fragmentOf("/fr/contre-sommet-ia/").filters.kind).toEqual(["Annonce"]);
    const event = fragmentOf("/en/events/contre-sommet-2025/");
    expect(event.filters).toEqual({ kind: ["Event"] });
    expect(event.meta.datetime).toBe("2025-02-08T13:00:00+01:00");
  });
});

describe("leaving out of the index", () => {
  it("a post with search: false, still published, and a part of a post wrapped in data-pagefind-ignore", async () => {
    const root = await copyProject();
    const file = path.join(root, "posts/fr/ia-retour-du-charbon.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("\nslug:", "\nsearch: false\nslug:"));
    // And a part of another post, wrapped as the README says.
    const other = path.join(root, "posts/en/ai-coal-comeback.md");
    await writeFile(
      other,
      `${await readFile(other, "utf8")}\n<div data-pagefind-ignore>\n\nAn unsearchable aside.\n\n</div>\n`,
    );
    const output = path.join(root, "_site");
    const result = await runBuild(root, output);
    expect(result.code, result.stderr).toBe(0);
    const urls = (await searchFragments(output)).map((fragment) => fragment.url);
    expect(urls).not.toContain("/fr/ia-retour-du-charbon/");
    expect(urls).toContain("/en/ai-coal-comeback/");
    const coal = (await searchFragments(output)).find((fragment) => fragment.url === "/en/ai-coal-comeback/")!;
    expect(coal.content).toContain("dirtiest and oldest of fossil fuels");
    expect(coal.content).not.toContain("unsearchable aside");
    expect(await readFile(path.join(output, "en/ai-coal-comeback/index.html"), "utf8")).toContain(
      "An unsearchable aside.",
    );
    expect((await htmlPages(output)).map((page) => page.url)).toContain("/fr/ia-retour-du-charbon/");
  });

  it("must be true or false, or the build names the file and the field", async () => {
    const lines = await errorLines({ "posts/fr/un-billet.md": postSource({ search: "non" }) });
    expect(lines).toEqual([expect.stringMatching(/^posts\/fr\/un-billet\.md:\d+: search: .*true or false/)]);
  });
});
