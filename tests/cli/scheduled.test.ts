// Scheduled rebuilds as the README gives them: the cron line and the systemd units, run and checked as written (paths of a scratch copy).
import { execFile } from "node:child_process";
import { readFile, readlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT, copyProject, tempDir } from "../helpers/project.ts";

const run = promisify(execFile);

/** The fenced blocks of a language in the README, in order. */
async function readmeBlocks(language: string): Promise<string[]> {
  const readme = await readFile(path.join(PROJECT_ROOT, "README.md"), "utf8");
  return [...readme.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1]!);
}

/** The README's server paths made those of a scratch copy. */
function localised(text: string, paths: { project: string; site: string; log: string }): string {
  return text
    .replaceAll("/srv/tract", paths.project)
    .replaceAll("/var/www/tract/site", paths.site)
    .replaceAll("/var/log/tract/build.log", paths.log);
}

async function shell(command: string, env: Record<string, string> = {}): Promise<void> {
  await run("sh", ["-c", command], { env: { ...process.env, NO_COLOR: "1", TRACT_MESSAGES: "en", ...env } });
}

describe("the README's cron line", () => {
  it("builds when sources change or an embargo ends, and otherwise says the site is up to date", async () => {
    const [cron] = await readmeBlocks("cron");
    const line = cron!
      .trim()
      .split("\n")
      .find((candidate) => !candidate.startsWith("#"))!;
    const fields = line.split(/\s+/);
    expect(fields.slice(0, 5)).toEqual(["*/5", "*", "*", "*", "*"]);
    const project = await copyProject();
    const scratch = await tempDir("tract-cron-");
    const paths = { project, site: path.join(scratch, "site"), log: path.join(scratch, "build.log") };
    // Reloading nginx is the server's business: here the command stops before it.
    const command = localised(fields.slice(5).join(" "), paths).replace(/ && sudo -n systemctl reload nginx$/, "");
    expect(command).toContain("npm run build -- --output");
    const log = async () => (await readFile(paths.log, "utf8")).trim().split("\n");
    const release = async () => readlink(paths.site);

    // Before the sample press release's embargo (09:00 Paris time, 7 February 2025).
    const before = { TRACT_NOW: "2025-02-07T08:00+01:00" };
    await shell(command, before);
    expect((await log()).at(-1)).toMatch(/^\[tract\] built .* files re-made/);
    const first = await release();
    await shell(command, before);
    expect((await log()).at(-1)).toMatch(
      /is up to date: nothing changed since the last build .*; next change at 2025-02-07T09:00:00\.000\+01:00/,
    );
    expect(await release()).toBe(first);

    // The embargo ends: the next run publishes the release.
    await shell(command, { TRACT_NOW: "2025-02-07T09:03+01:00" });
    expect(
      (await log()).some((text) => text.startsWith("[tract] building: the site changes at 2025-02-07T09:00")),
    ).toBe(true);
    expect(await release()).not.toBe(first);
    expect(await readFile(path.join(paths.site, "fr/presse/index.html"), "utf8")).toContain("Contre-sommet de l");

    // A post is edited: the next run builds it.
    const second = await release();
    const post = path.join(project, "posts/fr/ia-retour-du-charbon.md");
    await writeFile(
      post,
      (await readFile(post, "utf8")).replace(/^title: .*$/m, 'title: "Un titre changé entre deux passages de cron"'),
    );
    await shell(command, { TRACT_NOW: "2025-02-07T09:08+01:00" });
    expect((await log()).some((text) => text === "[tract] building: sources changed since the last build")).toBe(true);
    expect(await release()).not.toBe(second);
    expect(await readFile(path.join(paths.site, "fr/ia-retour-du-charbon/index.html"), "utf8")).toContain(
      "Un titre changé entre deux passages de cron",
    );
  }, 120_000);
});

describe("the README's systemd units", () => {
  it("pass systemd-analyze verify, and the service's command builds the site", async () => {
    const units = (await readmeBlocks("ini")).filter((block) => block.includes("tract-build."));
    expect(units).toHaveLength(2);
    const scratch = await tempDir("tract-systemd-");
    const project = await copyProject();
    const paths = { project, site: path.join(scratch, "site"), log: path.join(scratch, "build.log") };
    const files: string[] = [];
    for (const unit of units) {
      const name = /^# \/etc\/systemd\/system\/(tract-build\.(?:service|timer))$/m.exec(unit)![1]!;
      files.push(path.join(scratch, name));
      await writeFile(path.join(scratch, name), unit.replace(/^#.*\n/, ""));
    }
    await run("systemd-analyze", ["verify", "--man=no", ...files]);
    const timer = units.find((unit) => unit.includes("[Timer]"))!;
    await run("systemd-analyze", ["calendar", /^OnCalendar=(.*)$/m.exec(timer)![1]!]);
    const service = units.find((unit) => unit.includes("[Service]"))!;
    const command = localised(/^ExecStart=(.*)$/m.exec(service)![1]!, paths);
    const directory = localised(/^WorkingDirectory=(.*)$/m.exec(service)![1]!, paths);
    await run("sh", ["-c", command], { cwd: directory });
    expect(await readFile(path.join(paths.site, "fr/index.html"), "utf8")).toContain("<html");
  }, 120_000);
});
