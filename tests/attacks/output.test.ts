// Where a build may write, and what it leaves: a wrong --output is refused before anything is touched, every build is a
// release switched in one step, a killed build leaves the old site or the new one, the cache can be wrong but the site cannot.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import {
  appendFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  stat,
  symlink,
  truncate,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_DIR } from "../../src/core/build/cache.ts";
import { copyProject, runScript, tempDir, type RunResult } from "../helpers/project.ts";
import { listFiles } from "../helpers/site.ts";
import { snapshot } from "../helpers/tree.ts";
import { request } from "../helpers/http.ts";
import { reachableDir, startNginx } from "../helpers/nginx.ts";

const build = (root: string, ...args: string[]) => runScript(root, "src/cli/build.ts", args);

/** The site a build made, by the content of its files (the output is a link: what it leads to). */
const siteState = async (output: string) => snapshot(await realpath(output));

/** A copy of the project in a folder of its own, so that everything around it can be compared before and after. */
async function isolatedProject(): Promise<{ parent: string; root: string }> {
  const parent = await tempDir("tract-output-");
  const root = path.join(parent, "project");
  await rename(await copyProject(), root);
  await writeFile(path.join(parent, "neighbour.txt"), "stays as it is\n");
  return { parent, root };
}

function refusal(result: RunResult): string {
  expect(result.code, result.stdout).toBe(1);
  const [line, ...rest] = result.stderr.trim().split("\n");
  expect(rest).toEqual([]);
  expect(line).toMatch(/^\[tract\] the build stopped, .* was left as it was: /);
  return line ?? "";
}

describe("--output", () => {
  it("refuses the project, a folder that holds it, a source folder, a folder tract did not make, a foreign link and a file, touching nothing", async () => {
    const { parent, root } = await isolatedProject();
    await mkdir(path.join(parent, "www/html"), { recursive: true });
    await writeFile(path.join(parent, "www/html/index.html"), "<p>the server's own page</p>\n");
    await symlink(path.join(parent, "www"), path.join(root, "lien"));
    await writeFile(path.join(root, "notes.txt"), "notes\n");
    const before = await snapshot(parent);
    const cases: Record<string, RegExp> = {
      ".": /--output "\." is the project folder itself/,
      "..": /--output "\.\." holds the project folder/,
      "/": /--output "\/" holds the project folder/,
      posts: /--output "posts" is inside posts\/, a folder of the project's sources/,
      "posts/site": /--output "posts\/site" is inside posts\//,
      _data: /is inside _data\//,
      src: /is inside src\//,
      ".git": /is inside \.git\//,
      [path.join(parent, "www/html")]:
        /is a folder that holds files no tract build made: a build replaces the whole folder \(expected an empty folder, a new path, or the output of an earlier build\)/,
      lien: /is a symbolic link to .*www, not to a release of tract's/,
      "notes.txt": /is a file, not a folder/,
    };
    for (const [output, message] of Object.entries(cases))
      expect(refusal(await build(root, "--output", output)), output).toMatch(message);
    expect(await snapshot(parent)).toEqual(before);
  });

  it("builds into a new path, an empty folder, or the folder of an earlier version's build, leaving the releases beside it", async () => {
    const { parent, root } = await isolatedProject();
    await mkdir(path.join(parent, "empty"));
    const earlier = path.join(parent, "earlier");
    await mkdir(path.join(earlier, "_server"), { recursive: true });
    await writeFile(path.join(earlier, "_server/languages.map"), "default /fr/;\n");
    await writeFile(path.join(earlier, "index.html"), "<p>old</p>\n");
    for (const output of [path.join(parent, "new/site"), path.join(parent, "empty"), earlier]) {
      const result = await build(root, "--output", output);
      expect(result.code, result.stderr).toBe(0);
      expect((await lstat(output)).isSymbolicLink()).toBe(true);
      expect(existsSync(path.join(output, "fr/index.html"))).toBe(true);
      expect(await readdir(path.dirname(output))).toContain(`.${path.basename(output)}.releases`);
    }
    expect(await readFile(path.join(earlier, "index.html"), "utf8")).not.toBe("<p>old</p>\n");
  });
});

