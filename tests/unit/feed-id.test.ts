// Feed entry ids: what they may be, how they are derived so that edits keep them, and that no two posts share one.
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { entryId, isEntryId } from "../../src/features/feeds/feed-id.ts";
import { errorLines, postSource } from "../helpers/fixture.ts";

describe("feed entry ids", () => {
  it("accept tag: URIs and absolute http(s) URLs only", () => {
    for (const id of [
      "tag:tract.example.org,2025-01-13:fr/ia-charbon",
      "tag:collectif@example.org,2025:communique/1",
      "tag:example.org,2025-02:x",
      "https://tract.example.org/fr/ia-retour-du-charbon/",
    ]) {
      expect(isEntryId(id), id).toBe(true);
    }
    for (const id of [
      "ia-charbon",
      "tag:example.org:no-date",
      "tag:exa mple.org,2025:x",
      "/fr/ia-retour-du-charbon/",
      "urn:uuid:1234",
      "https://exa mple.org/",
      "ftp://example.org/x",
    ]) {
      expect(isEntryId(id), id).toBe(false);
    }
  });

  it("are derived from the host, the first date, the language and the translationKey, so a new title or slug keeps them", () => {
    const post = {
      date: DateTime.fromISO("2025-01-13T08:30", { zone: "Europe/Paris" }),
      lang: "fr",
      translationKey: "ia-charbon",
    };
    expect(entryId(post, "tract.example.org")).toBe("tag:tract.example.org,2025-01-13:fr/ia-charbon");
    expect(entryId({ ...post, lang: "en" }, "tract.example.org")).toBe(
      "tag:tract.example.org,2025-01-13:en/ia-charbon",
    );
    expect(entryId({ ...post, id: "https://old.example.org/charbon/" }, "tract.example.org")).toBe(
      "https://old.example.org/charbon/",
    );
  });

  it("refuses an id that is neither a tag: URI nor an absolute URL, saying what is expected", async () => {
    expect(await errorLines({ "posts/fr/a.md": postSource({ id: "mon-billet" }) })).toEqual([
      'posts/fr/a.md:6: id: "mon-billet" is not a feed entry id (expected a tag: URI such as tag:example.org,2025-01-13:fr/ia-charbon, or an absolute URL such as the post\'s first address)',
    ]);
  });

  it("refuses two posts with the same id, naming both files", async () => {
    const id = "tag:tract.example.org,2025-02-08:fr/un-billet";
    const lines = await errorLines({
      "posts/fr/a.md": postSource({}),
      "posts/fr/b.md": postSource({ translationKey: "autre", id }),
      "posts/en/c.md": postSource({ translationKey: "third", id: "https://tract.example.org/en/c/" }),
      "posts/en/d.md": postSource({ translationKey: "fourth", id: "https://tract.example.org/en/c/" }),
    });
    expect(lines.sort()).toEqual(
      [
        `posts/fr/b.md:6: id: feed entry id "${id}" is already used by posts/fr/a.md (expected an id of its own for each post: change or remove the id: field of one of them)`,
        'posts/en/d.md:6: id: feed entry id "https://tract.example.org/en/c/" is already used by posts/en/c.md (expected an id of its own for each post: change or remove the id: field of one of them)',
      ].sort(),
    );
  });
});
