// The build's clock moves events from upcoming to past; calendars and schedules stay byte for byte the same; bad event data stops the build.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { copyProject, runBuild } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";

const BEFORE = "2025-02-01T12:00:00+01:00";
const BETWEEN = "2025-02-09T12:00:00+01:00";
let root: string;

async function agenda(outDir: string) {
  const $ = cheerio.load(await readFile(path.join(root, outDir, "fr/agenda/index.html"), "utf8"));
  const ids = (section: string) =>
    $(`section[aria-labelledby="${section}"] h3 a`)
      .toArray()
      .map((a) => $(a).attr("href")!.split("/").at(-2));
  return { upcoming: ids("upcoming-heading"), past: ids("past-heading") };
}

/** The files of each event of a build (calendars, schedules), by path in the site; not the agenda one subscribes to. */
async function eventFiles(siteDir: string): Promise<Map<string, string>> {
  const files = (await listFiles(siteDir)).filter(
    (file) =>
      /\.(ics|json)$/.test(file) && file.includes(`${path.sep}agenda${path.sep}`) && !file.endsWith("agenda.ics"),
  );
  return new Map(
    await Promise.all(files.map(async (file) => [path.relative(siteDir, file), await readFile(file, "utf8")] as const)),
  );
}

beforeAll(async () => {
  root = await copyProject();
  for (const [outDir, now] of [
    ["_before", BEFORE],
    ["_between", BETWEEN],
  ]) {
    const result = await runBuild(root, outDir!, { TRACT_NOW: now! });
    expect(result.code, result.stderr).toBe(0);
  }
});

describe("the build's clock", () => {
  it("lists an event as upcoming before it, and as past once it is over", async () => {
    expect(await agenda("_before")).toEqual({
      upcoming: [
        "contre-sommet-2025",
        "rassemblement-agaip-2025",
        "sommet-action-ia-2025",
        "sommet-action-ia-business-day-2025",
      ],
      past: [],
    });
    expect(await agenda("_between")).toEqual({
      upcoming: ["rassemblement-agaip-2025", "sommet-action-ia-2025", "sommet-action-ia-business-day-2025"],
      past: ["contre-sommet-2025"],
    });
    const page = cheerio.load(
      await readFile(path.join(root, "_between/fr/agenda/contre-sommet-2025/index.html"), "utf8"),
    );
    expect(page(".event-notice").text()).toBe("Cet événement a eu lieu.");
  });

  it("changes no calendar or schedule: UIDs, DTSTAMP and GUIDs come from the data", async () => {
    const before = await eventFiles(path.join(root, "_before"));
    expect(before.size).toBeGreaterThan(10);
    expect(await eventFiles(path.join(root, "_between"))).toEqual(before);
    expect(await eventFiles(inject("siteDir")), "the shared build, at today's clock").toEqual(before);
  });
});

describe("bad event data", () => {
  it("stops the build with one line per problem, naming the file and the field", async () => {
    const file = path.join(root, "_data/events/contre-sommet-2025.yaml");
    const source = await readFile(file, "utf8");
    await writeFile(
      file,
      source
        .replace("end: unknown\n", "end: 2025-02-08T11:00\ntimezone: Paris\n")
        .replace("start: 2025-02-08T17:00", "start: 2025-02-09T17:00"),
    );
    await writeFile(
      path.join(root, "_data/events/sommet-action-ia-2025.yaml"),
      (await readFile(path.join(root, "_data/events/sommet-action-ia-2025.yaml"), "utf8")) +
        "announcements: [sommet-officiel]\n",
    );
    const rebuttal = path.join(root, "posts/fr/sommet-officiel-reponse.md");
    await writeFile(
      rebuttal,
      (await readFile(rebuttal, "utf8")).replace(/ {4}source:\n {6}name: Programme officiel du sommet\n/, ""),
    );
    const failed = await runBuild(root, "_before");
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split("\n").slice(1).sort()).toEqual([
      '_data/events/contre-sommet-2025.yaml:15: timezone: "Paris" is not a time zone name (expected the city with its area, Europe/Paris)',
      '_data/events/sommet-action-ia-2025.yaml: announcements #1: "sommet-officiel" is not the translationKey of any post (expected the translationKey of a post in posts/ announcing this event)',
      "posts/fr/sommet-officiel-reponse.md:12: claims #1 › source: missing (expected where the claim was made: its name, and its URL when known, e.g. { name: Site officiel du sommet, url: https://… })",
    ]);
    await writeFile(file, source.replace("end: unknown\n", "end: 2025-02-08T11:00\n"));
    expect((await runBuild(root, "_before")).stderr).toContain(
      '_data/events/contre-sommet-2025.yaml:14: end: "2025-02-08T11:00" is before start (expected a time after 2025-02-08T13:00)',
    );
  });
});
