// The README's deploys, done as written and served by Debian's nginx with unprivileged workers: rsync into a web root, the cron `--output` build, a build under umask 077.
import { execFile } from "node:child_process";
import { lstat, mkdir, readdir, readFile, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "../helpers/http.ts";
import {
  reachableDir,
  RUNNING_AS_ROOT,
  startNginx,
  testNginxConfig,
  writeNginxConfig,
  type RunningNginx,
} from "../helpers/nginx.ts";
import { pagesByKind } from "../helpers/pages-by-kind.ts";
import { copyProject, runScript, type RunResult } from "../helpers/project.ts";
import { htmlPages } from "../helpers/site.ts";

const run = promisify(execFile);
/** An old address of 200 characters, which nginx's default map_hash_bucket_size (64) cannot hold. */
const LONG_ALIAS = `/fr/${"une-tres-longue-ancienne-adresse-".repeat(6)}`.slice(0, 199) + "/";
const served: Record<"rsync" | "cron" | "umask", string> = { rsync: "", cron: "", umask: "" };
const running: RunningNginx[] = [];

function expectBuilt(result: RunResult, what: string): void {
  expect(result.code, `${what}:\n${result.stdout}\n${result.stderr}`).toBe(0);
}

beforeAll(async () => {
  const base = await reachableDir("tract-deploy-");
  const [withAlias, strictUmask] = await Promise.all([copyProject(), copyProject()]);
  const post = path.join(withAlias, "posts/fr/ia-retour-du-charbon.md");
  await writeFile(
    post,
    (await readFile(post, "utf8")).replace(
      "aliases: [/fr/le-retour-du-charbon/]",
      `aliases: [/fr/le-retour-du-charbon/, ${LONG_ALIAS}]`,
    ),
  );
  // The folders an administrator makes (as /var/www/tract, given to the user who builds): owned by whoever runs the tests (root on CI), mode 0755.
  for (const folder of ["www-rsync", "www-rsync/tract", "www-cron", "www-cron/tract", "www-umask", "www-umask/tract"])
    await mkdir(path.join(base, folder), { mode: 0o755 });
  served.rsync = path.join(base, "www-rsync/tract/site");
  served.cron = path.join(base, "www-cron/tract/site");
  served.umask = path.join(base, "www-umask/tract/site");
  await Promise.all([
    (async () => {
      // README, "Deploying": `npm run build && rsync -av --delete _site/ user@server:/var/www/tract/site/`.
      expectBuilt(await runScript(withAlias, "src/cli/build.ts"), "npm run build");
      await run("rsync", ["-av", "--delete", "_site/", `${served.rsync}/`], { cwd: withAlias });
      // README, scheduled rebuilds: `npm run build -- --output /var/www/tract/site`.
      expectBuilt(
        await runScript(withAlias, "src/cli/build.ts", ["--output", served.cron]),
        "npm run build -- --output",
      );
    })(),
    (async () => {
      const build = await run(
        "sh",
        ["-c", 'umask 077; exec "$0" --import tsx src/cli/build.ts --output "$1"', process.execPath, served.umask],
        { cwd: strictUmask },
      ).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          stdout: error.stdout,
          stderr: error.stderr,
        }),
      );
      expectBuilt(build, "npm run build under umask 077");
    })(),
  ]);
});

afterAll(async () => {
  await Promise.all(running.map((nginx) => nginx.close()));
});

/** The status nginx must answer for one page of each kind, and for a feed, a stylesheet, a picture and a press kit. */
async function expectedAnswers(siteDir: string): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  for (const sample of pagesByKind(await htmlPages(siteDir)))
    answers[sample.url] = sample.url === "/" ? 302 : sample.redirect ? 301 : 200;
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(
    await readFile(path.join(siteDir, "fr/index.html"), "utf8"),
  )?.[1];
  for (const file of [
    stylesheet!,
    "/fr/feed.xml",
    "/en/feed.json",
    "/assets/img/og-default.png",
    "/fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip",
    "/robots.txt",
  ])
    answers[file] = 200;
  return answers;
}

/** Every folder and file of the served site whose mode is not the web server's (0755, 0644). */
async function unreadableModes(siteDir: string): Promise<string[]> {
  const root = await realpath(siteDir);
  const wrong: string[] = [];
  const check = async (file: string) => {
    const info = await lstat(file);
    const expected = info.isDirectory() ? 0o755 : 0o644;
    if (!info.isSymbolicLink() && (info.mode & 0o777) !== expected)
      wrong.push(`${path.relative(root, file) || "."}: ${(info.mode & 0o777).toString(8)}`);
  };
  await check(root);
  for (const entry of await readdir(root, { recursive: true })) await check(path.join(root, entry));
  return wrong;
}

describe.each([
  { name: "copied with the README's rsync into an existing web root", key: "rsync" as const },
  { name: "built in place with `--output` (the cron and systemd recipe)", key: "cron" as const },
  { name: "built under umask 077", key: "umask" as const },
])("a site $name", ({ key }) => {
  it(`is served by nginx with ${RUNNING_AS_ROOT ? "workers running as nobody" : "workers running as the current user"}: every page kind, feeds and assets`, async () => {
    const nginx = await startNginx(served[key], { unprivileged: true });
    running.push(nginx);
    const expected = await expectedAnswers(served[key]);
    const answered: Record<string, number> = {};
    for (const url of Object.keys(expected)) answered[url] = (await request(nginx.url, url)).status;
    expect(answered).toEqual(expected);
    // Not root, the workers can read whatever the tests can: the modes are what a `www-data` worker needs.
    expect(await unreadableModes(served[key])).toEqual([]);
  });
});

describe("a 200-character old address in the redirect map", () => {
  it("passes nginx -t, which refuses it without map_hash_bucket_size, and redirects", async () => {
    expect(await readFile(path.join(served.cron, "_server/redirects.map"), "utf8")).toContain(LONG_ALIAS);
    const accepted = await testNginxConfig(await writeNginxConfig(served.cron));
    expect(accepted.code, accepted.output).toBe(0);
    const withoutBucketSize = await testNginxConfig(
      await writeNginxConfig(served.cron, { edit: (config) => config.replace(/^map_hash_bucket_size .*$/m, "") }),
    );
    expect(withoutBucketSize.code).not.toBe(0);
    expect(withoutBucketSize.output).toContain("map_hash_bucket_size");
    const nginx = await startNginx(served.cron);
    running.push(nginx);
    const moved = await request(nginx.url, LONG_ALIAS);
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe("/fr/ia-retour-du-charbon/");
  });
});
