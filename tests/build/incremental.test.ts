// Incremental production builds are correct by test, not by trust: after each of a seeded sequence of edits, the site a
// build made by reusing the last release is, file by file and byte for byte, the site a clean full build makes.
import { mkdir, readFile, readdir, realpath, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.ts";
import { SeededRandom } from "../../bench/random.ts";
import { copyProject, runScript } from "../helpers/project.ts";
import { snapshot } from "../helpers/tree.ts";
import { readManifest } from "../../src/core/output/manifest.ts";

const POSTS = 24;
const STEPS = 20;

/** Two copies that receive the same edits: one built incrementally, one built from nothing each time. */
interface Pair {
  incremental: string;
  clean: string;
  corpus: string[];
  clock: string;
}

type Edit = (root: string, random: SeededRandom, pair: Pair) => Promise<string>;

async function change(root: string, file: string, edit: (text: string) => string): Promise<void> {
  const absolute = path.join(root, file);
  await writeFile(absolute, edit(await readFile(absolute, "utf8")));
}

const frontMatterLine = (name: string, value: string) => (text: string) =>
  new RegExp(`^${name}: .*$`, "m").test(text)
    ? text.replace(new RegExp(`^${name}: .*$`, "m"), `${name}: ${value}`)
    : text.replace(/^---\n/, `---\n${name}: ${value}\n`);

/** Turns every Markdown link of the corpus to the post `file` (of source `text`) into its bare text. */
async function removeLinksTo(root: string, file: string, text: string, pair: Pair): Promise<void> {
  const url = `/${file.split("/")[1]}/${/^slug: (.*)$/m.exec(text)?.[1] ?? path.basename(file, ".md")}/`;
  const link = new RegExp(`\\[([^\\]]*)\\]\\(${url.replace(/[/.-]/g, "\\$&")}\\)`, "g");
  for (const other of pair.corpus.filter((candidate) => candidate !== file))
    await change(root, other, (source) => source.replaceAll(link, "$1"));
}

/** The edits a collective makes, each given the same random draws in both copies. */
const EDITS: Record<string, Edit> = {
  async text(root, random, pair) {
    const file = random.pick(pair.corpus);
    await change(root, file, (text) => `${text}\nUn paragraphe ajouté, numéro ${random.int(1, 1000)}.\n`);
    return `text of ${file}`;
  },
  async title(root, random, pair) {
    const file = random.pick(pair.corpus);
    await change(root, file, frontMatterLine("title", `"Titre changé ${random.int(1, 1000)}"`));
    return `title of ${file}`;
  },
  async tags(root, random, pair) {
    const file = random.pick(pair.corpus);
    const tags = ["énergie", "climat", "charbon", "sobriété", "numérique"].filter(() => random.chance(0.5));
    await change(root, file, frontMatterLine("tags", `[${tags.join(", ")}]`));
    return `tags of ${file}`;
  },
  async date(root, random, pair) {
    const file = random.pick(pair.corpus);
    const day = String(random.int(1, 28)).padStart(2, "0");
    await change(root, file, frontMatterLine("date", `2024-0${random.int(1, 9)}-${day}T10:00`));
    return `date of ${file}`;
  },
  async translationKey(root, random, pair) {
    const file = random.pick(pair.corpus);
    await change(root, file, frontMatterLine("translationKey", `cle-changee-${random.int(1, 100000)}`));
    return `translationKey of ${file}`;
  },
  async draft(root, random, pair) {
    const file = random.pick(pair.corpus);
    const text = await readFile(path.join(root, file), "utf8");
    if (/^draft: true$/m.test(text)) await change(root, file, (source) => source.replace(/^draft: true\n/m, ""));
    else {
      await change(root, file, frontMatterLine("draft", "true"));
      // As a writer would: a link to a draft stops the build, so the links to it go.
      await removeLinksTo(root, file, text, pair);
    }
    return `draft of ${file}`;
  },
  async newPost(root, random, pair) {
    const n = random.int(1, 100000);
    const file = `posts/fr/nouveau-${n}.md`;
    await writeFile(
      path.join(root, file),
      `---\ntitle: "Nouveau billet ${n}"\ndate: 2024-10-0${random.int(1, 9)}T09:00\ndescription: "Un billet ajouté."\ntranslationKey: nouveau-${n}\ntags: [climat]\n---\n\nSon texte.\n`,
    );
    pair.corpus.push(file);
    return `new ${file}`;
  },
  async deletePost(root, random, pair) {
    const file = random.pick(pair.corpus);
    const text = await readFile(path.join(root, file), "utf8");
    await rm(path.join(root, file));
    // As a writer would, the links to it go too (a link to a page that is gone stops the build).
    await removeLinksTo(root, file, text, pair);
    return `deleted ${file}`;
  },
  async strings(root, random) {
    await change(root, "_data/strings/fr.yaml", (text) =>
      text.replace(/^( {2}text: ).*$/m, `$1"Pied de page ${random.int(1, 1000)}."`),
    );
    return "strings";
  },
  async data(root, random) {
    await change(root, "_data/site.yaml", frontMatterLine("postsPerPage", String(random.int(4, 12))));
    return "data";
  },
  async template(root, random) {
    await change(
      root,
      "_includes/partials/post-list.njk",
      (text) =>
        `${text.replace(/<!-- essai \d+ -->\n?$/, "")}<p class="visually-hidden">Liste ${random.int(1, 1000)}</p>\n`,
    );
    return "template";
  },
};

/** After the step that lets the clock pass the sample release's embargo (09:00, 7 February 2025). */
const BEFORE_EMBARGO = "2025-02-07T08:00+01:00";
const AFTER_EMBARGO = "2025-02-07T09:30+01:00";

/**
 * The incremental copy builds as `npm run build` does; the clean one makes every file again (`--full`, from no earlier
 * release), with a cache of its own: cached results are kept by everything they are made from, which is not under test here.
 */
async function buildBoth(pair: Pair): Promise<void> {
  await rm(path.join(pair.clean, "_site"), { recursive: true, force: true });
  await rm(path.join(pair.clean, "._site.releases"), { recursive: true, force: true });
  const env = { TRACT_NOW: pair.clock };
  const [incremental, clean] = await Promise.all([
    runScript(pair.incremental, "src/cli/build.ts", [], env),
    runScript(pair.clean, "src/cli/build.ts", ["--full"], env),
  ]);
  expect(incremental.code, incremental.stderr).toBe(0);
  expect(clean.code, clean.stderr).toBe(0);
}

describe("incremental builds", () => {
  it("give, after every edit of a seeded sequence, the site a clean full build gives", async () => {
    const incremental = await copyProject();
    const clean = await copyProject();
    const corpus = (await writeCorpus(incremental, POSTS)).posts.map((post) => post.file);
    await writeCorpus(clean, POSTS);
    await mkdir(path.join(incremental, "posts/fr"), { recursive: true });
    const pair: Pair = { incremental, clean, corpus, clock: BEFORE_EMBARGO };
    await buildBoth(pair);
    const random = new SeededRandom(19);
    const names = Object.keys(EDITS);
    const done: string[] = [];
    for (let step = 0; step < STEPS; step++) {
      let what: string;
      if (step === Math.floor(STEPS / 2)) {
        pair.clock = AFTER_EMBARGO;
        what = "the clock passes the embargo";
      } else {
        const name = random.pick(names);
        // The same draws for both copies: a generator each, from the same state.
        const seed = random.int(1, 2 ** 30);
        const corpusBefore = [...pair.corpus];
        what = await EDITS[name]!(incremental, new SeededRandom(seed), pair);
        const cleanPair = { ...pair, corpus: corpusBefore };
        await EDITS[name]!(clean, new SeededRandom(seed), cleanPair);
        if (name === "deletePost") pair.corpus = pair.corpus.filter((file) => !what.endsWith(file));
      }
      done.push(what);
      await buildBoth(pair);
      const [made, expected] = await Promise.all([
        snapshot(await realpath(path.join(incremental, "_site"))),
        snapshot(await realpath(path.join(clean, "_site"))),
      ]);
      expect(made, `after step ${step + 1}: ${done.join("; ")}`).toEqual(expected);
    }
    expect(new Set(done.map((what) => what.split(" ")[0])).size).toBeGreaterThan(6);
    expect(await readdir(path.join(incremental, "._site.releases"))).toContain("previous");
  }, 300_000);
});

describe("a template edit", () => {
  it("re-makes every page that uses it, and a build after nothing changed re-makes nothing", async () => {
    const root = await copyProject();
    const first = await runScript(root, "src/cli/build.ts");
    expect(first.code, first.stderr).toBe(0);
    const files = Number(/(\d+) of (\d+) files re-made/.exec(first.stdout)?.[2]);
    await change(
      root,
      "_includes/partials/post-list.njk",
      (text) => `${text}<p class="visually-hidden">Liste retouchée</p>\n`,
    );
    const edited = await runScript(root, "src/cli/build.ts");
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toContain(`${files} of ${files} files re-made`);
    const site = await realpath(path.join(root, "_site"));
    for (const page of [
      "fr/index.html",
      "fr/billets/index.html",
      "fr/sujets/charbon/index.html",
      "en/posts/index.html",
    ]) {
      expect(await readFile(path.join(site, page), "utf8"), page).toContain("Liste retouchée");
    }
    const again = await runScript(root, "src/cli/build.ts");
    expect(again.stdout).toMatch(/is up to date: .*0 files re-made/);
  });
});

/** The key of what each file of the current release was made from, by address. */
async function inputsByUrl(root: string): Promise<Map<string, string | undefined>> {
  const manifest = await readManifest(`${await realpath(path.join(root, "_site"))}.json`);
  return new Map(manifest!.files.map((file) => [file.url, file.inputs]));
}

describe("an edit of a post's text", () => {
  it("re-makes its page and the feeds that carry it, not the lists that show its title; a title edit re-makes them", async () => {
    const root = await copyProject();
    const build = async () => {
      const result = await runScript(root, "src/cli/build.ts");
      expect(result.code, result.stderr).toBe(0);
      return inputsByUrl(root);
    };
    const first = await build();
    const post = "posts/fr/ia-retour-du-charbon.md";
    await change(root, post, (text) => `${text}\nUn paragraphe ajouté au texte.\n`);
    const textEdited = await build();
    const lists = ["/fr/", "/fr/billets/", "/fr/sujets/charbon/", "/fr/archives/", "/fr/archives/2025/"];
    for (const url of lists) expect(textEdited.get(url), url).toBe(first.get(url));
    for (const url of ["/fr/ia-retour-du-charbon/", "/fr/feed.xml", "/fr/sujets/charbon/feed.xml"])
      expect(textEdited.get(url), url).not.toBe(first.get(url));
    const site = await realpath(path.join(root, "_site"));
    expect(await readFile(path.join(site, "fr/ia-retour-du-charbon/index.html"), "utf8")).toContain(
      "Un paragraphe ajouté",
    );

    await change(root, post, frontMatterLine("title", `"Le charbon revient, titre changé"`));
    const titleEdited = await build();
    for (const url of lists) expect(titleEdited.get(url), url).not.toBe(textEdited.get(url));
    const list = await readFile(path.join(await realpath(path.join(root, "_site")), "fr/billets/index.html"), "utf8");
    expect(list).toContain("titre changé");
  });
});
