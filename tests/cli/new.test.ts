// `npm run new` in a copy of the project: created drafts pass the schema, translations are paired, mistakes are refused clearly.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, runScript } from "../helpers/project.ts";
import { parseSource } from "../../src/core/content/front-matter.ts";
import { loadContent } from "../../src/core/content/load.ts";
import { DateTime } from "luxon";
import { createContext } from "../../src/core/context.ts";
import { registry } from "../helpers/fixture.ts";

const NOW = "2026-11-29T10:05+01:00";
let root: string;

const run = (...args: string[]) => runScript(root, "src/cli/new.ts", args, { TRACT_NOW: NOW });
const frontMatter = async (file: string) => parseSource(await readFile(path.join(root, file), "utf8"));

beforeAll(async () => {
  root = await copyProject();
});

describe("npm run new", () => {
  it.each(["post", "announcement", "rebuttal", "press-release"])(
    "creates a %s as a draft that passes the schema",
    async (kind) => {
      const title = `Essai : un ${kind} à écrire !`;
      const result = await run(kind, "--lang", "fr", title);
      expect(result.code, result.stderr).toBe(0);
      const slug = `essai-un-${kind}-a-ecrire`;
      expect(result.stdout).toContain(`Created posts/fr/${slug}.md`);
      expect(result.stdout).toContain(`Preview: http://localhost:8080/fr/${slug}/`);
      const { data } = await frontMatter(`posts/fr/${slug}.md`);
      expect(data).toMatchObject({
        title,
        kind,
        date: "2026-11-29T10:05",
        translationKey: slug,
        slug,
        draft: true,
        id: `tag:tract.example.org,2026-11-29:fr/${slug}`,
      });
      const content = await loadContent(createContext({ root, now: DateTime.now(), mode: "production" }), registry);
      expect(content.problems).toEqual([]);
      expect(content.posts.find((post) => post.slug === slug)?.draft).toBe(true);
    },
  );

  it("creates the translation of a post, paired by translationKey, with the source text kept as a comment", async () => {
    const result = await run("--translate", "posts/fr/brochure-synthese-critiques-ia.md", "--lang", "en");
    expect(result.code, result.stderr).toBe(0);
    const source = await frontMatter("posts/fr/brochure-synthese-critiques-ia.md");
    const translation = await frontMatter(
      "posts/en/une-brochure-pour-comprendre-synthese-de-critiques-de-l-ia-et-de-son-monde-machine.md",
    );
    expect(translation.data).toMatchObject({
      translationKey: "brochure-synthese",
      kind: "post",
      draft: true,
      date: "2026-11-29T10:05",
      id: "tag:tract.example.org,2026-11-29:en/brochure-synthese",
    });
    expect(translation.body).toContain("Original text (Français), to translate above");
    expect(translation.body).toContain(source.body.trim().split("\n")[0]);
    const check = await runScript(root, "src/cli/check.ts", [], { TRACT_NOW: NOW });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/^ {2}brochure-synthese +source +draft/m);
  });

  it("gives a new piece a translationKey no other piece has", async () => {
    const result = await run("post", "--lang", "en", "Brochure synthese");
    expect(result.code, result.stderr).toBe(0);
    expect((await frontMatter("posts/en/brochure-synthese.md")).data.translationKey).toBe("brochure-synthese-2");
  });

  it("never overwrites a file", async () => {
    expect((await run("post", "--lang", "fr", "Deux fois")).code).toBe(0);
    const again = await run("post", "--lang", "fr", "Deux fois");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("posts/fr/deux-fois.md already exists (expected a new title, or edit that file)");
  });

  it.each([
    [
      ["tribune", "--lang", "fr", "Titre"],
      '"tribune" is not a known kind (expected one of post, announcement, rebuttal, press-release)',
    ],
    [["post", "--lang", "de", "Titel"], '--lang: "de" is not a declared language (expected one of fr, en)'],
    [["post", "--lang", "fr"], "expected a kind and a title."],
    [
      ["--translate", "posts/fr/nulle-part.md", "--lang", "en"],
      "--translate: posts/fr/nulle-part.md does not exist (expected the path of a post to translate",
    ],
    [
      ["--translate", "posts/fr/ia-retour-du-charbon.md", "--lang", "en"],
      "--translate: posts/fr/ia-retour-du-charbon.md already has a English version: posts/en/ai-coal-comeback.md",
    ],
    [
      ["--translate", "posts/fr/ia-retour-du-charbon.md", "--lang", "fr"],
      "--lang: posts/fr/ia-retour-du-charbon.md is already in Français",
    ],
  ])("refuses %j with a message that says why", async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});
