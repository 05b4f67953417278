// `npm run serve` while rebuilds switch the site's symlink between releases, and when a file cannot be read: no error, no mixed response, no crash.
import { execFile } from "node:child_process";
import { chmod, readFile, rm, utimes, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { request, startServe, type RunningServe } from "../helpers/http.ts";
import { reachableDir, RUNNING_AS_ROOT } from "../helpers/nginx.ts";
import { copyRelease, pointTo } from "./fixtures.ts";

/** The files the client asks for during the switches; release B has its own version of each, of another size and date. */
const ASKED = [
  { path: "/fr/", acceptEncoding: "br", file: "fr/index.html.br", status: 200 },
  { path: "/en/", acceptEncoding: "gzip", file: "en/index.html.gz", status: 200 },
  { path: "/fr/feed.xml", acceptEncoding: "", file: "fr/feed.xml", status: 200 },
  { path: "/en/nowhere/", acceptEncoding: "br", file: "en/404.html.br", status: 404 },
];
const DATES = { A: new Date("2020-01-01T00:00:00Z"), B: new Date("2021-01-01T00:00:00Z") };

let dir: string;
let releases: { A: string; B: string };
let site: string;
let serve: RunningServe;

/** Release B: the asked pages with a marker of their own (and recompressed), and `/` sending readers to English by default. */
async function makeReleaseB(from: string, to: string): Promise<string> {
  await copyRelease(from, to);
  for (const source of new Set(ASKED.map(({ file }) => file.replace(/\.(br|gz)$/, "")))) {
    const file = path.join(to, source);
    const text = Buffer.concat([
      await readFile(file),
      Buffer.from(`\n<!-- release B ${"b".repeat(source.length * 7)} -->\n`),
    ]);
    await writeFile(file, text);
    await writeFile(`${file}.gz`, zlib.gzipSync(text));
    await writeFile(`${file}.br`, zlib.brotliCompressSync(text));
  }
  const languages = path.join(to, "_server/languages.map");
  await writeFile(languages, (await readFile(languages, "utf8")).replace(/^default .*;$/m, 'default "/en/";'));
  return to;
}

async function dateAskedFiles(release: string, date: Date): Promise<void> {
  for (const { file } of ASKED)
    for (const variant of new Set([file, file.replace(/\.(br|gz)$/, "")]))
      await utimes(path.join(release, variant), date, date);
}

beforeAll(async () => {
  dir = await reachableDir("tract-releases-");
  releases = { A: await copyRelease(inject("siteDir"), path.join(dir, "A")), B: "" };
  releases.B = await makeReleaseB(releases.A, path.join(dir, "B"));
  await dateAskedFiles(releases.A, DATES.A);
  await dateAskedFiles(releases.B, DATES.B);
  site = path.join(dir, "site");
  await pointTo(site, releases.A);
  // As root, serve runs as `nobody`, as a server would, so that an unreadable file is unreadable for it too.
  serve = await startServe(site, RUNNING_AS_ROOT ? { uid: 65534, gid: 65534 } : {});
});

afterAll(async () => {
  await serve?.close();
});

interface Tally {
  responses: number;
  errors: string[];
  byStatus: Record<number, number>;
  byRelease: { A: number; B: number };
  mixed: string[];
}

/**
 * Requests the ASKED files and `/` from `concurrency` kept-alive connections until `until()` says
 * stop, checking each response against both releases; `tolerated` statuses (a release deleted
 * under the server) are counted, not checked.
 */
async function hammer(
  until: () => boolean,
  concurrency: number,
  expected: Record<"A" | "B", Record<string, Buffer>>,
  tolerated: number[] = [],
): Promise<Tally> {
  const tally: Tally = { responses: 0, errors: [], byStatus: {}, byRelease: { A: 0, B: 0 }, mixed: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { port } = new URL(serve.url);
  const get = (urlPath: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: urlPath, headers, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on("error", reject);
        })
        .on("error", reject);
    });
  const check = (asked: (typeof ASKED)[number] | undefined, response: Awaited<ReturnType<typeof get>>) => {
    tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
    if (response.headers["content-security-policy"] !== SECURITY_HEADERS["Content-Security-Policy"])
      tally.mixed.push(`${response.status} without its security headers`);
    if (tolerated.includes(response.status)) return;
    if (!asked) {
      const release = { "/fr/": "A", "/en/": "B" }[response.headers.location ?? ""] as "A" | "B" | undefined;
      if (response.status !== 302 || !release)
        return void tally.mixed.push(`/ answered ${response.status} ${response.headers.location}`);
      return void tally.byRelease[release]++;
    }
    if (response.status !== asked.status) return void tally.mixed.push(`${asked.path} answered ${response.status}`);
    const release = (["A", "B"] as const).find((name) => response.body.equals(expected[name][asked.file]!));
    if (!release)
      return void tally.mixed.push(`${asked.path}: a body of ${response.body.length} bytes from neither release`);
    if (response.headers["last-modified"] !== DATES[release].toUTCString() && asked.status === 200)
      tally.mixed.push(
        `${asked.path}: release ${release}'s body with Last-Modified ${response.headers["last-modified"]}`,
      );
    if (Number(response.headers["content-length"]) !== response.body.length)
      tally.mixed.push(
        `${asked.path}: Content-Length ${response.headers["content-length"]} for ${response.body.length} bytes`,
      );
    tally.byRelease[release]++;
  };
  const client = async (index: number) => {
    for (let turn = index; !until(); turn++) {
      const asked = turn % (ASKED.length + 1) === ASKED.length ? undefined : ASKED[turn % (ASKED.length + 1)];
      try {
        check(
          asked,
          await get(asked?.path ?? "/", asked?.acceptEncoding ? { "Accept-Encoding": asked.acceptEncoding } : {}),
        );
      } catch (error) {
        tally.errors.push(`${asked?.path ?? "/"}: ${(error as Error).message}`);
      }
      tally.responses++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  agent.destroy();
  return tally;
}

async function expectedBodies(): Promise<Record<"A" | "B", Record<string, Buffer>>> {
  const bodies = { A: {} as Record<string, Buffer>, B: {} as Record<string, Buffer> };
  for (const name of ["A", "B"] as const)
    for (const { file } of ASKED) bodies[name][file] = await readFile(path.join(releases[name], file));
  return bodies;
}

describe("npm run serve over a site folder that rebuilds switch", () => {
  it("answers every request entirely from one release while the symlink is switched hundreds of times", async () => {
    let stop = false;
    let switches = 0;
    const switcher = (async () => {
      // A number of switches, not a time: on a busy machine each takes longer, and the test must still see them all.
      while (switches < 200) {
        await pointTo(site, switches++ % 2 === 0 ? releases.B : releases.A);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      stop = true;
    })();
    const tally = await hammer(() => stop, 16, await expectedBodies());
    await switcher;
    console.log(
      `[serve-releases] ${tally.responses} responses during ${switches} switches: ${JSON.stringify(tally.byRelease)}`,
    );
    expect(tally.errors).toEqual([]);
    expect(tally.mixed).toEqual([]);
    expect(switches).toBe(200);
    expect(tally.byRelease.A).toBeGreaterThan(0);
    expect(tally.byRelease.B).toBeGreaterThan(0);
    expect(serve.alive()).toBe(true);
  });

  it("survives releases deleted under its feet: each failed read is a 5xx and one log line, never a crash or a mixed page", async () => {
    const logged = serve.errors().length;
    let stop = false;
    let current = releases.A;
    let generation = 0;
    const switcher = (async () => {
      while (generation < 12) {
        const next = path.join(dir, `release-${++generation}`);
        await promisify(execFile)("cp", ["-al", generation % 2 ? releases.B : releases.A, next]);
        await pointTo(site, next);
        if (current !== releases.A) await rm(current, { recursive: true, force: true });
        current = next;
      }
      stop = true;
    })();
    const tally = await hammer(() => stop, 16, await expectedBodies(), [404, 500, 503]);
    await switcher;
    await pointTo(site, releases.A);
    await rm(current, { recursive: true, force: true });
    const failures = (tally.byStatus[500] ?? 0) + (tally.byStatus[503] ?? 0);
    console.log(
      `[serve-releases] ${tally.responses} responses during ${generation} releases deleted: ${JSON.stringify(tally.byStatus)}`,
    );
    expect(tally.errors).toEqual([]);
    expect(tally.mixed).toEqual([]);
    expect(generation).toBe(12);
    // The server logs a failure after answering it: on a busy machine the line may come a moment later.
    await expect.poll(() => serve.errors().slice(logged)).toHaveLength(failures);
    expect(serve.alive()).toBe(true);
    expect((await request(serve.url, "/fr/")).status).toBe(200);
  });

  it("answers an unreadable file with 500, its security headers and one log line naming it, and goes on serving", async () => {
    const file = path.join(releases.A, "fr/a-propos/index.html");
    await chmod(file, 0o000);
    try {
      const logged = serve.errors().length;
      const response = await request(serve.url, "/fr/a-propos/");
      expect(response.status).toBe(500);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name.toLowerCase()], name).toBe(value);
      expect(response.headers.etag).toBeUndefined();
      await expect.poll(() => serve.errors().slice(logged)).toHaveLength(1);
      const lines = serve.errors().slice(logged);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toContain("EACCES");
      expect(serve.alive()).toBe(true);
      expect((await request(serve.url, "/fr/")).status).toBe(200);
    } finally {
      await chmod(file, 0o644);
    }
  });
});
