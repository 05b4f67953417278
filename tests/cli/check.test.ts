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
    expect(result.stdout).toMatch(/^ {2}brochure-synthese +source +missing$/m);
    expect(result.stdout).toMatch(/^ {2}ia-charbon +source +present$/m);
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
      "  line 11   error   image: /assets/img/icon.svg has no text alternative (expected ![a short description](/assets/img/icon.svg))",
      "  line 11   error   image: /assets/img/absente.png leads to no published page or file of the site (expected an existing address, e.g. /fr/)",
      '  line 13   warning link: "autre-billet/" is a relative address (expected an address from the site\'s root, e.g. /fr/…)',
    ]);
    expect(out).toMatch(/^ {2}ia-charbon +source +outdated$/m);
    expect(out).toMatch(/✗ 6 errors, 1 warning$/m);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});
