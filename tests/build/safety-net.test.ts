// The production build refuses what npm run check finds, in one line per problem (file, line, field, fix), in the writer's language; warnings are counted.
import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject, runBuild, runScript, tempDir } from "../helpers/project.ts";

/** No TRACT_MESSAGES: the language comes from LANG, then the site's default language (French). */
const FRENCH = { TRACT_MESSAGES: "", LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8" };
const ENGLISH = { TRACT_MESSAGES: "", LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };
const NOW = { TRACT_NOW: "2026-11-29T10:05+01:00" };

const post = (file: string, fields: string[], body = "Texte.") => ({
  file,
  text: `---\n${fields.join("\n")}\n---\n${body}\n`,
});

/** Posts with every mistake a writer makes, each in a file of its own. */
const MISTAKES = [
  post(
    "posts/fr/liens-casses.md",
    [
      "title: Des liens cassés",
      "date: 2025-02-10",
      "description: Un billet aux liens cassés.",
      "translationKey: liens-casses",
    ],
    [
      "Voir [le charbon](/fr/ia-retour-du-charbn/) et [le brouillon](/fr/notes-sobriete-numerique/).",
      "",
      "![](/assets/img/icon.svg) ![décoratif](/assets/img/icon.svg) ![Une affiche](/assets/img/absente.png)",
      "",
      "Bientôt : [le lancement](/fr/lancement-secret/).",
    ].join("\n"),
  ),
  post("posts/fr/secret.md", [
    "title: Le lancement",
    "date: 2099-01-01T09:00",
    "embargo: 2099-01-01T09:00+01:00",
    "description: Sous embargo.",
    "translationKey: lancement",
    "slug: lancement-secret",
  ]),
  post("posts/fr/virgules.md", [
    "title: Sujets",
    "date: 2025-02-10",
    "description: D.",
    "translationKey: v",
    "tags: eau, climat",
  ]),
  post("posts/fr/retrait.md", [
    "title: Retrait",
    "date: 2025-02-10",
    "description: D.",
    "translationKey: r",
    "tags:",
    "  - eau",
    "   - climat",
  ]),
  post("posts/fr/vides.md", [
    "title: Vides",
    "date: 2025-02-10",
    "description: D.",
    "translationKey: vi",
    'tags: ["!!!", "💥"]',
  ]),
  post("posts/fr/cpp.md", [
    "title: C++",
    "date: 2025-02-10",
    "description: D.",
    "translationKey: cpp",
    'tags: ["C++"]',
  ]),
  post("posts/fr/c.md", ["title: C", "date: 2025-02-11", "description: D.", "translationKey: c", "tags: [C]"]),
  post("posts/fr/diese.md", [
    "title: Dièse",
    "date: 2025-02-10",
    "description: D.",
    "translationKey: d",
    "tags: #eau #climat",
  ]),
];

let root: string;
let french: Awaited<ReturnType<typeof runBuild>>;
let english: Awaited<ReturnType<typeof runBuild>>;
let output: string;

beforeAll(async () => {
  root = await copyProject();
  for (const { file, text } of MISTAKES) await writeFile(path.join(root, file), text);
  // A new post and a translation made by npm run new, published without replacing what it wrote.
  expect((await runScript(root, "src/cli/new.ts", ["post", "--lang", "fr", "Un billet pas fini"], NOW)).code).toBe(0);
  const translate = ["--translate", "posts/fr/brochure-synthese-critiques-ia.md", "--lang", "en"];
  const made = await runScript(
    root,
    "src/cli/new.ts",
    [...translate, "--title", "A booklet on AI", "--slug", "ai-booklet"],
    NOW,
  );
  expect(made.code, made.stderr).toBe(0);
  for (const file of ["posts/fr/un-billet-pas-fini.md", "posts/en/ai-booklet.md"]) {
    const source = await readFile(path.join(root, file), "utf8");
    await writeFile(path.join(root, file), source.replace("draft: true\n", ""));
  }
  output = path.join(await tempDir(), "_site");
  [french, english] = [await runBuild(root, output, FRENCH), await runBuild(root, output, ENGLISH)];
});

describe("the production build stops on what npm run check finds", () => {
  it("exits with 1, writes nothing, and so publishes no link to the embargoed post", () => {
    expect(french.code).toBe(1);
    expect(english.code).toBe(1);
    expect(existsSync(output)).toBe(false);
    expect(french.stderr).toContain("[tract] la construction s’est arrêtée : 16 problèmes à corriger");
    expect(english.stderr).toContain("[tract] the build stopped: 16 problems to fix");
  });

  it.each([
    [
      "posts/fr/liens-casses.md:7: link: /fr/ia-retour-du-charbn/ leads to no published page or file of the site (did you mean /fr/ia-retour-du-charbon/?)",
      "posts/fr/liens-casses.md:7: link: /fr/ia-retour-du-charbn/ ne mène à aucune page ni aucun fichier publié du site (vouliez-vous dire /fr/ia-retour-du-charbon/ ?)",
    ],
    [
      "posts/fr/liens-casses.md:7: link: /fr/notes-sobriete-numerique/ leads to posts/fr/notes-sobriete-numerique.md, a draft, which is not published (expected a published page: publish that post first, or remove the link)",
      "posts/fr/liens-casses.md:7: link: /fr/notes-sobriete-numerique/ mène à posts/fr/notes-sobriete-numerique.md, un brouillon, qui n’est pas publié (attendu : une page publiée : publiez d’abord ce billet, ou retirez le lien)",
    ],
    [
      "posts/fr/liens-casses.md:9: image: /assets/img/icon.svg has no text alternative (expected ![a short description](/assets/img/icon.svg), or ![décoratif](/assets/img/icon.svg) for an image that is only decoration)",
      "posts/fr/liens-casses.md:9: image: /assets/img/icon.svg n’a pas de texte de remplacement (attendu : ![une courte description](/assets/img/icon.svg), ou ![décoratif](/assets/img/icon.svg) pour une image purement décorative)",
    ],
    [
      "posts/fr/liens-casses.md:9: image: /assets/img/absente.png is no file of the site (expected a picture under assets/, e.g. /assets/img/photo.jpg)",
      "posts/fr/liens-casses.md:9: image: /assets/img/absente.png n’est aucun fichier du site (attendu : une image dans assets/, par exemple /assets/img/photo.jpg)",
    ],
    [
      "posts/fr/liens-casses.md:11: link: /fr/lancement-secret/ leads to posts/fr/secret.md, which is held back by its embargo until 2099-01-01T09:00:00+01:00 (expected a published page: remove the link, or give this post an embargo no earlier than that)",
      "posts/fr/liens-casses.md:11: link: /fr/lancement-secret/ mène à posts/fr/secret.md, retenu par son embargo jusqu’au 2099-01-01T09:00:00+01:00 (attendu : une page publiée : retirez le lien, ou donnez à ce billet un embargo qui ne finit pas avant)",
    ],
    [
      'posts/fr/virgules.md:6: tags: "eau, climat" is one text, not a list (expected the tags in brackets, separated by commas: tags: [eau, climat])',
      'posts/fr/virgules.md:6: tags: "eau, climat" est un seul texte, pas une liste (attendu : les sujets entre crochets, séparés par des virgules : tags: [eau, climat])',
    ],
    [
      'posts/fr/retrait.md:6: tags #1: "eau - climat" is two tags run together: the list is badly indented (expected each `- tag` on its own line, all at the same indentation, or tags: [eau, climat])',
      'posts/fr/retrait.md:6: tags n° 1: "eau - climat" est deux sujets collés : la liste est mal indentée (attendu : chaque `- sujet` sur sa ligne, tous avec le même retrait, ou tags: [eau, climat])',
    ],
    [
      'posts/fr/vides.md:6: tags #2: "💥" gives no topic address: it has no letter or digit (expected a tag with letters or digits, e.g. climat)',
      'posts/fr/vides.md:6: tags n° 2: "💥" ne donne aucune adresse de sujet : il n’a ni lettre ni chiffre (attendu : un sujet avec des lettres ou des chiffres, par exemple climat)',
    ],
    [
      'posts/fr/cpp.md:6: tags #1: "C++" and "C" of posts/fr/c.md give one topic, /fr/sujets/c/ (expected the same name everywhere, e.g. "C", or names that differ by more than case, accents or punctuation)',
      'posts/fr/cpp.md:6: tags n° 1: "C++" et "C" de posts/fr/c.md donnent un seul sujet, /fr/sujets/c/ (attendu : le même nom partout, par exemple "C", ou des noms qui diffèrent par plus que la casse, les accents ou la ponctuation)',
    ],
    [
      'posts/fr/diese.md:6: tags: holds only a comment, "#eau #climat": in YAML, # starts a comment, so the value is left out (expected the value before any #, e.g. tags: [eau, climat], or the text in quotes when it starts with #)',
      'posts/fr/diese.md:6: tags: ne contient qu’un commentaire, "#eau #climat" : en YAML, # commence un commentaire, donc la valeur est perdue (attendu : la valeur avant tout #, par exemple tags: [eau, climat], ou le texte entre guillemets s’il commence par #)',
    ],
    [
      'posts/fr/un-billet-pas-fini.md:12: the text still holds the placeholder of npm run new, "Le texte, en Markdown." (expected your own text instead)',
      'posts/fr/un-billet-pas-fini.md:12: le texte contient encore le texte à remplacer de npm run new, "Le texte, en Markdown." (attendu : votre propre texte à la place)',
    ],
    [
      'posts/en/ai-booklet.md:4: description: is still the placeholder of npm run new, "To write: one or two sentences that sum the post up; they show in lists, feeds and search engines." (expected your own one or two sentences)',
      'posts/en/ai-booklet.md:4: description: est encore le texte à remplacer de npm run new, "To write: one or two sentences that sum the post up; they show in lists, feeds and search engines." (attendu : vos propres une ou deux phrases)',
    ],
    [
      'posts/en/ai-booklet.md:16: still holds the text it was translated from, in the comment that starts "Original text (Français), to translate a…": feeds would publish it (expected the comment deleted once the translation is done)',
      "posts/en/ai-booklet.md:16: contient encore le texte dont il est traduit, dans le commentaire qui commence par « Original text (Français), to translate a… » : les flux le publieraient (attendu : le commentaire supprimé une fois la traduction faite)",
    ],
  ])("says %s, in English and in French", (inEnglish, inFrench) => {
    expect(english.stderr.split("\n")).toContain(inEnglish);
    expect(french.stderr.split("\n")).toContain(inFrench);
  });

  it("reports the same problems as npm run check, which also lists the decorative image as fine", async () => {
    const check = await runScript(root, "src/cli/check.ts", [], ENGLISH);
    expect(check.code).toBe(1);
    const messages = english.stderr
      .split("\n")
      .filter((line) => /^posts\//.test(line))
      .map((line) => line.replace(/^[^:]+:\d+: /, ""));
    expect(messages).toHaveLength(16);
    for (const message of messages) expect(check.stdout).toContain(message);
    expect(check.stdout.match(/décoratif/g)).toHaveLength(1);
  });
});

describe("warnings", () => {
  it("are printed and counted in the build summary, and recalled by a build with nothing to do: an outdated translation, an untranslated title, a release dated before its embargo", async () => {
    const project = await copyProject();
    const edit = async (file: string, from: string | RegExp, to: string) => {
      const absolute = path.join(project, file);
      await writeFile(absolute, (await readFile(absolute, "utf8")).replace(from, to));
    };
    await edit(
      "posts/fr/ia-retour-du-charbon.md",
      "date: 2025-01-13T08:30",
      "date: 2025-01-13T08:30\nupdated: 2025-03-01",
    );
    await edit(
      "posts/en/counter-summit-ai.md",
      /^title: .*$/m,
      `title: "Contre-sommet de l'IA : pourquoi et comment résister à la dictature algorithmique"`,
    );
    await edit("posts/fr/communique-contre-sommet.md", "date: 2025-02-07T09:00", "date: 2025-02-06T18:00");
    // Two outputs: into the same one, the second build would find nothing changed and make nothing.
    const englishSite = path.join(await tempDir(), "_site");
    const [inFrench, inEnglish] = [
      await runBuild(project, path.join(await tempDir(), "_site"), FRENCH),
      await runBuild(project, englishSite, ENGLISH),
    ];
    expect(inFrench.code, inFrench.stderr).toBe(0);
    expect(inEnglish.code, inEnglish.stderr).toBe(0);
    expect(inEnglish.stdout).toMatch(/, 3 warnings;/);
    expect(inFrench.stdout).toMatch(/, 3 alertes ;/);
    // Nothing changed since: the next build has nothing to do, and does not hide that the warnings are still there.
    const again = await runBuild(project, englishSite, ENGLISH);
    expect(again.stdout).toMatch(
      /is up to date: .*\n\[tract\] the last build gave 3 warnings, still to fix: npm run check lists them\n/,
    );
    expect(inEnglish.stderr.split("\n")).toEqual(
      expect.arrayContaining([
        "[tract] warning: posts/en/ai-coal-comeback.md:3: updated: this translation was last changed before its source (expected to bring posts/en/ai-coal-comeback.md up to date with posts/fr/ia-retour-du-charbon.md, then set its updated:)",
        expect.stringMatching(
          /^\[tract\] warning: posts\/en\/counter-summit-ai\.md:2: title: is still the text of its source, untranslated \(expected translate the title and description of posts\/en\/counter-summit-ai\.md\)$/,
        ),
        "[tract] warning: posts/fr/communique-contre-sommet.md:3: date: 2025-02-06T18:00+01:00 is before the embargo, 2025-02-07T09:00+01:00 (expected the release dated at its embargo or later: its date is what readers see)",
      ]),
    );
    expect(inFrench.stderr).toContain(
      "[tract] alerte : posts/fr/communique-contre-sommet.md:3: date: 2025-02-06T18:00+01:00 est avant l’embargo, 2025-02-07T09:00+01:00 (attendu : le communiqué daté de son embargo ou plus tard : sa date est celle que les lecteurs voient)",
    );
  });
});
