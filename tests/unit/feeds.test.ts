// The feeds the model builds (count, order, dates, ids after a move) and the text they can carry.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatProblem } from "../../src/core/content/problems.ts";
import { describe, expect, it } from "vitest";
import { XmlSafeText } from "../../src/features/feeds/xml.ts";
import { siteFeeds } from "../../src/features/feeds/feeds.ts";
import { fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";

describe("text for XML", () => {
  it("drops what XML 1.0 forbids, keeps everything else, and warns once per file and field", () => {
    const text = new XmlSafeText();
    expect(text.clean("a\u0007b\u0000c\uFFFEd\uD800e", "posts/fr/a.md", "title")).toBe("abcde");
    expect(text.clean("again\u0007", "posts/fr/a.md", "title")).toBe("again");
    expect(text.clean("tab\tline\ncr\r 🌍 שלום & < ]]> \u202E", "posts/fr/a.md", "body")).toBe(
      "tab\tline\ncr\r 🌍 שלום & < ]]> \u202E",
    );
    expect(text.warnings.map((warning) => `${warning.severity} ${formatProblem(warning)}`)).toEqual([
      "warning posts/fr/a.md: title: U+0007, U+0000, U+FFFE, U+D800 cannot be carried by XML and were left out of the feeds (expected text without control characters)",
    ]);
  });

  it("finds each forbidden character alone, at the edges of the ranges XML allows", () => {
    const text = new XmlSafeText();
    for (const forbidden of ["\u0008", "\u000B", "\u000C", "\u000E", "\u001F", "\uFFFF", "\uDC00", "\uDBFF"])
      expect(text.clean(`x${forbidden}y`, "posts/fr/b.md", "body"), JSON.stringify(forbidden)).toBe("xy");
    const allowed = "\u0020\uD7FF\uE000\uFFFD\u{10000}\u{10FFFF}";
    expect(text.clean(allowed, "posts/fr/c.md", "body")).toBe(allowed);
    expect(text.warnings.map((warning) => warning.file)).toEqual(["posts/fr/b.md"]);
  });
});

describe("the feeds of the model", () => {
  it("hold the newest site.feedEntries posts, newest first, and are as recent as their newest entry", async () => {
    const site = (await readFile(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")).replace(
      "feedEntries: 20",
      "feedEntries: 2",
    );
    const { model } = await modelFor(
      await fixtureProject({
        "_data/site.yaml": site,
        "posts/fr/a.md": postSource({ translationKey: "a", date: "2025-01-01", updated: "2025-03-01" }),
        "posts/fr/b.md": postSource({ translationKey: "b", date: "2025-01-02" }),
        "posts/fr/c.md": postSource({ translationKey: "c", date: "2025-01-03" }),
        "posts/fr/d.md": postSource({ translationKey: "d", date: "2025-01-04", draft: "true" }),
      }),
    );
    const feed = siteFeeds(model!).find((f) => f.url === "/fr/feed.xml")!;
    expect(feed.entries.map((entry) => entry.url)).toEqual(["/fr/c/", "/fr/b/"]);
    expect(feed.updated.toISOString()).toBe("2025-01-02T23:00:00.000Z");
    // An empty feed is as recent as its language's newest post, not the build's clock.
    expect(
      siteFeeds(model!)
        .find((f) => f.url === "/fr/presse/feed.xml")!
        .updated.toISOString(),
    ).toBe("2025-02-28T23:00:00.000Z");
  });

  it("use feedIdHost for entry ids when the site has moved, so the old ids stay", async () => {
    const site = (await readFile(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")).replace(
      "url: https://tract.example.org",
      "url: https://new.example.net\nfeedIdHost: tract.example.org",
    );
    const { model } = await modelFor(
      await fixtureProject({ "_data/site.yaml": site, "posts/fr/a.md": postSource({}) }),
    );
    expect(siteFeeds(model!).find((feed) => feed.url === "/fr/feed.xml")!.entries[0]!.id).toBe(
      "tag:tract.example.org,2025-02-08:fr/un-billet",
    );
  });
});
