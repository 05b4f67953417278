// Feeds on a changed copy of the sample site: ids survive a new slug and title, hostile text stays well-formed,
// same-titled feeds stay apart, and an embargoed press release appears in no feed before its time.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed } from "feedsmith";
import { type BuiltFeed, type ParsedEntry, builtFeeds, entriesOf } from "../helpers/feeds.ts";
import { type RunResult, copyProject, removeDir, runBuild } from "../helpers/project.ts";
import { SITE_ORIGIN } from "../helpers/site.ts";

const COAL_ID = "tag:tract.example.org,2025-01-13:fr/ia-charbon";
/** The sample press release's embargo (posts/fr/communique-contre-sommet.md): one build just before it, one at it. */
const EMBARGO = { before: "2025-02-07T08:59:00+01:00", at: "2025-02-07T09:00:00+01:00" };
const BELL = "\u0007";

/** Every character feeds get wrong when they build XML or JSON by hand; the bell is the one XML cannot carry at all. */
const HOSTILE_TITLE = `Tom & Jerry <b>bold</b> "quoted" 'single' ]]> 🌍 שלום עולם مرحبا ${BELL}end`;
const HOSTILE_DESCRIPTION = `Less < more & more > less; a CDATA end ]]> here; 🚀 \u202Eright-to-left override\u202C, a bell${BELL}.`;
const HOSTILE_BODY = `Fish & chips < 3 > 2, a CDATA end ]]> and a quoted \`<![CDATA[ section ]]>\`, 🌍 שלום and عربي, a bell ${BELL} here.`;

/** A YAML double-quoted scalar: `\a` is YAML's escape for the bell. */
const yamlString = (text: string) => JSON.stringify(text).replace(/\\u0007/g, "\\a");

const posts = {
  "posts/en/hostile.md": [
    "---",
    `title: ${yamlString(HOSTILE_TITLE)}`,
    "date: 2025-01-20T10:00",
    `description: ${yamlString(HOSTILE_DESCRIPTION)}`,
    "translationKey: hostile",
    'tags: ["<tag> & \\"co\\""]',
    "---",
    HOSTILE_BODY,
    "",
  ].join("\n"),
};

interface Build {
  dir: string;
  result: RunResult;
  feeds: BuiltFeed[];
}

let root: string;
let before: Build;
let after: Build;
const original: { feeds: BuiltFeed[] } = { feeds: [] };

async function build(root: string, now: string): Promise<Build> {
  const dir = path.join(root, `_site-${now.replace(/\W/g, "")}`);
  const result = await runBuild(root, dir, { TRACT_NOW: now });
  if (result.code !== 0) throw new Error(`the changed copy does not build:\n${result.stderr}`);
  return { dir, result, feeds: await builtFeeds(dir) };
}

beforeAll(async () => {
  original.feeds = await builtFeeds(inject("siteDir"));
  root = await copyProject();
  for (const [file, text] of Object.entries(posts)) await writeFile(path.join(root, file), text);
  // A new slug, a corrected title and an update: what an editor does to a published post.
  const coal = path.join(root, "posts/fr/ia-retour-du-charbon.md");
  const source = await readFile(coal, "utf8");
  await writeFile(
    coal,
    source
      .replace("slug: ia-retour-du-charbon", "slug: charbon-et-ia")
      .replace(/^title: .*$/m, 'title: "L\'IA relance le charbon"')
      .replace("kind: post", "kind: post\nupdated: 2025-02-01T12:00"),
  );
  // Both languages' feeds get the same title.
  const english = path.join(root, "_data/strings/en.yaml");
  await writeFile(
    english,
    (await readFile(english, "utf8")).replace("title: Against AI and its world", "title: Contre l'IA et son monde"),
  );
  [before, after] = await Promise.all([build(root, EMBARGO.before), build(root, EMBARGO.at)]);
});

afterAll(() => removeDir(root));

const feedIn = (feeds: BuiltFeed[], url: string) => {
  const feed = feeds.find((f) => f.url === url);
  if (!feed) throw new Error(`no feed at ${url}`);
  return feed;
};
const entryWithId = (feed: BuiltFeed, id: string): ParsedEntry | undefined =>
  entriesOf(feed).find((entry) => entry.id === id);

