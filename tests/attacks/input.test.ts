// Bad input on a copy of the project: `npm run build` exits 1 with one line naming the file, the field, what was found
// and the fix; YAML bombs stop at once; TRACT_NOW is read in the site's zone; aliases never write outside the output.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyProject, runBuild, runScript, tempDir, type RunResult } from "../helpers/project.ts";
import { snapshot } from "../helpers/tree.ts";

/** Changes one file of the copy. */
async function edit(root: string, file: string, change: (text: string) => string): Promise<void> {
  const absolute = path.join(root, file);
  const before = await readFile(absolute, "utf8");
  const after = change(before);
  expect(after, `${file} was not changed`).not.toBe(before);
  await writeFile(absolute, after);
}

/** The problem lines of a stopped build (after its first line, which counts them). */
function problemLines(result: RunResult): string[] {
  const [first, ...lines] = result.stderr.trim().split("\n");
  expect(first, result.stderr).toMatch(/^\[tract\] the build stopped: \d+ problems? to fix, .* was left as it was\.$/);
  return lines;
}

/** The "billion laughs": nine levels of nine aliases, 387 million strings once expanded. */
const ALIAS_BOMB = [
  "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  ..."bcdefghi"
    .split("")
    .map((name, index) => `${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(", ")}]`),
].join("\n");
const BOMB_MESSAGE =
  "not valid YAML: its aliases (*a…) repeat more than 100 values (expected each value written out, or a few *aliases of small &anchors)";
const ZONE_FIX =
  "expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal: an offset such as UTC+3 or +03:00, or an abbreviation such as CET, names no place whose summer time tract could follow";

describe("YAML bombs, time zones, dates and session ids", () => {
  it("stops an alias bomb in _data/site.yaml at once, naming the file", async () => {
    const root = await copyProject();
    await edit(root, "_data/site.yaml", (text) => `${text}\n${ALIAS_BOMB}\n`);
    const started = performance.now();
    const result = await runBuild(root, "_site");
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(problemLines(result)).toEqual([
      expect.stringMatching(new RegExp(`^_data/site\\.yaml:\\d+: ${BOMB_MESSAGE.replace(/[()*.]/g, "\\$&")}$`)),
    ]);
  });

  it("refuses the site's time zone UTC+3, naming the file and the fix", async () => {
    const root = await copyProject();
    await edit(root, "_data/site.yaml", (text) => text.replace("timezone: Europe/Paris", "timezone: UTC+3"));
    const result = await runBuild(root, "_site");
    expect(result.code).toBe(1);
    expect(problemLines(result)).toEqual([
      `_data/site.yaml:6: timezone: "UTC+3" is not a time zone name (${ZONE_FIX})`,
    ]);
  });

  it("names the file of every bomb, bad zone, bad date and bad session id, in one run", async () => {
    const root = await copyProject();
    await writeFile(path.join(root, "posts/fr/bombe.md"), `---\ntitle: Bombe\n${ALIAS_BOMB}\n---\nTexte\n`);
    await writeFile(path.join(root, "_data/events/x.yaml"), `${ALIAS_BOMB}\n`);
    await edit(root, "_data/press.yaml", (text) => `${text}\n${ALIAS_BOMB}\n`);
    await edit(root, "_data/events/rassemblement-agaip-2025.yaml", (text) =>
      text.replace(/^updated:/m, 'timezone: "+03:00"\nupdated:'),
    );
    await edit(root, "_data/events/contre-sommet-2025.yaml", (text) => text.replace("id: perte-des-savoirs", 'id: ""'));
    await edit(root, "posts/fr/communique-contre-sommet.md", (text) =>
      text.replace("embargo: 2025-02-07T09:00+01:00", "embargo: 2030-02-07"),
    );
    await edit(root, "posts/en/press-release-counter-summit.md", (text) =>
      text.replace("embargo: 2025-02-07T09:00+01:00", "embargo: 2025-02-07T09:00+99:99"),
    );
    await edit(root, "posts/fr/ia-retour-du-charbon.md", (text) =>
      text.replace("date: 2025-01-13T08:30", "date: 2025-01-13T08:30+24:00"),
    );
    const started = performance.now();
    const result = await runBuild(root, "_site");
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.code).toBe(1);
    expect(problemLines(result).sort()).toEqual([
      `_data/events/contre-sommet-2025.yaml:26: sessions #2 › id: "" is not a slug (expected a short stable name for the session, used in calendar UIDs and addresses, e.g. ia-et-extractivisme)`,
      `_data/events/rassemblement-agaip-2025.yaml:22: timezone: "+03:00" is not a time zone name (${ZONE_FIX})`,
      `_data/events/x.yaml:2: ${BOMB_MESSAGE}`,
      expect.stringMatching(
        /^_data\/press\.yaml:\d+: not valid YAML: its aliases \(\*a…\) repeat more than 100 values/,
      ),
      'posts/en/press-release-counter-summit.md:4: embargo: "2025-02-07T09:00+99:99" has the offset +99:99, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)',
      `posts/fr/bombe.md:4: front matter is ${BOMB_MESSAGE}`,
      'posts/fr/communique-contre-sommet.md:4: embargo: "2030-02-07" has no time (expected a date, a time and an offset, e.g. 2025-02-07T09:00+01:00)',
      'posts/fr/ia-retour-du-charbon.md:3: date: "2025-01-13T08:30+24:00" has the offset +24:00, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)',
    ]);
    expect(existsSync(path.join(root, "_site"))).toBe(false);
  });
});

