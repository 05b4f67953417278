// The press data (_data/press.yaml) and press releases: each mistake gives one line naming the file, the field, what was found and what is expected.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorLines, fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";
import { formatProblem } from "../../src/core/content/problems.ts";
import { cleanPdf } from "../../src/core/media/clean-pdf.ts";
import { pdfWithMetadata } from "../helpers/hostile-assets.ts";
import { PRESS_ROOM } from "../../src/features/press/room.ts";

const samplePress = await readFile(path.join(PROJECT_ROOT, "_data/press.yaml"), "utf8");
/** The sample names a brochure, last in the file: the tests of brochure entries start from the data without it. */
const withoutBrochure = samplePress.replace(/\n# The brochure the kit holds[\s\S]*$/, "\n");

/** The sample press data with one change. */
function pressWith(from: string, to: string): Record<string, string> {
  expect(samplePress).toContain(from);
  return { "_data/press.yaml": samplePress.replace(from, to) };
}

describe("press data", () => {
  it("accepts the sample press data and gives each language its press room", async () => {
    const { model, problems } = await modelFor(await fixtureProject({}));
    expect(problems).toEqual([]);
    expect(PRESS_ROOM.get(model!.edition("fr"))?.url).toBe("/fr/presse/");
    // Named after the collective and the date of the newest content it holds.
    expect(PRESS_ROOM.get(model!.edition("en"))?.kitUrl).toMatch(
      /^\/en\/press\/press-kit-against-ai-and-its-world-2025-02-\d\d\.zip$/,
    );
    expect(model!.views.filter((view) => view.type === "press-room").map((view) => view.url)).toEqual([
      "/fr/presse/",
      "/en/press/",
    ]);
  });

  it("reports a contact's email address and phone number that are not", async () => {
    expect(await errorLines(pressWith("email: presse@example.org", "email: presse-at-example.org"))).toEqual([
      '_data/press.yaml:12: contacts #1 › email: "presse-at-example.org" is not an email address (expected an email address)',
    ]);
    expect(await errorLines(pressWith('phone: "+33 1 99 00 56 78"', 'phone: "01 99 00 56 78"'))).toEqual([
      '_data/press.yaml:12: contacts #2 › phone: "01 99 00 56 78" is not an international phone number (expected + and the country code, e.g. +33 1 99 00 00 00)',
    ]);
  });

  it("reports a text missing in one language of the press room, and a language the press room does not have", async () => {
    expect(await errorLines(pressWith("      en: The collective's logo, a white T on a red square.\n", ""))).toEqual([
      '_data/press.yaml:83: logos #1 › caption › en: missing (expected a caption in language "en")',
    ]);
    expect(
      await errorLines(
        pressWith(
          "  en: The press releases and the fact sheet",
          "  de: Die Pressemitteilungen\n  en: The press releases and the fact sheet",
        ),
      ),
    ).toEqual([
      '_data/press.yaml:78: usage › de: "de" is not a language of the press room (expected one of fr, en: the languages of _data/languages.yaml that boilerplate is written in)',
    ]);
  });

  it("reports a picture that does not exist, one that is not an image, and an unknown field", async () => {
    expect(
      await errorLines(
        pressWith("file: /assets/press/photos/rassemblement.jpg", "file: /assets/press/photos/absente.jpg"),
      ),
    ).toEqual([
      '_data/press.yaml: photos #1 › file: "/assets/press/photos/absente.jpg" does not exist (expected the address of a file of the assets/ folder, e.g. /assets/press/photos/name.jpg)',
    ]);
    const broken = await errorLines({
      ...pressWith("file: /assets/press/logo-noir.svg", "file: /assets/press/faux.png"),
      "assets/press/faux.png": "not a PNG",
    });
    expect(broken).toEqual([
      '_data/press.yaml: logos #2 › file: "/assets/press/faux.png" is named like a picture but is none the build recognises (expected a JPEG, PNG, WebP, AVIF, GIF or TIFF file: export it again from the original, or give it the name of what it is)',
      // The assets feature refuses the file itself, whoever names it.
      "assets/press/faux.png: is named like a picture but is none the build recognises (expected a JPEG, PNG, WebP, AVIF, GIF or TIFF file: export it again from the original, or give it the name of what it is)",
    ]);
    expect(await errorLines(pressWith("updated: 2025-02-03", "updated: 2025-02-03\ntwitter: '@collectif'"))).toEqual([
      "_data/press.yaml:11: twitter: unknown field (expected one of updated, contacts, boilerplate, facts, usage, logos, photos, brochure)",
    ]);
    expect(await errorLines(pressWith("file: /assets/press/logo.svg", "file: /assets/press/logo.gif"))).toEqual([
      '_data/press.yaml:83: logos #1 › file: "/assets/press/logo.gif" is not a file under /assets/ ending in .svg or .png (expected e.g. /assets/press/logo.svg)',
    ]);
  });

  it("reports two contacts whose card files would have the same name", async () => {
    expect(await errorLines(pressWith("name: Sam Exemple", "name: Camille Exemple"))).toEqual([
      '_data/press.yaml: contacts #2 › name: "Camille Exemple" gives the same card file as contacts #1 (expected names that differ by more than accents or punctuation)',
    ]);
  });

  it("reports a brochure entry whose file does not exist or is no readable PDF, takes it cleaned of its metadata, and none when there is no entry", async () => {
    const brochure = "brochure:\n  file: /assets/press/autre.pdf\n  title:\n    fr: Synthèse\n    en: Synthesis\n";
    expect(withoutBrochure).not.toContain("brochure:");
    expect(await errorLines({ "_data/press.yaml": `${withoutBrochure}\n${brochure}` })).toEqual([
      '_data/press.yaml: brochure › file: "/assets/press/autre.pdf" does not exist (expected a PDF file under assets/, or no brochure entry)',
    ]);
    const root = await fixtureProject({ "_data/press.yaml": `${withoutBrochure}\n${brochure}` });
    await writeFile(path.join(root, "assets/press/autre.pdf"), "%PDF-1.4 brochure");
    expect((await modelFor(root)).problems.map((problem) => formatProblem(problem))).toEqual([
      "_data/press.yaml: brochure › file: \"/assets/press/autre.pdf\" is not a PDF the build can read: Cannot read properties of undefined (reading 'Pages') (expected a complete, valid PDF: export it again from the original)",
      "assets/press/autre.pdf: is not a PDF the build can read: Cannot read properties of undefined (reading 'Pages') (expected a complete, valid PDF: export it again from the original)",
    ]);
    const original = await pdfWithMetadata();
    await writeFile(path.join(root, "assets/press/autre.pdf"), original);
    const { model } = await modelFor(root);
    const published = await cleanPdf(original);
    expect(PRESS_ROOM.get(model!.edition("fr"))?.brochure).toMatchObject({
      url: "/assets/press/autre.pdf",
      title: "Synthèse",
      bytes: published.length,
    });
    expect(PRESS_ROOM.require(model!.edition("fr")).brochure!.data.equals(published)).toBe(true);
    const none = await fixtureProject({ "_data/press.yaml": withoutBrochure });
    expect(PRESS_ROOM.get((await modelFor(none)).model!.edition("fr"))?.brochure).toBeUndefined();
  });
});

describe("press releases", () => {
  it("requires a dateline", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ kind: "press-release" }) })).toEqual([
      "posts/fr/a.md: dateline: missing (expected the city the release is issued from, e.g. dateline: Paris; every press release has one)",
    ]);
  });

  it("requires the press data of its language", async () => {
    const root = await fixtureProject({ "posts/fr/a.md": postSource({ kind: "press-release", dateline: "Paris" }) });
    await rm(path.join(root, "_data/press.yaml"));
    const { problems } = await modelFor(root);
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      'posts/fr/a.md:6: kind: a press release needs the press room of its language (expected _data/press.yaml, with the press contacts and boilerplate.fr, the "about us" text its releases end with)',
    ]);
  });

  it("gives a site without press data no press room", async () => {
    const root = await fixtureProject({});
    await rm(path.join(root, "_data/press.yaml"));
    const { model, problems } = await modelFor(root);
    expect(problems).toEqual([]);
    expect(PRESS_ROOM.get(model!.edition("fr"))).toBeUndefined();
    expect(model!.views.some((view) => view.type === "press-room")).toBe(false);
  });

  it("lists only published releases in the press room, newest first", async () => {
    const root = await fixtureProject({
      "posts/fr/un.md": postSource({
        translationKey: "un",
        kind: "press-release",
        dateline: "Lyon",
        date: "2025-03-01",
      }),
      "posts/fr/deux.md": postSource({
        translationKey: "deux",
        kind: "press-release",
        dateline: "Paris",
        date: "2025-03-02",
      }),
      "posts/fr/brouillon.md": postSource({
        translationKey: "brouillon",
        kind: "press-release",
        dateline: "Paris",
        draft: "true",
      }),
      "posts/fr/embargo.md": postSource({
        translationKey: "embargo",
        kind: "press-release",
        dateline: "Paris",
        embargo: "2030-01-01T09:00+01:00",
      }),
    });
    const room = PRESS_ROOM.require((await modelFor(root)).model!.edition("fr"));
    expect(room.releases.map((release) => [release.post.translationKey, release.dateline])).toEqual([
      ["deux", "Paris, le 2 mars 2025"],
      ["un", "Lyon, le 1er mars 2025"],
    ]);
    expect(room.updated.toISODate()).toBe("2025-03-02");
  });
});