describe("feed entry ids", () => {
  it("stay the same when a post's slug and title change, while its link, title and updated date follow the edit", () => {
    for (const url of ["/fr/feed.xml", "/fr/rss.xml", "/fr/feed.json"]) {
      const was = entryWithId(feedIn(original.feeds, url), COAL_ID);
      const now = entryWithId(feedIn(after.feeds, url), COAL_ID);
      expect(was?.url, url).toBe(`${SITE_ORIGIN}/fr/ia-retour-du-charbon/`);
      expect(now?.url, url).toBe(`${SITE_ORIGIN}/fr/charbon-et-ia/`);
      expect(was?.title).toBe("L’IA a faim d’énergie\u202F: le grand retour du charbon");
      expect(now?.title).toBe("L’IA relance le charbon");
      expect(new Date(now!.published).getTime()).toBe(new Date(was!.published).getTime());
      if (now?.updated) expect(new Date(now.updated).toISOString()).toBe("2025-02-01T11:00:00.000Z");
    }
  });
});

describe("hostile text", () => {
  const title = HOSTILE_TITLE.replace(BELL, "");
  const summary = HOSTILE_DESCRIPTION.replace(BELL, "");

  it("stays well-formed and reads as written in Atom, RSS and JSON Feed", () => {
    for (const url of ["/en/feed.xml", "/en/rss.xml", "/en/feed.json", "/en/topics/tag-and-co/feed.xml"]) {
      const feed = feedIn(after.feeds, url);
      if (feed.format !== "json") expect(XMLValidator.validate(feed.text), url).toBe(true);
      expect(feed.text, url).not.toContain(BELL);
      const entry = entriesOf(feed).find((e) => e.url === `${SITE_ORIGIN}/en/hostile/`);
      expect(entry?.title, url).toBe(title);
      expect(entry?.summary, url).toBe(summary);
      expect(entry?.html, url).toContain(
        "<p>Fish &amp; chips &lt; 3 &gt; 2, a CDATA end ]]&gt; and a quoted <code>&lt;![CDATA[ section ]]&gt;</code>, 🌍 שלום and عربي, a bell  here.</p>",
      );
    }
    // JSON Feed strings are JSON-escaped, never HTML-escaped.
    const json = JSON.parse(feedIn(after.feeds, "/en/feed.json").text);
    expect(json.items.find((item: { id: string }) => item.id.endsWith(":en/hostile")).title).toBe(title);
    expect(parseAtomFeed(feedIn(after.feeds, "/en/topics/tag-and-co/feed.xml").text).title?.value).toBe(
      `Contre l’IA et son monde — topic: <tag> & "co"`,
    );
  });

  it("warns, naming the file and the field, about the characters it drops", () => {
    const output = after.result.stdout + after.result.stderr;
    for (const field of ["title", "description", "body"]) {
      expect(output).toContain(
        `posts/en/hostile.md: ${field}: U+0007 cannot be carried by XML and was left out of the feeds`,
      );
    }
  });
});

describe("feeds with the same title", () => {
  it("do not collide: each language keeps its own feed, entries and ids", () => {
    const french = parseAtomFeed(feedIn(after.feeds, "/fr/feed.xml").text);
    const english = parseAtomFeed(feedIn(after.feeds, "/en/feed.xml").text);
    expect(english.title?.value).toBe(french.title?.value);
    expect(french.entries?.every((entry) => entry.id?.includes(":fr/"))).toBe(true);
    expect(english.entries?.every((entry) => entry.id?.includes(":en/"))).toBe(true);
    expect(english.entries?.length).toBeGreaterThan(0);
  });
});

describe("an embargoed press release", () => {
  // The sample release (posts/fr/communique-contre-sommet.md): its address, and a phrase of its body.
  const marks = ["communique-contre-sommet", "contre-expertise venue du terrain"];

  it("is in no feed before its embargo ends", () => {
    for (const feed of before.feeds) for (const mark of marks) expect(feed.text, feed.url).not.toContain(mark);
    expect(parseAtomFeed(feedIn(before.feeds, "/fr/presse/feed.xml").text).entries ?? []).toEqual([]);
  });

  it("is in the language's feeds and the press feed, alone there, once its embargo ends", () => {
    for (const url of [
      "/fr/feed.xml",
      "/fr/rss.xml",
      "/fr/feed.json",
      "/fr/presse/feed.xml",
      "/fr/sujets/contre-sommet/feed.xml",
    ]) {
      expect(
        entryWithId(feedIn(after.feeds, url), "tag:tract.example.org,2025-02-07:fr/communique-contre-sommet"),
        url,
      ).toBeDefined();
    }
    expect(entriesOf(feedIn(after.feeds, "/fr/presse/feed.xml")).map((entry) => entry.url)).toEqual([
      `${SITE_ORIGIN}/fr/communique-contre-sommet/`,
    ]);
  });
});
