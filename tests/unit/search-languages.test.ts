// The search index made one language at a time: the same files as one Pagefind run over every page, and an edit re-indexes its own language only.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createContext } from "../../src/core/context.ts";
import type { Output } from "../../src/core/output/output.ts";
import { writeOutputs } from "../../src/core/output/writer.ts";
import { publishedFiles } from "../../src/features/search/bundle.ts";
import { SearchIndex, runPagefind } from "../../src/features/search/pagefind-index.ts";
import { tempDir } from "../helpers/project.ts";

interface Page {
  url: string;
  lang: string;
  /** Whether the output says its language (pages of the model do); otherwise only its `<html lang>` does. */
  declared: boolean;
  text: string;
}

function html({ lang, text }: Page): string {
  return `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><nav>menu</nav><main data-pagefind-body><h1>${text}</h1><p>${text} ${text}</p></main></body></html>`;
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

async function build(root: string, pages: readonly Page[]): Promise<Map<string, Buffer>> {
  const context = createContext({ root, now: DateTime.now(), mode: "production" });
  const dir = await tempDir();
  await writeOutputs(pages.map(outputOf), dir, { derivations: [new SearchIndex(context)] });
  return indexFiles(dir);
}

/** How many indexes the cache holds: one per language and set of pages Pagefind was run on. */
async function cachedIndexes(root: string): Promise<number> {
  const entries = await readdir(path.join(root, ".cache/tract"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.parentPath.includes(`${path.sep}search`)).length;
}

describe("the search index, one language at a time", () => {
  it("is, file for file and byte for byte, the index one Pagefind run makes of every page", async () => {
    const root = await tempDir();
    const split = await build(root, PAGES);
    const together = publishedFiles(
      await runPagefind(PAGES.map((page) => ({ url: page.url, content: Buffer.from(html(page)) }))),
    );
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
    expect(changed.filter((name) => name !== "pagefind-entry.json").every((name) => /(^|[/.])fr_/.test(name))).toBe(
      true,
    );
    for (const [name, content] of before)
      if (/(^|[/.])en_|wasm\.en/.test(name)) expect(after.get(name)).toEqual(content);
    // The French index taken again and the English one from the cache: the index of a build from nothing.
    expect(after).toEqual(await build(await tempDir(), edited));
  });
});
