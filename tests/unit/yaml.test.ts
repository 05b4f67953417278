// YAML is read with bounds: an alias bomb, a self-containing alias or too deep a nesting is one line naming the file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource, parseYaml } from "../../src/core/content/front-matter.ts";
import { errorLines, postSource } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";

/** The "billion laughs": nine levels of nine aliases, 9^9 (387 million) strings once expanded. */
const ALIAS_BOMB = [
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ..."bcdefghi".split("").map((name, index) => {
    const previous = "abcdefghi"[index];
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`;
  }),
].join("\n");

const ALIAS_FIX = "expected each value written out, or a few *aliases of small &anchors";

/** A syntax error with its message in English, as the writer reads it. */
const inWords = (error: { line: number; message: unknown } | undefined) =>
  error && { line: error.line, message: String(error.message) };

describe("YAML limits", () => {
  it("stops an alias bomb at once, at the line of its first alias", () => {
    const started = performance.now();
    const parsed = parseYaml(`title: Un billet\n${ALIAS_BOMB}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed).toMatchObject({ data: {}, lines: {} });
    expect(inWords(parsed.syntaxError)).toEqual({
      line: 3,
      message: `its aliases (*a…) repeat more than 100 values (${ALIAS_FIX})`,
    });
  });

  it("keeps a few aliases of a small anchor", () => {
    expect(parseYaml("title: &t Un titre\ndescription: *t\n").data).toEqual({
      title: "Un titre",
      description: "Un titre",
    });
  });

  it("refuses an alias inside its own anchor (a value without end) and an alias without anchor", () => {
    expect(inWords(parseYaml("tags: &t [climat, *t]\n").syntaxError)).toEqual({
      line: 1,
      message: `the alias *t is inside its own anchor &t, a value without end (${ALIAS_FIX})`,
    });
    expect(String(parseYaml("place: &p { name: *p }\n").syntaxError?.message)).toMatch(
      /^the alias \*p is inside its own anchor &p/,
    );
    expect(inWords(parseYaml("title: Un titre\ndescription: *absent\n").syntaxError)).toEqual({
      line: 2,
      message: `the alias *absent has no anchor &absent before it (${ALIAS_FIX})`,
    });
  });

  it("refuses lists nested too deeply, counting lines from the front matter's first", () => {
    const parsed = parseSource(`---\ntitle: Un billet\ntags: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\nTexte`);
    expect(parsed.syntaxError?.line).toBe(3);
    expect(String(parsed.syntaxError?.message)).toMatch(/lists and mappings are nested too deeply/);
  });

  it("names the file for a bomb in a post, _data/site.yaml, an event, the press data and a strings file", async () => {
    const bombed = (source: string) => `${source.trimEnd()}\n${ALIAS_BOMB}\n`;
    expect(await errorLines({ "posts/fr/bombe.md": `---\ntitle: Un billet\n${ALIAS_BOMB}\n---\nTexte\n` })).toEqual([
      `posts/fr/bombe.md:4: front matter is not valid YAML: its aliases (*a…) repeat more than 100 values (${ALIAS_FIX})`,
    ]);
    expect(await errorLines({ "posts/fr/boucle.md": postSource({ tags: "&t [climat, *t]" }) })).toEqual([
      `posts/fr/boucle.md:6: front matter is not valid YAML: the alias *t is inside its own anchor &t, a value without end (${ALIAS_FIX})`,
    ]);
    expect(await errorLines({ "_data/events/x.yaml": ALIAS_BOMB })).toEqual([
      `_data/events/x.yaml:2: not valid YAML: its aliases (*a…) repeat more than 100 values (${ALIAS_FIX})`,
    ]);
    expect(await errorLines({ "_data/strings/en.yaml": ALIAS_BOMB })).toEqual([
      `_data/strings/en.yaml:2: not valid YAML: its aliases (*a…) repeat more than 100 values (${ALIAS_FIX})`,
    ]);
    const site = await readFile(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8");
    expect(await errorLines({ "_data/site.yaml": bombed(site) })).toEqual([
      expect.stringMatching(/^_data\/site\.yaml:\d+: not valid YAML: its aliases \(\*a…\) repeat more than 100 values/),
    ]);
    const press = await readFile(path.join(PROJECT_ROOT, "_data/press.yaml"), "utf8");
    expect(await errorLines({ "_data/press.yaml": bombed(press) })).toEqual([
      expect.stringMatching(
        /^_data\/press\.yaml:\d+: not valid YAML: its aliases \(\*a…\) repeat more than 100 values/,
      ),
    ]);
  });
});