describe("TRACT_NOW", () => {
  const BAD = "2025-02-07T09:00+99:99";
  const MESSAGE = `[tract] TRACT_NOW: "${BAD}" has the offset +99:99, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)`;

  it("without an offset is a time in the site's zone (Europe/Paris), whatever the machine's: the release goes out at 09:00 Paris time", async () => {
    const root = await copyProject();
    const release = (dir: string) => path.join(root, dir, "fr/communique-contre-sommet/index.html");
    const machine = { TZ: "America/New_York" };
    const before = await runBuild(root, path.join(root, "_site-before"), { ...machine, TRACT_NOW: "2025-02-07T08:59" });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain(
      "[tract] embargo: holding back 2 posts; next: posts/en/press-release-counter-summit.md until 2025-02-07T09:00:00+01:00",
    );
    expect(existsSync(release("_site-before"))).toBe(false);
    const at = await runBuild(root, path.join(root, "_site-at"), { ...machine, TRACT_NOW: "2025-02-07T09:00" });
    expect(at.code, at.stderr).toBe(0);
    expect(at.stdout).not.toContain("embargo");
    expect(existsSync(release("_site-at"))).toBe(true);
  });

  it("when wrong, stops build, check and new with one line and exit 1, writing nothing", async () => {
    const root = await copyProject();
    const runs = {
      build: await runBuild(root, "_site", { TRACT_NOW: BAD }),
      check: await runScript(root, "src/cli/check.ts", [], { TRACT_NOW: BAD }),
      new: await runScript(root, "src/cli/new.ts", ["post", "--lang", "fr", "Un titre neuf"], { TRACT_NOW: BAD }),
    };
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, name).toBe(1);
      expect(run.stderr.trim(), name).toBe(MESSAGE);
    }
    expect(existsSync(path.join(root, "_site"))).toBe(false);
    expect(existsSync(path.join(root, "posts/fr/un-titre-neuf.md"))).toBe(false);
  });
});

/** A copy of the project in a folder of its own, with a file outside it that an escaping alias would overwrite. */
async function isolatedProject(): Promise<{ parent: string; root: string; output: string; victim: string }> {
  const parent = await tempDir("tract-aliases-");
  const root = path.join(parent, "project");
  await rename(await copyProject(), root);
  const victim = path.join(parent, "outside/victim.txt");
  await mkdir(path.dirname(victim));
  await writeFile(victim, "must stay as it is\n");
  // Four levels under the project: /../../../../outside/victim.txt from there is the victim.
  const output = path.join(root, "deep/er/_site");
  await mkdir(path.dirname(output), { recursive: true });
  expect(path.join(output, "../../../../outside/victim.txt")).toBe(victim);
  return { parent, root, output, victim };
}