describe("releases", () => {
  let root: string;
  let output: string;
  const states: Record<string, string>[] = [];

  beforeAll(async () => {
    root = await copyProject();
    output = path.join(root, "_site");
    for (const title of ["", "Le grand retour du charbon, version deux"]) {
      if (title) await editTitle(root, title);
      expect((await build(root)).code).toBe(0);
      states.push(await siteState(output));
    }
  }, 120_000);

  it("switch by one rename of a link, keep the previous release, and roll back to it and forth again", async () => {
    const [first, second] = states;
    expect(first).not.toEqual(second);
    const store = path.join(root, "._site.releases");
    const releases = (await readdir(store)).filter((name) => /^\d{8}T\d{6}Z-[0-9a-f]{6}$/.test(name));
    expect(releases).toHaveLength(2);
    expect(await readlink(path.join(store, "previous"))).toBe(releases.sort()[0]);
    const rollback = await build(root, "--rollback");
    expect(rollback.stdout).toMatch(/_site is the previous release again/);
    expect(await siteState(output)).toEqual(first);
    expect((await build(root, "--rollback")).code).toBe(0);
    expect(await siteState(output)).toEqual(second);
  });

  it("retire the release before the previous one by a rename, and remove it while the next build works", async () => {
    const store = path.join(root, "._site.releases");
    const releaseNames = async () =>
      (await readdir(store)).filter((name) => /^\d{8}T\d{6}Z-[0-9a-f]{6}$/.test(name)).sort();
    const retiredNames = async () => (await readdir(store)).filter((name) => name.endsWith(".retired"));
    const [oldest] = await releaseNames();
    await editTitle(root, "Le grand retour du charbon, version trois");
    expect((await build(root)).code).toBe(0);
    // Three builds: the first release is no longer kept, and no longer a release, but not deleted yet.
    expect(await releaseNames()).toHaveLength(2);
    expect(await releaseNames()).not.toContain(oldest);
    expect(await retiredNames()).toEqual([`${oldest}.retired`]);
    expect((await readdir(store)).filter((name) => name.endsWith(".json"))).toHaveLength(2);
    const [previous, current] = await releaseNames();
    expect(await readlink(path.join(store, "previous"))).toBe(previous);
    expect(path.basename(await readlink(output))).toBe(current);
    await editTitle(root, "Le grand retour du charbon, version quatre");
    expect((await build(root)).code).toBe(0);
    // The next build removed it, and retired the one before its previous in turn.
    expect(await retiredNames()).toEqual([`${previous}.retired`]);
    expect(await releaseNames()).toHaveLength(2);
    expect(await releaseNames()).toContain(current);
  });

  it("are readable by the web server whatever the umask: folders 0755, files 0644, in the site and in the cache", async () => {
    // From an empty cache, so that every entry of the cache is one this build wrote under its umask.
    const strict = await copyProject({ cache: false });
    const result = await new Promise<number>((resolve) => {
      const child = spawn("sh", ["-c", 'umask 077; exec "$0" --import tsx src/cli/build.ts', process.execPath], {
        cwd: strict,
        stdio: "ignore",
      });
      child.on("exit", (code) => resolve(code ?? 1));
    });
    expect(result).toBe(0);
    const wrong: string[] = [];
    for (const dir of [await realpath(path.join(strict, "_site")), path.join(strict, CACHE_DIR)]) {
      for (const entry of ["", ...(await readdir(dir, { recursive: true }))]) {
        const info = await lstat(path.join(dir, entry));
        if (!info.isSymbolicLink() && (info.mode & 0o777) !== (info.isDirectory() ? 0o755 : 0o644))
          wrong.push(`${entry}: ${(info.mode & 0o777).toString(8)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** Changes the title of the coal commentary, so that two builds differ. */
async function editTitle(root: string, title: string): Promise<void> {
  const post = path.join(root, "posts/fr/ia-retour-du-charbon.md");
  const text = await readFile(post, "utf8");
  await writeFile(post, text.replace(/^title: .*$/m, `title: "${title}"`));
}

describe("a build killed at any moment", () => {
  it("leaves the old site or the new one, complete, and the next build removes what it left", async () => {
    const root = await copyProject();
    const output = path.join(root, "_site");
    expect((await build(root)).code).toBe(0);
    const old = await siteState(output);
    await editTitle(root, "Le charbon revient, et l'IA le réclame");
    // The new site, as a build that is not killed makes it (in a copy of the edited project).
    const reference = await copyProject();
    await editTitle(reference, "Le charbon revient, et l'IA le réclame");
    expect((await build(reference)).code).toBe(0);
    const fresh = await siteState(path.join(reference, "_site"));
    const seen = new Set<string>();
    for (const delay of [150, 500, 900, 1300, 1800, 2400, 3200]) {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--full"], {
        cwd: root,
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await exited;
      const state = await siteState(output);
      const which =
        JSON.stringify(state) === JSON.stringify(old)
          ? "old"
          : JSON.stringify(state) === JSON.stringify(fresh)
            ? "new"
            : "other";
      expect(which, `killed after ${delay} ms`).not.toBe("other");
      seen.add(which);
    }
    expect(seen.has("old")).toBe(true);
    const store = path.join(root, "._site.releases");
    const final = await build(root);
    expect(final.code, final.stderr).toBe(0);
    expect(await siteState(output)).toEqual(fresh);
    // Nothing half-made remains: the current release, the previous one, their records, the marker and the link to the
    // previous (and a release retired by a killed build that did finish, which the next build removes).
    const left = (await readdir(store)).filter((name) => !/^\d{8}T\d{6}Z-[0-9a-f]{6}(\.json|\.retired)?$/.test(name));
    expect(left.sort()).toEqual(["previous", "tract-releases"]);
    expect((await readdir(store)).filter((name) => name.endsWith(".json"))).toHaveLength(2);
    expect((await readdir(root)).filter((name) => name.includes("tract-switch"))).toEqual([]);
  }, 120_000);
});

describe("readers during rebuilds", () => {
  it("get every page whole, from the old release or the new, never an error, from nginx serving the output", async () => {
    const parent = await reachableDir("tract-rebuilds-");
    const root = await copyProject();
    const output = path.join(parent, "site");
    const pages = ["/fr/", "/fr/ia-retour-du-charbon/", "/en/", "/fr/billets/", "/fr/feed.xml", "/fr/sujets/charbon/"];
    /** Every version of each page a release held: a reader may get any of them, and nothing else. */
    const versions = new Map(pages.map((page) => [page, new Set<string>()]));
    const remember = async () => {
      const release = await realpath(output);
      for (const page of pages)
        versions
          .get(page)!
          .add(await readFile(path.join(release, page.endsWith("/") ? `${page}index.html` : page), "utf8"));
    };
    expect((await build(root, "--output", output)).code).toBe(0);
    await remember();
    const nginx = await startNginx(output, { unprivileged: true });
    const answers: { page: string; status: number; body: string }[] = [];
    let building = true;
    const readers = Array.from({ length: 4 }, async (_, reader) => {
      for (let n = reader; building; n++) {
        const page = pages[n % pages.length]!;
        const response = await request(nginx.url, page, {
          headers: { "Accept-Encoding": "identity", Accept: "text/html" },
        });
        answers.push({ page, status: response.status, body: response.body.toString("utf8") });
      }
    });
    try {
      for (const title of [
        "Premier titre pendant la lecture",
        "Deuxième titre pendant la lecture",
        "Troisième titre pendant la lecture",
      ]) {
        await editTitle(root, title);
        const rebuilt = await build(root, "--output", output);
        expect(rebuilt.code, rebuilt.stderr).toBe(0);
        await remember();
      }
    } finally {
      building = false;
      await Promise.all(readers);
      await nginx.close();
    }
    expect(answers.length).toBeGreaterThan(100);
    expect(
      answers.filter((answer) => answer.status !== 200).map((answer) => `${answer.page}: ${answer.status}`),
    ).toEqual([]);
    expect(
      answers.filter((answer) => !versions.get(answer.page)!.has(answer.body)).map((answer) => answer.page),
    ).toEqual([]);
    // Readers saw the site change while they read.
    expect(
      new Set(answers.filter((answer) => answer.page === "/fr/ia-retour-du-charbon/").map((answer) => answer.body))
        .size,
    ).toBeGreaterThan(1);
  }, 120_000);
});

describe("the cache", () => {
  it("can be damaged without the site changing: a truncated or replaced entry is detected and made again", async () => {
    const root = await copyProject();
    expect((await build(root)).code).toBe(0);
    const output = path.join(root, "_site");
    const good = await siteState(output);
    const entries = await listFiles(path.join(root, CACHE_DIR, "finished"));
    const sizes = await Promise.all(entries.map(async (file) => (await stat(file)).size));
    const largest = entries[sizes.indexOf(Math.max(...sizes))]!;
    // In place, as an editor or a bad disk would: the published site shares no file with the cache.
    await truncate(largest, 100);
    await appendFile(entries[0]!, "edited");
    expect(await siteState(output)).toEqual(good);
    const rebuilt = await build(root, "--full");
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(await siteState(output)).toEqual(good);
  });
});

describe("a full disk", () => {
  // Mounting a small disk needs root, as CI runs the tests.
  it.runIf(process.getuid?.() === 0)("fails the build, naming the file, and keeps the site as it was", async () => {
    const root = await copyProject();
    const disk = await tempDir("tract-small-disk-");
    const run = (command: string, args: string[]) =>
      new Promise<number>((resolve) =>
        spawn(command, args, { stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1)),
      );
    expect(await run("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", disk])).toBe(0);
    try {
      const output = path.join(disk, "site");
      expect((await build(root, "--output", output)).code).toBe(0);
      const before = await snapshot(disk);
      // A download of 16 MB that does not compress: the new release cannot fit beside the current one.
      await writeFile(
        path.join(root, "assets/brochure-complete.bin"),
        Buffer.alloc(16 * 1024 * 1024, 7).map((_, index) => (index * 2654435761) >>> 24),
      );
      const failed = await build(root, "--output", output);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/brochure-complete\.bin could not be written: ENOSPC/);
      expect(await snapshot(disk)).toEqual(before);
    } finally {
      await run("umount", [disk]);
    }
  });
});
