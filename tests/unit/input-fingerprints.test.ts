// What an output is recorded as made from: the same values give the same key, a cycle is made every time, the build context is refused, and a page's lists count their posts without their text.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { BuildSession } from "../../src/core/build/build-memo.ts";
import { createContext } from "../../src/core/context.ts";
import type { SiteModel } from "../../src/core/contract.ts";
import type { Post, View } from "../../src/core/model/types.ts";
import { ContextInInputs, InputFingerprints, PageInputs } from "../../src/core/output/fingerprint.ts";
import { tempDir } from "../helpers/project.ts";

const fingerprints = (posts: Post[] = []) =>
  new InputFingerprints({ posts } as unknown as SiteModel, new BuildSession().memo("input-texts"));

/** A post as the model holds it, with the fields the tests change. */
const post = (fields: Partial<Post> = {}): Post =>
  ({
    file: "posts/fr/charbon.md",
    url: "/fr/charbon/",
    title: "Le charbon revient",
    description: "Ce que les centres de données demandent.",
    date: DateTime.fromISO("2025-01-10T10:00", { zone: "Europe/Paris" }),
    kind: "post",
    tags: [{ name: "charbon", slug: "charbon", url: "/fr/sujets/charbon/" }],
    draft: false,
    embargoed: false,
    html: "<p>Le texte.</p>",
    body: "Le texte.",
    references: [],
    ext: {},
    ...fields,
  }) as unknown as Post;

/** The key of a page whose view holds `own` itself and `listed` in its list, and of a feed holding `listed`. */
function keys(own: Post, listed: Post, wholePosts = false) {
  const of = fingerprints([own, listed]);
  const view = { type: "list", url: "/fr/", own, items: [listed] } as unknown as View;
  return { page: of.of(new PageInputs("layout", view, wholePosts)), feed: of.of({ entries: [listed] }) };
}

describe("InputFingerprints.of", () => {
  it("gives the same key for the same values, another when one changes", () => {
    const of = fingerprints();
    const view = { title: "Le charbon revient", tags: new Set(["énergie"]), seen: new Map([["fr", 1]]) };
    expect(of.of(view)).toBe(of.of({ ...view }));
    expect(of.of({ ...view, tags: new Set(["climat"]) })).not.toBe(of.of(view));
    expect(of.of({ ...view, seen: new Map([["fr", 2]]) })).not.toBe(of.of(view));
  });

  it("gives no key for a cycle: the output is then made at every build", () => {
    const cycle: Record<string, unknown> = { title: "boucle" };
    cycle.self = cycle;
    expect(fingerprints().of(cycle)).toBeUndefined();
  });

  it("refuses inputs that hold the build context, naming where, unless they say what they read of it (toJSON)", async () => {
    const context = createContext({ root: await tempDir(), now: DateTime.now(), mode: "production" });
    const of = fingerprints();
    expect(() => of.of({ view: { title: "x" }, pictures: { context } })).toThrow(ContextInInputs);
    expect(() => of.of({ pictures: { context } })).toThrow(/inputs hold the build context \(under "context"\)/);
    const book = { context, toJSON: () => ({ pictures: ["/assets/img/charbon.jpg"] }) };
    expect(of.of({ pictures: book })).toBe(of.of({ pictures: { pictures: ["/assets/img/charbon.jpg"] } }));
  });
});

describe("a page's inputs", () => {
  const own = post({ file: "posts/fr/sommet.md", url: "/fr/sommet/" });
  const listed = post();
  const before = keys(own, listed);

  it("count a post of its lists without its text: a text edit re-makes no list, but the feeds that carry the text", () => {
    const edited = keys(own, { ...listed, html: "<p>Le texte, corrigé.</p>", body: "Le texte, corrigé." });
    expect(edited.page).toBe(before.page);
    expect(edited.feed).not.toBe(before.feed);
  });

  it("count what a list shows of a post: its title, date, description, tags and its features' fields", () => {
    for (const change of [
      { title: "Le charbon, encore" },
      { date: DateTime.fromISO("2025-01-11T10:00", { zone: "Europe/Paris" }) },
      { description: "Autre chose." },
      { tags: [] },
      { ext: { rebuttal: { events: [{ url: "/fr/agenda/sommet/" }] } } },
    ])
      expect(keys(own, { ...listed, ...change }).page, Object.keys(change)[0]).not.toBe(before.page);
  });

  it("count the post the view holds itself whole, and every post whole for a view type that reads more (viewData)", () => {
    expect(keys({ ...own, html: "<p>Autre texte.</p>" }, listed).page).not.toBe(before.page);
    const whole = keys(own, listed, true).page;
    expect(keys(own, { ...listed, html: "<p>Le texte, corrigé.</p>" }, true).page).not.toBe(whole);
  });
});
