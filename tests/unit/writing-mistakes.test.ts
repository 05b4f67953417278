// The mistakes writers make in front matter and data, each refused with the fix: tags, comments, "did you mean", topics, zod's words.
import { describe, expect, it } from "vitest";
import { errorLines, fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";
import { formatProblem } from "../../src/core/content/problems.ts";

const post = (fields: Record<string, string | undefined>, body?: string) => ({
  "posts/fr/a.md": postSource(fields, body),
});

describe("tags", () => {
  it("refuses one text with commas, and says how to write the list", async () => {
    expect(await errorLines(post({ tags: "eau, climat" }))).toEqual([
      'posts/fr/a.md:6: tags: "eau, climat" is one text, not a list (expected the tags in brackets, separated by commas: tags: [eau, climat])',
    ]);
  });

  it("refuses a badly indented list, whose items run together", async () => {
    expect(await errorLines(post({ tags: "\n  - eau\n   - climat" }))).toEqual([
      'posts/fr/a.md:6: tags #1: "eau - climat" is two tags run together: the list is badly indented (expected each `- tag` on its own line, all at the same indentation, or tags: [eau, climat])',
    ]);
  });

  it("refuses tags that give no address, and two tags of one post that are one topic", async () => {
    expect(await errorLines(post({ tags: '["!!!", "💥", énergie, Énergie]' }))).toEqual([
      'posts/fr/a.md:6: tags #1: "!!!" gives no topic address: it has no letter or digit (expected a tag with letters or digits, e.g. climat)',
      'posts/fr/a.md:6: tags #2: "💥" gives no topic address: it has no letter or digit (expected a tag with letters or digits, e.g. climat)',
      'posts/fr/a.md:6: tags #4: "Énergie" is the same topic as "énergie" (expected each topic once)',
    ]);
  });

  it("refuses two names of one topic across posts (C++ and C), naming the other post", async () => {
    expect(
      await errorLines({
        "posts/fr/a.md": postSource({ tags: '["C++"]' }),
        "posts/fr/b.md": postSource({ tags: "[C]", translationKey: "b" }),
      }),
    ).toEqual([
      'posts/fr/b.md:6: tags #1: "C" and "C++" of posts/fr/a.md give one topic, /fr/sujets/c/ (expected the same name everywhere, e.g. "C++", or names that differ by more than case, accents or punctuation)',
    ]);
  });

  it("says that # starts a comment when a field holds only one (tags: #eau #climat)", async () => {
    expect(await errorLines(post({ tags: "#eau #climat" }))).toEqual([
      'posts/fr/a.md:6: tags: holds only a comment, "#eau #climat": in YAML, # starts a comment, so the value is left out (expected the value before any #, e.g. tags: [eau, climat], or the text in quotes when it starts with #)',
    ]);
  });
});

describe("did you mean", () => {
  it("suggests the field, event id and translationKey nearest to a mistyped one", async () => {
    expect(await errorLines(post({ description: undefined, descripton: '"Un résumé."' }))).toEqual([
      "posts/fr/a.md: description: missing (expected a one- or two-sentence summary, used in meta tags and feeds)",
      expect.stringMatching(/^posts\/fr\/a\.md:5: descripton: unknown field \(did you mean description\?\)/),
    ]);
    const event = [
      "title: Un contre-sommet",
      "description: Un après-midi.",
      "start: 2025-02-08T13:00",
      "updated: 2025-01-27",
      "place: { locality: Paris }",
      "announcements: [un-bilet]",
    ].join("\n");
    expect(await errorLines({ ...post({}), "_data/events/contre-sommet.yaml": event })).toEqual([
      '_data/events/contre-sommet.yaml: announcements #1: "un-bilet" is not the translationKey of any post (did you mean un-billet?) (expected the translationKey of a post in posts/ announcing this event)',
    ]);
    expect(
      await errorLines({
        ...post({}),
        "_data/events/sommet.yaml": event.replace("announcements: [un-bilet]", "official: true"),
        "posts/fr/r.md": postSource({ kind: "rebuttal", translationKey: "r", events: "[somet]" }),
      }),
    ).toContainEqual(expect.stringContaining('events #1: "somet" is not an event (did you mean sommet?)'));
  });

  it("hints at a translationKey that pairs its translation with nothing, next to the piece it was meant for", async () => {
    const { problems } = await modelFor(
      await fixtureProject({
        "posts/fr/charbon.md": postSource({ translationKey: "ia-charbon" }),
        "posts/en/coal.md": postSource({ translationKey: "ia-charbn", title: '"Coal"', description: '"Coal."' }),
      }),
    );
    expect(problems.map((problem) => `${problem.severity} ${formatProblem(problem)}`)).toContain(
      'warning posts/en/coal.md:5: translationKey: "ia-charbn" pairs this post with no other language (did you mean ia-charbon, the translationKey of posts/fr/charbon.md?)',
    );
  });
});

describe("events in plain words", () => {
  it("says what a missing updated: is for, never zod's 'expected nonoptional'", async () => {
    const event = [
      "title: Un contre-sommet",
      "description: Un après-midi.",
      "start: 2025-02-08T13:00",
      "place: { locality: Paris }",
    ];
    const lines = await errorLines({ "_data/events/contre-sommet.yaml": event.join("\n") });
    expect(lines).toEqual([
      "_data/events/contre-sommet.yaml: updated: missing (expected the day this file last changed, e.g. 2025-01-27 (calendar apps use it to spot changes))",
    ]);
  });
});

describe("topics (_data/topics.yaml)", () => {
  it("refuses an undeclared language and a topic named twice", async () => {
    const topics = "- { fr: climat, en: climate }\n- { fr: climat, eng: weather }\n";
    expect(await errorLines({ ...post({ tags: "[climat]" }), "_data/topics.yaml": topics })).toEqual([
      '_data/topics.yaml: #2 › fr: "climat" is already topic #1 (expected each topic once)',
      '_data/topics.yaml: #2 › eng: "eng" is not a declared language (did you mean en?) (expected one of fr, en)',
    ]);
  });

  it("warns about a tag with no counterpart, and a topic named like a tag in use, mistyped", async () => {
    const { problems } = await modelFor(
      await fixtureProject({
        ...post({ tags: "[climat, énergie]" }),
        "_data/topics.yaml": "- { fr: climats, en: climate }\n",
      }),
    );
    expect(problems.filter((p) => p.severity === "warning").map((p) => formatProblem(p))).toEqual([
      'posts/fr/a.md:6: tags: "climat" has no counterpart in language en, so its topic page links to none (expected an entry in _data/topics.yaml, e.g. - { fr: climat, en: … })',
      'posts/fr/a.md:6: tags: "énergie" has no counterpart in language en, so its topic page links to none (expected an entry in _data/topics.yaml, e.g. - { fr: énergie, en: … })',
      '_data/topics.yaml: #1 › fr: "climats" is the tag of no post in fr (did you mean climat?) (expected a tag that posts use)',
    ]);
  });
});