describe("aliases", () => {
  // The build's own cache is the one thing it may write outside the output.
  const skipped = (root: string, parent: string) => [path.relative(parent, path.join(root, ".cache"))];

  it("are refused, naming the file and the field, when they lead out of the output or name a file of the site", async () => {
    const { parent, root, output, victim } = await isolatedProject();
    const attacks = [
      "/../../../../outside/victim.txt",
      "/%2e%2e/x",
      "/fr/feed.xml",
      "/sitemap.xml",
      "/_server/redirects.map",
    ];
    await edit(root, "posts/fr/ia-retour-du-charbon.md", (text) =>
      text.replace("aliases: [/fr/le-retour-du-charbon/]", `aliases: ${JSON.stringify(attacks)}`),
    );
    const before = await snapshot(parent, skipped(root, parent));
    const result = await runBuild(root, output);
    expect(result.code).toBe(1);
    const file = "posts/fr/ia-retour-du-charbon.md";
    expect(problemLines(result)).toEqual([
      `${file}:14: aliases #1: "/../../../../outside/victim.txt" holds a .. part (expected an address without . or .. parts, which would lead out of the site)`,
      `${file}:14: aliases #2: "/%2e%2e/x" holds a % (an encoded character such as %2e, %2f or %C3%A9) (expected the address decoded, e.g. /fr/écologie/ for /fr/%C3%A9cologie/; encoded dots and slashes are refused)`,
      `${file}:14: aliases #3: "/fr/feed.xml" ends with neither / nor .html (expected a folder address ending with /, e.g. /fr/ancien-titre/, or a page file ending with .html or .htm)`,
      `${file}:14: aliases #4: "/sitemap.xml" is a file of the site itself (expected an address the site does not use)`,
      `${file}:14: aliases #5: "/_server/redirects.map" is in /_server/, which holds the site's own files (expected an address outside /_server/ and /assets/)`,
    ]);
    expect(await snapshot(parent, skipped(root, parent))).toEqual(before);
    expect(await readFile(victim, "utf8")).toBe("must stay as it is\n");
  });

  it("are refused, naming the file and the field, when they take a page or a file the site publishes", async () => {
    const { parent, root, output } = await isolatedProject();
    const taken = ["/fr/404.html", "/fr/sujets/energie/", "/fr/agenda/contre-sommet-2025/", "/fr/feed.xml/"];
    await edit(root, "pages/fr/a-propos.md", (text) =>
      text.replace("slug: a-propos\n", `slug: a-propos\naliases: ${JSON.stringify(taken)}\n`),
    );
    const before = await snapshot(parent, skipped(root, parent));
    const result = await runBuild(root, output);
    expect(result.code).toBe(1);
    const expected = "(expected an address the site does not use)";
    expect(problemLines(result)).toEqual([
      `pages/fr/a-propos.md:6: aliases: URL /fr/404.html is a page of the site itself ${expected}`,
      `pages/fr/a-propos.md:6: aliases: URL /fr/sujets/energie/ is a page of the site itself ${expected}`,
      `pages/fr/a-propos.md:6: aliases: URL /fr/agenda/contre-sommet-2025/ is a page of the site itself ${expected}`,
      `pages/fr/a-propos.md:6: aliases: URL /fr/feed.xml/ is answered as /fr/feed.xml, a file of the site itself ${expected}`,
    ]);
    expect(await snapshot(parent, skipped(root, parent))).toEqual(before);
  });

  it("of 200 characters are published: a redirect page and both server maps", async () => {
    const root = await copyProject();
    const long = `/fr/${"ancien-titre-".repeat(15).slice(0, 195)}/`;
    expect(long).toHaveLength(200);
    await edit(root, "posts/fr/ia-retour-du-charbon.md", (text) =>
      text.replace("aliases: [/fr/le-retour-du-charbon/]", `aliases: [/fr/le-retour-du-charbon/, ${long}]`),
    );
    const site = path.join(root, "_site");
    const result = await runBuild(root, site);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(site, long, "index.html"), "utf8")).toContain("/fr/ia-retour-du-charbon/");
    expect(await readFile(path.join(site, "_server/redirects.map"), "utf8")).toContain(
      `"${long}" "/fr/ia-retour-du-charbon/";`,
    );
    expect(await readFile(path.join(site, "_redirects"), "utf8")).toContain(`${long} /fr/ia-retour-du-charbon/ 301`);
  });
});
