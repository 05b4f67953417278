// A new feature is one folder and one line in eleventy.config.ts: a tiny one (a page and a JSON file per language from one data
// file) added to a copy of the project shows in the built site and in `npm run check`, and a bad data file stops the build.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, runBuild, runScript } from "../helpers/project.ts";

/** The whole feature: it reads _data/reading-list.yaml, adds a section of addresses, a page per language and a JSON file. */
const FEATURE = `// A reading list: the books and articles the collective recommends, one page and one JSON file per language.
import { z } from "zod";
import { readDataFile } from "../../core/content/data-files.ts";
import { text } from "../../core/content/schema.ts";
import { defineFeature } from "../../core/feature.ts";

const FILE = "_data/reading-list.yaml";
const schema = z.array(z.strictObject({ lang: text("a language code"), title: text("a title"), url: z.url() }));
type Reading = z.output<typeof schema>[number];

export default defineFeature<Reading[]>({
  name: "reading-list",
  paths: ["readingList"],
  watch: [FILE],
  load: async (context, _content, problems) => (await readDataFile(context.root, FILE, schema, problems)) ?? [],
  views: (factory) =>
    factory.editions.map((edition) =>
      factory.make(edition, "reading-list", { url: edition.routes.path("readingList") }, { title: "Lectures", description: "Ce que nous recommandons." }),
    ),
  viewData: { "reading-list": async (view, model) => ({ readings: (model.data("reading-list") as Reading[]).filter((reading) => reading.lang === view.lang) }) },
  outputs: (model, _context, _templates, readings) =>
    model.languages.map((language) => ({
      url: \`\${model.edition(language.code).routes.path("readingList")}list.json\`,
      type: "application/json",
      origin: { feature: "reading-list", file: FILE },
      produce: () => JSON.stringify(readings.filter((reading) => reading.lang === language.code)),
    })),
});
`;

const TEMPLATE = `<h1>{{ view.title }}</h1>
<ul>{% for reading in readings %}<li><a href="{{ reading.url }}">{{ reading.title }}</a></li>{% endfor %}</ul>
`;

const DATA = `- lang: fr
  title: "Synthèse de critiques de l'IA et de son monde Machine"
  url: https://example.org/synthese
- lang: en
  title: "A synthesis of critiques of AI"
  url: https://example.org/synthesis
`;

async function withReadingList(): Promise<string> {
  const root = await copyProject();
  await mkdir(path.join(root, "src/features/reading-list"));
  await writeFile(path.join(root, "src/features/reading-list/feature.ts"), FEATURE);
  await writeFile(path.join(root, "_includes/views/reading-list.njk"), TEMPLATE);
  await writeFile(path.join(root, "_data/reading-list.yaml"), DATA);
  for (const [lang, name] of [
    ["fr", "lectures"],
    ["en", "reading"],
  ]) {
    const strings = path.join(root, `_data/strings/${lang}.yaml`);
    await writeFile(
      strings,
      (await readFile(strings, "utf8")).replace("\npaths:\n", `\npaths:\n  readingList: ${name}\n`),
    );
  }
  // The one line: the feature registered after the others.
  const config = path.join(root, "eleventy.config.ts");
  const source = await readFile(config, "utf8");
  await writeFile(
    config,
    source
      .replace(
        'import assets from "./src/features/assets/feature.ts";',
        'import assets from "./src/features/assets/feature.ts";\nimport readingList from "./src/features/reading-list/feature.ts";',
      )
      .replace(/export const features = \[([^\]]*?),?\s*\];/, "export const features = [$1, readingList];"),
  );
  return root;
}

describe("a feature added in one folder and one line", () => {
  it("publishes its page and its file in every language, which npm run check knows", async () => {
    const root = await withReadingList();
    const built = await runBuild(root, "_site");
    expect(built.code, built.stderr).toBe(0);
    expect(await readFile(path.join(root, "_site/fr/lectures/index.html"), "utf8")).toContain(
      "Synthèse de critiques de l&#39;IA et de son monde Machine",
    );
    expect(await readFile(path.join(root, "_site/en/reading/index.html"), "utf8")).toContain(
      "A synthesis of critiques of AI",
    );
    expect(JSON.parse(await readFile(path.join(root, "_site/fr/lectures/list.json"), "utf8"))).toEqual([
      {
        lang: "fr",
        title: "Synthèse de critiques de l'IA et de son monde Machine",
        url: "https://example.org/synthese",
      },
    ]);
    // In the sitemap, with its counterpart in the other language, like every page.
    expect(await readFile(path.join(root, "_site/sitemap-fr.xml"), "utf8")).toContain(
      "https://tract.example.org/fr/lectures/",
    );
    expect(existsSync(path.join(root, "_site/en/reading/list.json"))).toBe(true);

    // A post linking to the feature's file is fine; to an address the feature does not make, it is not.
    await appendFile(
      path.join(root, "posts/fr/ia-retour-du-charbon.md"),
      "\n[Nos lectures](/fr/lectures/list.json), [et d'autres](/fr/lectures/autres.json).\n",
    );
    const check = await runScript(root, "src/cli/check.ts");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("/fr/lectures/autres.json leads to no published page or file of the site");
    expect(check.stdout).not.toContain("/fr/lectures/list.json leads");
  });

  it("stops the build on a bad data file of the feature, naming the file and the field", async () => {
    const root = await withReadingList();
    await writeFile(path.join(root, "_data/reading-list.yaml"), "- lang: fr\n  title: Sans adresse\n");
    const built = await runBuild(root, "_site");
    expect(built.code).toBe(1);
    expect(built.stderr).toContain("_data/reading-list.yaml: #1 › url:");
  });
});
