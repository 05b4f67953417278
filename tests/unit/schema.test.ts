// Each kind of bad content gives one clear line naming the file, the field, what was found and what is expected.
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { errorLines, fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";

describe("front matter validation", () => {
  it("accepts a valid post", async () => {
    expect(await errorLines({ "posts/fr/ok.md": postSource({}) })).toEqual([]);
  });

  it("reports a missing title", async () => {
    expect(await errorLines({ "posts/fr/sans-titre.md": postSource({ title: undefined }) })).toEqual([
      "posts/fr/sans-titre.md: title: missing (expected a title)",
    ]);
  });

  it("reports an empty title", async () => {
    expect(await errorLines({ "posts/fr/vide.md": postSource({ title: '""' }) })).toEqual([
      "posts/fr/vide.md:2: title: is empty (expected a title)",
    ]);
  });

  it("reports a date that does not exist", async () => {
    expect(await errorLines({ "posts/fr/charbon.md": postSource({ date: "2025-02-31" }) })).toEqual([
      'posts/fr/charbon.md:3: date: "2025-02-31" is not a date (expected 2025-02-08 or 2025-02-08T13:00+01:00)',
    ]);
  });

  it("reports a date that is not ISO 8601", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ date: "08/02/2025" }) })).toEqual([
      'posts/fr/a.md:3: date: "08/02/2025" is not a date (expected 2025-02-08 or 2025-02-08T13:00+01:00)',
    ]);
  });

  it("reports a post outside any declared language folder", async () => {
    expect(await errorLines({ "posts/de/beitrag.md": postSource({}) })).toEqual([
      'posts/de/beitrag.md: language: "de" is not a declared language (expected posts/<language>/…, with a language declared in _data/languages.yaml: fr, en)',
    ]);
    expect(await errorLines({ "posts/sans-langue.md": postSource({}) })).toEqual([
      "posts/sans-langue.md: language: is not in a language folder (expected posts/<language>/…, with a language declared in _data/languages.yaml: fr, en)",
    ]);
  });

  it("reports an unknown kind", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ kind: "annonce" }) })).toEqual([
      'posts/fr/a.md:6: kind: "annonce" is not a known kind (expected one of post, announcement, rebuttal, press-release)',
    ]);
  });

  it("reports two posts of one language with the same translationKey", async () => {
    const lines = await errorLines({
      "posts/fr/a.md": postSource({ translationKey: "meme-cle" }),
      "posts/fr/b.md": postSource({ translationKey: "meme-cle" }),
      "posts/en/c.md": postSource({ translationKey: "meme-cle" }),
    });
    expect(lines).toEqual([
      'posts/fr/b.md:5: translationKey: "meme-cle" is already used by posts/fr/a.md in the same language (expected one post per language for each translationKey)',
    ]);
  });

  it("reports two posts with the same URL", async () => {
    const lines = await errorLines({
      "posts/fr/a.md": postSource({ translationKey: "un", slug: "pareil" }),
      "posts/fr/b.md": postSource({ translationKey: "deux", slug: "pareil" }),
    });
    expect(lines).toEqual([
      "posts/fr/b.md:6: slug: URL /fr/pareil/ is already used by posts/fr/a.md (expected a slug of its own for each post)",
    ]);
  });

  it("reports a slug that takes the URL of a page of the site", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ slug: "billets" }) })).toEqual([
      "posts/fr/a.md:6: slug: URL /fr/billets/ is a page of the site itself (expected another slug)",
    ]);
  });

  it("reports an image without alt text, and an image that does not exist", async () => {
    const lines = await errorLines({
      "assets/img/photo.jpg": "not really a photo",
      "posts/fr/a.md": postSource({ translationKey: "a", image: "/assets/img/photo.jpg" }),
      "posts/fr/b.md": postSource({ translationKey: "b", image: "/assets/img/absente.jpg", imageAlt: "Une affiche" }),
    });
    expect(lines).toEqual([
      // The fake photo is refused too: no file that is not what its name says is published.
      "assets/img/photo.jpg: is named like a picture but is none the build recognises (expected a JPEG, PNG, WebP, AVIF, GIF or TIFF file: export it again from the original, or give it the name of what it is)",
      'posts/fr/a.md: imageAlt: missing for image "/assets/img/photo.jpg" (expected a short description of the image for people who cannot see it)',
      'posts/fr/b.md:6: image: "/assets/img/absente.jpg" does not exist (expected a file under assets/, e.g. /assets/img/cover.jpg)',
    ]);
  });

  it('reads booleans strictly: the string "false" is an error, not true', async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ draft: '"false"' }) })).toEqual([
      'posts/fr/a.md:6: draft: "false" is not true or false (expected true or false)',
    ]);
  });

  it("reports unknown fields and broken YAML with the line", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ tittle: "Oups" }) })).toEqual([
      expect.stringMatching(
        /^posts\/fr\/a\.md:6: tittle: unknown field \(did you mean title\?\) \(expected one of title, date, updated, description, tags, kind, translationKey, slug, draft, .*imageAlt/,
      ),
    ]);
    expect(await errorLines({ "posts/fr/a.md": "---\ntitle: Un titre : avec deux-points\n---\nTexte" })).toEqual([
      expect.stringMatching(/^posts\/fr\/a\.md:2: front matter is not valid YAML: .*put in quotes/),
    ]);
  });

  it("reports every problem at once, not only the first", async () => {
    const lines = await errorLines({
      "posts/fr/a.md": postSource({ title: undefined, date: "demain" }),
      "posts/fr/b.md": postSource({ kind: "tract", translationKey: "b" }),
    });
    expect(lines).toHaveLength(3);
  });

  it("reads a date without offset as Europe/Paris, and keeps an explicit offset", async () => {
    const root = await fixtureProject({
      "posts/fr/a.md": postSource({ translationKey: "a", date: "2025-02-08T13:00" }),
      "posts/fr/b.md": postSource({ translationKey: "b", date: "2025-07-01T13:00Z" }),
    });
    const { model } = await modelFor(root);
    const [b, a] = model!.edition("fr").posts;
    expect(a!.date.toUTC().toISO()).toBe("2025-02-08T12:00:00.000Z");
    expect(b!.date.toUTC().toISO()).toBe("2025-07-01T13:00:00.000Z");
    expect(b!.date.zoneName).toBe("Europe/Paris");
  });

  it("reports a strings file missing a key, naming the key and the language", async () => {
    const root = await fixtureProject({
      "_data/strings/en.yaml": "site:\n  title: Only a title\n",
    });
    const { problems } = await modelFor(root);
    const lines = problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    expect(lines).toContain(
      '_data/strings/en.yaml: nav.home: missing string for language "en" (expected a translation of "Accueil" from _data/strings/fr.yaml)',
    );
  });
});

