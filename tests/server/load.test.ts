// Load on loopback with Debian's wrk: 200 concurrent connections for 10 s against `npm run serve` and against nginx, with no error and no failed response.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServe, type RunningServe } from "../helpers/http.ts";
import { startNginx, type RunningNginx } from "../helpers/nginx.ts";
import { tempDir } from "../helpers/project.ts";

const CONNECTIONS = 200;
const SECONDS = 10;
/** What readers ask for: pages, feeds, a picture, the language redirect, a renamed post, a folder without its slash; with br, gzip or no encoding. */
const WRK_SCRIPT = `
local paths = { "/fr/", "/en/", "/fr/feed.xml", "/en/feed.json", "/assets/img/og-default.png", "/", "/fr/le-retour-du-charbon/", "/fr/agenda", "/en/events/contre-sommet-2025/" }
local encodings = { "br", "gzip", "" }
local turn = 0
request = function()
  turn = turn + 1
  local headers = {}
  local encoding = encodings[(turn % #encodings) + 1]
  if encoding ~= "" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", paths[(turn % #paths) + 1], headers)
end
`;

let script: string;
let serve: RunningServe;
let nginx: RunningNginx;

beforeAll(async () => {
  script = path.join(await tempDir("tract-load-"), "requests.lua");
  await writeFile(script, WRK_SCRIPT);
  serve = await startServe(inject("siteDir"));
  nginx = await startNginx(inject("siteDir"));
});

afterAll(async () => {
  await serve?.close();
  await nginx?.close();
});

interface Load {
  requests: number;
  perSecond: number;
  report: string;
}

/** wrk's run against `url`, bounded in time; its report names socket errors and non-2xx/3xx answers only when there are some. */
async function load(url: string): Promise<Load> {
  const { stdout } = await promisify(execFile)(
    "wrk",
    ["-t2", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--timeout", "5s", "-s", script, url],
    { timeout: (SECONDS + 20) * 1000 },
  );
  return {
    requests: Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0),
    perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
    report: stdout,
  };
}

describe(`${CONNECTIONS} connections for ${SECONDS} s on loopback`, () => {
  it("npm run serve answers every request, without an error", async () => {
    const result = await load(serve.url);
    console.log(`[load] npm run serve: ${result.perSecond} requests/s (${result.requests} requests)`);
    expect(result.report).not.toMatch(/Socket errors|Non-2xx or 3xx/);
    expect(result.requests).toBeGreaterThan(CONNECTIONS);
    expect(serve.alive()).toBe(true);
    expect(serve.errors()).toEqual([]);
  });

  it("nginx with deploy/nginx.conf answers every request, without an error", async () => {
    const result = await load(nginx.url);
    console.log(`[load] nginx: ${result.perSecond} requests/s (${result.requests} requests)`);
    expect(result.report).not.toMatch(/Socket errors|Non-2xx or 3xx/);
    expect(result.requests).toBeGreaterThan(CONNECTIONS);
  });
});
