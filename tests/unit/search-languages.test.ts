// The search index made one language, and one part of a language, at a time: the same files as one Pagefind run over their pages, and an edit re-indexes its own part only.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "../../src/core/context.ts";
import type { Output } from "../../src/core/output/output.ts";
import { writeOutputs } from "../../src/core/output/writer.ts";
import { partFiles, publishedFiles } from "../../src/features/search/bundle.ts";
import {
  PAGES_PER_PART,
  SearchIndex,
  closePagefind,
  partCount,
  partOf,
  runPagefind,
} from "../../src/features/search/pagefind-index.ts";
import { tempDir } from "../helpers/project.ts";

interface Page {
  url: string;
  lang: string;
  /** Whether the output says its language (pages of the model do); otherwise only its `<html lang>` does. */
  declared: boolean;
  text: string;
  /** A value of the topic filter, as a post's topic links give it. */
  topic?: string;
  /** A page without `data-pagefind-body`, as lists and archives are. */
  unmarked?: boolean;
}

function html({ lang, text, topic, unmarked }: Page): string {
  const filter = topic ? `<a href="/" data-pagefind-filter="topic">${topic}</a>` : "";
  const main = unmarked ? "<main>" : "<main data-pagefind-body>";
  return `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><nav>menu</nav>${main}<h1>${text}</h1><p>${text} ${text}</p>${filter}</main></body></html>`;
}

function outputOf(page: Page): Output {
  return {
    url: page.url,
    type: "text/html",
    ...(page.declared ? { lang: page.lang } : {}),
    origin: { feature: "pages" },
    produce: () => html(page),
  };
}

const PAGES: Page[] = [
  { url: "/fr/charbon/", lang: "fr", declared: true, text: "Le retour du charbon dans les centrales" },
  { url: "/fr/sommet/", lang: "fr", declared: true, text: "Le programme du contre-sommet" },
  { url: "/en/coal/", lang: "en", declared: true, text: "The return of coal power stations" },
  { url: "/en/summit/", lang: "en", declared: false, text: "The counter-summit programme" },
];

/** The files of the built site's index, by path relative to /pagefind/. */
async function indexFiles(dir: string): Promise<Map<string, Buffer>> {
  const bundle = path.join(dir, "pagefind");
  const names = (await readdir(bundle, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(bundle, path.join(entry.parentPath, entry.name)));
  return new Map(
    await Promise.all(names.map(async (name) => [name, await readFile(path.join(bundle, name))] as const)),
  );
}

async function build(
  root: string,
  pages: readonly Page[],
  pagesPerPart = PAGES_PER_PART,
): Promise<Map<string, Buffer>> {
  const context = createContext({ root, now: DateTime.now(), mode: "production" });
  const dir = await tempDir();
  await writeOutputs(pages.map(outputOf), dir, { derivations: [new SearchIndex(context, pagesPerPart)] });
  return indexFiles(dir);
}

/** Pagefind's own run over `pages`, as the bundle publishes it. */
async function pagefindAlone(pages: readonly Page[]) {
  return publishedFiles(await runPagefind(pages.map((page) => ({ url: page.url, content: Buffer.from(html(page)) }))));
}

afterAll(closePagefind);

/** How many indexes the cache holds: one per language and set of pages Pagefind was run on. */
async function cachedIndexes(root: string): Promise<number> {
  const entries = await readdir(path.join(root, ".cache/tract"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.parentPath.includes(`${path.sep}search${path.sep}`)).length;
}

describe("the search index, one language at a time", () => {
  it("is, file for file and byte for byte, the index one Pagefind run makes of every page", async () => {
    const root = await tempDir();
    const split = await build(root, PAGES);
    const together = await pagefindAlone(PAGES);
    // Besides Pagefind's files, what the page needs before its first query: no other part at this size, no filter.
    expect(JSON.parse(split.get("languages.json")!.toString())).toEqual({
      en: { parts: [], filters: {} },
      fr: { parts: [], filters: {} },
    });
    split.delete("languages.json");
    expect([...split.keys()].sort()).toEqual(together.map((file) => file.path).sort());
    for (const file of together) expect(split.get(file.path)?.equals(file.content), file.path).toBe(true);
    const entry = JSON.parse(split.get("pagefind-entry.json")!.toString()) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages)).toEqual(["en", "fr"]);
  });

  it("re-indexes only the language of an edited page, and the other language's files stay the same", async () => {
    const root = await tempDir();
    const before = await build(root, PAGES);
    expect(await cachedIndexes(root)).toBe(2);
    // The same pages again: both indexes come from the cache.
    expect(await build(root, PAGES)).toEqual(before);
    expect(await cachedIndexes(root)).toBe(2);
    const edited = PAGES.map((page) =>
      page.url === "/fr/sommet/" ? { ...page, text: "Le programme complet du contre-sommet" } : page,
    );
    const after = await build(root, edited);
    expect(await cachedIndexes(root)).toBe(3);
    const changed = [...after.keys()].filter((name) => !before.get(name)?.equals(after.get(name)!));
    expect(changed.length).toBeGreaterThan(0);
    // The entry file lists both languages; every other changed file is French.
    expect(
      changed
        .filter((name) => name !== "pagefind-entry.json" && name !== "languages.json")
        .every((name) => /(^|[/.])fr_/.test(name)),
    ).toBe(true);
    for (const [name, content] of before)
      if (/(^|[/.])en_|wasm\.en/.test(name)) expect(after.get(name)).toEqual(content);
    // The French index taken again and the English one from the cache: the index of a build from nothing.
    expect(after).toEqual(await build(await tempDir(), edited));
  });
});

