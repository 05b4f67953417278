// `npm run new` in a copy of the project: created drafts pass the schema, translations are paired, mistakes are refused clearly.
import { spawn } from "node:child_process";
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

  it("creates the translation of a post with its own title, slug and file name, its tags mapped by the topics", async () => {
    // The title as copied from a French text: a narrow no-break space before the colon, a zero-width space.
    const title = "A booklet to understand\u202F: a synthesis\u200B of AI critiques";
    const result = await run(
      "--translate",
      "posts/fr/brochure-synthese-critiques-ia.md",
      "--lang",
      "en",
      "--title",
      title,
      "--slug",
      "ai-critiques-booklet",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Created posts/en/ai-critiques-booklet.md");
    const source = await frontMatter("posts/fr/brochure-synthese-critiques-ia.md");
    const translation = await frontMatter("posts/en/ai-critiques-booklet.md");
    expect(translation.data).toMatchObject({
      title: "A booklet to understand : a synthesis of AI critiques",
      slug: "ai-critiques-booklet",
      translationKey: "brochure-synthese",
      kind: "post",
      draft: true,
      date: "2026-11-29T10:05",
      id: "tag:tract.example.org,2026-11-29:en/brochure-synthese",
      // _data/topics.yaml pairs brochure ↔ booklet and lectures ↔ reading.
      tags: ["booklet", "reading"],
      description: "To write: one or two sentences that sum the post up; they show in lists, feeds and search engines.",
    });
    expect(JSON.stringify(translation.data)).not.toMatch(/[\u00A0\u202F\u200B]/);
    expect(translation.body).toContain("Original text (Français), to translate above");
    expect(translation.body).toMatch(/^description: Écologie, climat, démocratie/m);
    expect(translation.body).toContain(source.body.trim().split("\n")[0]);
    const check = await runScript(root, "src/cli/check.ts", [], { TRACT_NOW: NOW });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toMatch(
      /^ {2}post +brochure-synthese +source +draft +remove draft: true from posts\/en\/ai-critiques-booklet\.md/m,
    );
  });

  it("asks for the title and slug in a terminal, the slug made from the title by default", async () => {
    const fresh = await runScript(root, "src/cli/new.ts", ["post", "--lang", "fr", "Le charbon, encore"], {
      TRACT_NOW: NOW,
    });
    expect(fresh.code, fresh.stderr).toBe(0);
    const command =
      "node --import tsx src/cli/new.ts --translate posts/fr/le-charbon-encore.md --lang en --messages en";
    const asked = await new Promise<string>((resolve) => {
      // `script` gives the tool a terminal; the answers are typed into it when it asks.
      const child = spawn("script", ["-qec", command, "/dev/null"], {
        cwd: root,
        env: { ...process.env, NO_COLOR: "1", TRACT_NOW: NOW },
      });
      let output = "";
      const answers = [
        { question: "Title in English: ", answer: "Coal\u202Fis back\r" },
        { question: "Slug, the last part of its address [coal-is-back]: ", answer: "\r" },
      ];
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const next = answers[0];
        if (next && output.includes(next.question)) child.stdin.write(answers.shift()!.answer);
      });
      child.on("close", () => resolve(output));
    });
    expect(asked).toContain("Created posts/en/coal-is-back.md");
    expect((await frontMatter("posts/en/coal-is-back.md")).data).toMatchObject({
      title: "Coal is back",
      slug: "coal-is-back",
    });
  });

  it("gives a press release an embargo with the offset of its time, and release wording", async () => {
    for (const [now, offset] of [
      ["2026-11-29T10:05+01:00", "+01:00"],
      ["2026-07-01T09:30+02:00", "+02:00"],
    ] as const) {
      const title = `Communiqué ${offset}`;
      const result = await runScript(root, "src/cli/new.ts", ["press-release", "--lang", "fr", title], {
        TRACT_NOW: now!,
      });
      expect(result.code, result.stderr).toBe(0);
      const made = await frontMatter(`posts/fr/communique-${offset.slice(1, 3)}-00.md`);
      expect(made.data.embargo).toBe(`${now.slice(0, 16)}${offset}`);
      expect(made.data.description).toMatch(/^À écrire\s: le chapeau du communiqué/);
      expect(made.body).toContain("Le texte du communiqué, en Markdown");
      expect(JSON.stringify(made)).not.toContain("billet");
    }
  });

  it("prints its usage for --help, and explains the -- that npm needs", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('npm run new -- <kind> --lang <language> "Title"');
    const french = await run("--help", "--messages", "fr");
    expect(french.stdout).toContain('npm run new -- <type> --lang <langue> "Titre"');
    // What npm passes on for `npm run new post --lang fr "Titre"`: the words, without the options.
    const eaten = await runScript(root, "src/cli/new.ts", ["post", "fr", "Titre"], {
      TRACT_NOW: NOW,
      npm_lifecycle_event: "new",
    });
    expect(eaten.code).toBe(1);
    expect(eaten.stderr).toContain(
      'npm kept the options for itself: write -- before them, e.g. npm run new -- post --lang fr "Mon titre"',
    );
    const flag = await runScript(root, "src/cli/new.ts", ["posts/fr/ia-retour-du-charbon.md", "en"], {
      TRACT_NOW: NOW,
      npm_lifecycle_event: "new",
      npm_config_translate: "true",
    });
    expect(flag.stderr).toContain("npm kept the options for itself");
    expect((await run("post", "--lang", "fr", "--titel", "x")).stderr).toContain(
      "--titel is not an option of npm run new (expected one of those below)",
    );
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
    [["pots", "--lang", "fr", "Titre"], '"pots" is not a known kind (did you mean post?)'],
    [
      [
        "--translate",
        "posts/fr/notes-sobriete-numerique.md",
        "--lang",
        "en",
        "--title",
        "Booklet",
        "--slug",
        "Not A Slug",
      ],
      '--slug: "Not A Slug" is not a slug',
    ],
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