describe("drafts", () => {
  const files = {
    "posts/fr/publie.md": postSource({ translationKey: "publie" }),
    "posts/fr/brouillon.md": postSource({ translationKey: "brouillon", draft: "true" }),
  };

  it("leaves drafts out of the production model", async () => {
    const { model } = await modelFor(await fixtureProject(files), false);
    expect(model!.posts.map((p) => p.translationKey)).toEqual(["publie"]);
    expect(model!.views.some((v) => v.url.includes("brouillon"))).toBe(false);
  });

  it("keeps drafts in the preview model", async () => {
    const { model } = await modelFor(await fixtureProject(files), true);
    expect(model!.posts.map((p) => p.translationKey).sort()).toEqual(["brouillon", "publie"]);
  });
});

describe("embargo", () => {
  it("requires an explicit offset", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ embargo: "2025-02-07T09:00" }) })).toEqual([
      'posts/fr/a.md:6: embargo: "2025-02-07T09:00" has no time zone offset (expected a date-time with its offset, e.g. 2025-02-07T09:00+01:00)',
    ]);
  });

  it("keeps a post out until the build's clock reaches its embargo, then publishes it", async () => {
    const root = await fixtureProject({
      "posts/fr/communique.md": postSource({
        translationKey: "communique",
        kind: "press-release",
        dateline: "Paris",
        embargo: "2025-02-07T09:00+01:00",
      }),
      "posts/fr/autre.md": postSource({ translationKey: "autre" }),
    });
    const at = async (iso: string, preview = false) => (await modelFor(root, preview, DateTime.fromISO(iso))).model!;
    const before = await at("2025-02-07T07:59:59Z");
    expect(before.posts.map((p) => p.translationKey)).toEqual(["autre"]);
    expect(before.views.some((v) => v.url === "/fr/communique/")).toBe(false);
    expect(before.heldBack.map((h) => [h.file, h.until.toISO()])).toEqual([
      ["posts/fr/communique.md", "2025-02-07T09:00:00.000+01:00"],
    ]);
    const after = await at("2025-02-07T08:00:00Z");
    expect(after.posts.map((p) => p.translationKey).sort()).toEqual(["autre", "communique"]);
    expect(after.heldBack).toEqual([]);
    const preview = await at("2025-02-07T07:00:00Z", true);
    expect(preview.posts.find((p) => p.translationKey === "communique")?.embargoed).toBe(true);
  });
});