const MANY: Page[] = [
  ...["charbon", "sommet", "centrale", "mine", "réseau", "serveur", "climat", "énergie", "eau", "ville"].map(
    (word, number) => ({
      url: `/fr/${word}/`,
      lang: "fr",
      declared: true,
      text: `Page ${number} sur le mot ${word} et ses effets`,
      topic: number % 2 ? "charbon" : `sujet ${number}`,
    }),
  ),
  { url: "/en/coal/", lang: "en", declared: true, text: "The return of coal power stations", topic: "coal" },
  { url: "/en/summit/", lang: "en", declared: true, text: "The counter-summit programme" },
];
const MOST = 3;

describe("the search index of a large language, in parts", () => {
  it("has a power of two parts, each of at most the pages allowed, a page's part given by its address", () => {
    expect([1, 3, 4, 6, 7, 13, 25].map((pages) => partCount(pages, MOST))).toEqual([1, 1, 2, 2, 4, 8, 16]);
    expect(partOf("/fr/charbon/", 8)).toBe(partOf("/fr/charbon/", 8));
    expect(new Set(MANY.map((page) => partOf(page.url, 4))).size).toBeGreaterThan(1);
  });

  it("is made of one Pagefind run per part: the first in the bundle, the others in folders listed in languages.json", async () => {
    const files = await build(await tempDir(), MANY, MOST);
    const french = MANY.filter((page) => page.lang === "fr");
    const parts = partCount(french.length, MOST);
    const byPart = Array.from({ length: parts }, (_, number) =>
      french.filter((page) => partOf(page.url, parts) === number).sort((a, b) => (a.url < b.url ? -1 : 1)),
    );
    const made = byPart.flatMap((pages, number) => (pages.length ? [number] : []));
    const described = JSON.parse(files.get("languages.json")!.toString()) as Record<
      string,
      { parts: string[]; filters: Record<string, string[]> }
    >;
    // Each language's filter values, from all its parts, so that the page offers them without fetching every part's.
    const topics = [...new Set(french.map((page) => page.topic!))].sort();
    expect(described.fr!.filters).toEqual({ topic: topics });
    expect(described.en!.filters).toEqual({ topic: ["coal"] });
    const listed = described.fr!.parts;
    expect(listed).toEqual(made.slice(1).map((number) => `fr-${number}/`));
    expect(listed.length).toBeGreaterThan(0);
    for (const number of made.slice(1)) {
      const expected = partFiles(await pagefindAlone(byPart[number]!));
      const folder = [...files.keys()].filter((name) => name.startsWith(`fr-${number}/`));
      expect(folder.sort()).toEqual(expected.map((file) => `fr-${number}/${file.path}`).sort());
      for (const file of expected) expect(files.get(`fr-${number}/${file.path}`)?.equals(file.content)).toBe(true);
      const entry = JSON.parse(files.get(`fr-${number}/pagefind-entry.json`)!.toString()) as {
        languages: Record<string, unknown>;
      };
      expect(Object.keys(entry.languages)).toEqual(["fr"]);
    }
    // Every French page is in one part exactly.
    const fragments = [...files.keys()].filter((name) => /(^|\/)fragment\/fr_/.test(name));
    expect(fragments).toHaveLength(french.length);
    // The bundle the page loads: Pagefind's script, its WebAssembly and the first part of each language.
    const first = await pagefindAlone([...byPart[made[0]!]!, ...MANY.filter((page) => page.lang === "en")]);
    for (const file of first) expect(files.get(file.path)?.equals(file.content), file.path).toBe(true);
  });

  it("re-indexes only the part of an edited page", async () => {
    const root = await tempDir();
    const before = await build(root, MANY, MOST);
    const folders = (JSON.parse(before.get("languages.json")!.toString()) as Record<string, { parts: string[] }>).fr!
      .parts;
    const parts = partCount(10, MOST);
    const page = MANY.find((page) => folders.includes(`fr-${partOf(page.url, parts)}/`))!;
    const folder = `fr-${partOf(page.url, parts)}/`;
    const edited = MANY.map((other) =>
      other === page ? { ...page, text: `${page.text}, revue et complétée` } : other,
    );
    const kept = await cachedIndexes(root);
    const after = await build(root, edited, MOST);
    // One Pagefind run: the edited page's part; the others come from the cache.
    expect(await cachedIndexes(root)).toBe(kept + 1);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
      (name) => !before.get(name)?.equals(after.get(name) ?? Buffer.alloc(0)),
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(
      changed.every((name) => name.startsWith(folder)),
      changed.join(" "),
    ).toBe(true);
    expect(after).toEqual(await build(await tempDir(), edited, MOST));
  });

  it("reads no page again when the same pages come back: whether each is marked is kept by its content key", async () => {
    const root = await tempDir();
    const context = createContext({ root, now: DateTime.now(), mode: "production" });
    let reads = 0;
    const index = async (pages: readonly Page[]) => {
      const search = new SearchIndex(context, MOST);
      for (const page of pages)
        await search.read(outputOf(page), {
          key: `${page.url}:${page.text}`,
          content: async () => {
            reads++;
            return Buffer.from(html(page));
          },
        });
      return search.outputs();
    };
    const first = await index(MANY);
    expect(reads).toBeGreaterThanOrEqual(MANY.length);
    reads = 0;
    expect((await index(MANY)).map((output) => output.url)).toEqual(first.map((output) => output.url));
    expect(reads).toBe(0);
  });

  it("refuses a page language that is no language tag, as it would name a folder of the bundle", async () => {
    const context = createContext({ root: await tempDir(), now: DateTime.now(), mode: "production" });
    const page: Page = { url: "/x/", lang: "../fr", declared: true, text: "Une page" };
    const output = { ...outputOf(page), origin: { feature: "pages", file: "posts/fr/x.md" } };
    await expect(
      new SearchIndex(context).read(output, { key: "k", content: async () => Buffer.from(html(page)) }),
    ).rejects.toThrow('/x/ (from posts/fr/x.md): its language "../fr" is not a language tag');
  });

  it("is made of the pages marked for search only: a list or archive page changing re-makes no part", async () => {
    const root = await tempDir();
    const list = (text: string): Page => ({ url: "/fr/archives/", lang: "fr", declared: true, text, unmarked: true });
    const before = await build(root, [...MANY, list("Archives : dix billets")], MOST);
    const kept = await cachedIndexes(root);
    const after = await build(root, [...MANY, list("Archives : onze billets")], MOST);
    expect(await cachedIndexes(root)).toBe(kept);
    expect(after).toEqual(before);
    expect(before).toEqual(await build(await tempDir(), MANY, MOST));
  });
});
