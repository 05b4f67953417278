// `npm run check` on a copy of the project: grouped problems with lines, the translation table, drafts, exit codes, no output written.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, runScript } from "../helpers/project.ts";

describe("npm run check", () => {
  it("passes the sample content with exit code 0 and shows the translation table, drafts and embargoes", async () => {
    const root = await copyProject();
    const result = await runScript(root, "src/cli/check.ts");
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    expect(result.stdout).toMatch(
      /^ {2}post +brochure-synthese +source +missing +npm run new -- --translate posts\/fr\/brochure-synthese-critiques-ia\.md --lang en$/m,
    );
    expect(result.stdout).toMatch(/^ {2}post +ia-charbon +source +present$/m);
    expect(result.stdout).toMatch(/^ {2}page +about +source +present$/m);
    expect(result.stdout).toMatch(/^ {2}event +contre-sommet-2025 +source +present$/m);
    expect(lines).toContain("  posts/fr/notes-sobriete-numerique.md  Notes en chantier sur la sobriété numérique");
    expect(result.stdout).toMatch(/✓ no errors, 0 warnings$/m);
    // eslint-disable-next-line no-control-regex -- a terminal colour code must not be printed
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("reports schema errors, broken links and images without alt, grouped by file with lines, and exits 1", async () => {
    const root = await copyProject();
    await writeFile(
      path.join(root, "posts/fr/liens.md"),
      [
        "---",
        "title: Des liens",
        "date: 2025-02-10",
        "description: Un billet aux liens cassés.",
        "translationKey: liens",
        "---",
        "Voir [le programme](/fr/contre-sommet-ia/#le-programme) et [rien](/fr/nulle-part/).",
        "",
        "Une [ancre absente](/fr/contre-sommet-ia/#pas-la) et [plus bas](#introuvable).",
        "",
        "![](/assets/img/icon.svg) et ![Une affiche](/assets/img/absente.png)",
        "",
        "Et [relatif](autre-billet/).",
      ].join("\n"),
    );
    const coal = path.join(root, "posts/fr/ia-retour-du-charbon.md");
    await writeFile(
      coal,
      (await readFile(coal, "utf8")).replace("date: 2025-01-13T08:30", "date: 2025-01-13T08:30\nupdated: 2025-03-01"),
    );
    const brochure = path.join(root, "posts/fr/brochure-synthese-critiques-ia.md");
    await writeFile(brochure, (await readFile(brochure, "utf8")).replace("kind: post", "kind: tribune"));

    const result = await runScript(root, "src/cli/check.ts");
    expect(result.code).toBe(1);
    const out = result.stdout;
    const group = (file: string) =>
      out
        .slice(out.indexOf(`${file}\n`))
        .split("\n\n")[0]!
        .split("\n");
    expect(group("posts/fr/brochure-synthese-critiques-ia.md")).toEqual([
      "posts/fr/brochure-synthese-critiques-ia.md",
      '  line 4    error   kind: "tribune" is not a known kind (expected one of post, announcement, rebuttal, press-release)',
    ]);
    expect(group("posts/fr/liens.md")).toEqual([
      "posts/fr/liens.md",
      "  line 7    error   link: /fr/nulle-part/ leads to no published page or file of the site (expected an existing address, e.g. /fr/)",
      '  line 9    error   link: /fr/contre-sommet-ia/#pas-la: that page has no heading or anchor "pas-la"',
      "  line 9    error   link: #introuvable points to no heading or anchor of this page (expected a heading of this page, and it has none)",
      "  line 11   error   image: /assets/img/icon.svg has no text alternative (expected ![a short description](/assets/img/icon.svg), or ![décoratif](/assets/img/icon.svg) for an image that is only decoration)",
      "  line 11   error   image: /assets/img/absente.png is no file of the site (expected a picture under assets/, e.g. /assets/img/photo.jpg)",
      '  line 13   warning link: "autre-billet/" is a relative address (expected an address from the site\'s root, e.g. /fr/…)',
    ]);
    expect(out).toMatch(
      /^ {2}post +ia-charbon +source +outdated +bring posts\/en\/ai-coal-comeback\.md up to date with posts\/fr\/ia-retour-du-charbon\.md, then set its updated:$/m,
    );
    expect(out).toMatch(/✗ 6 errors, 2 warnings$/m);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });

  it("shows every translatable piece, posts, pages and events, with what to do, in the writer's language", async () => {
    const root = await copyProject();
    const edit = async (file: string, from: string | RegExp, to: string) => {
      const absolute = path.join(root, file);
      await writeFile(absolute, (await readFile(absolute, "utf8")).replace(from, to));
    };
    // A translation still titled as its source, an event with no English texts, a page with no English version.
    await edit(
      "posts/en/counter-summit-ai.md",
      /^title: .*$/m,
      `title: "Contre-sommet de l'IA : pourquoi et comment résister à la dictature algorithmique"`,
    );
    await edit("_data/events/rassemblement-agaip-2025.yaml", /^ {2}en: .*\n/gm, "");
    await writeFile(
      path.join(root, "pages/fr/contact.md"),
      "---\ntitle: Contact\ndescription: Nous écrire.\ntranslationKey: contact\n---\nÉcrivez-nous.\n",
    );
    const english = await runScript(root, "src/cli/check.ts");
    expect(english.code, english.stdout).toBe(0);
    expect(english.stdout).toMatch(
      /^ {2}post +contre-sommet-2025 +source +untranslated +translate the title and description of posts\/en\/counter-summit-ai\.md$/m,
    );
    expect(english.stdout).toMatch(
      /^ {2}event +rassemblement-agaip-2025 +source +missing +add en: under title and description in _data\/events\/rassemblement-agaip-2025\.yaml$/m,
    );
    expect(english.stdout).toMatch(
      /^ {2}page +contact +source +missing +write pages\/en\/….md with translationKey: contact$/m,
    );
    expect(english.stdout).toContain(
      "  line 2    warning title: is still the text of its source, untranslated (expected translate the title and description of posts/en/counter-summit-ai.md)",
    );
    const french = await runScript(root, "src/cli/check.ts", [], { TRACT_MESSAGES: "fr" });
    expect(french.stdout).toMatch(/^ {2}type +clé +fr +en +à faire$/m);
    expect(french.stdout).toMatch(
      /^ {2}événement +rassemblement-agaip-2025 +source +manquante +ajouter en: sous title et description dans _data\/events\/rassemblement-agaip-2025\.yaml$/m,
    );
    expect(french.stdout).toMatch(/^ {2}billet +contre-sommet-2025 +source +à traduire +traduire le titre/m);
    expect(french.stdout).toMatch(/✓ aucune erreur, 1 alerte$/m);
  });
});
