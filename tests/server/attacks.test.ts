// Hostile and tricky requests against `npm run serve` and deploy/nginx.conf (Debian's nginx), on a site whose folder is a symlink to a release.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { exchange, request, startServe, type RawResponse, type RunningServe } from "../helpers/http.ts";
import { reachableDir, RUNNING_AS_ROOT, startNginx, type RunningNginx } from "../helpers/nginx.ts";
import { copyRelease, plantHostileFiles, pointTo } from "./fixtures.ts";

let release: string;
let serve: RunningServe;
let nginx: RunningNginx;
const servers = [
  { name: "npm run serve", url: () => serve.url },
  { name: "nginx", url: () => nginx.url },
];

beforeAll(async () => {
  const dir = await reachableDir("tract-attacks-");
  release = await copyRelease(inject("siteDir"), path.join(dir, "release-1"));
  await plantHostileFiles(release);
  const site = path.join(dir, "site");
  await pointTo(site, release);
  // As root, serve runs as `nobody`, as a server would, so that an unreadable file is unreadable for it too.
  serve = await startServe(site, RUNNING_AS_ROOT ? { uid: 65534, gid: 65534 } : {});
  nginx = await startNginx(site);
});

afterAll(async () => {
  await serve?.close();
  await nginx?.close();
});

function expectSecurityHeaders(response: RawResponse, label: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // nginx runs its header filters twice for a 416 and so sends each added header twice (same value, same effect).
    const sent = response.status === 416 ? [value, `${value}, ${value}`] : [value];
    expect(sent, `${label}: ${name}`).toContain(response.headers[name.toLowerCase()]);
  }
}

const builtFile = (file: string) => readFile(path.join(release, file));
const EXTENSIONS: Record<string, string> = { br: ".br", gzip: ".gz", identity: "" };

/**
 * The encodings a server may answer with when `wanted` is the right one. Under disable_symlinks,
 * Debian's brotli_static module (1.0.0~rc) sometimes misses the .br file (it reads the file name
 * 3 bytes too long) and nginx falls back to the next encoding the client accepts: still correct, only larger.
 */
function acceptable(server: string, wanted: string, fallback: string): string[] {
  return server === "nginx" && wanted === "br" ? ["br", fallback] : [wanted];
}
const varyOf = (response: RawResponse) =>
  String(response.headers.vary ?? "")
    .split(/\s*,\s*/)
    .filter(Boolean);

describe.each(servers)("$name", (server) => {
  const get = async (rawPath: string, options: Parameters<typeof request>[2] = {}) => {
    const response = await request(server.url(), rawPath, options);
    expectSecurityHeaders(response, `${options.method ?? "GET"} ${rawPath}`);
    return response;
  };

  it("answers malformed addresses with 400 and keeps serving", async () => {
    for (const bad of [
      "/%",
      "/%E0%A4%A",
      "/fr/%ZZ/",
      "/%00",
      "/fr/%00.html",
      "/../etc/passwd",
      "/%2e%2e/x",
      "/fr/%2E%2E/%2E%2E/etc/passwd",
    ]) {
      expect((await get(bad)).status, bad).toBe(400);
    }
    expect((await get("/fr/")).status).toBe(200);
  });

  it("never sends a reader to another host, whatever slashes, dots and backslashes the address holds", async () => {
    const tricks = [
      "/.//fr",
      "//evil.example/",
      "//evil.example",
      "///evil.example/",
      "/\\evil.example/",
      "/%5Cevil.example/",
      "/%2F%2Fevil.example/",
      "/.%2F%2Fevil.example/",
      "/fr/..//evil.example/",
      "/%2e/%2fevil.example",
      "/./\\evil.example",
      "/fr//evil.example/../",
      "/fr/.//evil.example",
    ];
    const origin = new URL(server.url()).origin;
    for (const trick of tricks) {
      let address = trick;
      let response = await get(address);
      for (let hop = 0; response.headers.location && hop < 5; hop++) {
        const next = new URL(response.headers.location, `${origin}${address}`);
        expect(next.origin, `${trick} → ${response.headers.location}`).toBe(origin);
        address = next.pathname;
        response = await get(address);
      }
      expect([200, 404], `${trick} ends at ${address}`).toContain(response.status);
    }
    const dotted = await get("/.//fr");
    expect(dotted.status).toBe(301);
    expect(dotted.headers.location).toMatch(/^\/fr\/?$/);
  });

  it("never serves a dotfile or a dot-folder", async () => {
    for (const hidden of ["/.env", "/.git/config", "/.git/", "/.git", "/fr/.hidden", "/%2eenv", "/fr/%2Ehidden"]) {
      const response = await get(hidden);
      expect(response.status, hidden).toBe(404);
      expect(response.body.toString(), hidden).not.toMatch(/SECRET|\[core\]|^hidden/);
    }
  });

  it("follows the site's own symlink but no symlink inside it", async () => {
    expect((await get("/fr/")).body.equals(await builtFile("fr/index.html"))).toBe(true);
    for (const link of ["/fr/passwd.html", "/fr/lien/", "/fr/lien/index.html"]) {
      const response = await get(link);
      expect([403, 404], link).toContain(response.status);
      expect(response.body.toString(), link).not.toContain("root:");
    }
  });

  it("keeps the build's server files private", async () => {
    for (const file of [
      "/_server/redirects.map",
      "/_server/languages.map",
      "/_server/",
      "/_server/%72edirects.map",
      "/_redirects",
    ])
      expect((await get(file)).status, file).toBe(404);
  });

  it("refuses methods other than GET and HEAD with 405", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await get("/fr/", { method });
      expect(response.status, method).toBe(405);
      if (server.name === "npm run serve") expect(response.headers.allow).toBe("GET, HEAD");
    }
  });

  it("honours q-values in Accept-Encoding and says the response varies with it", async () => {
    // Accept-Encoding → the encoding to send, and the next one the client accepts.
    const choices: [string, string, string][] = [
      ["br;q=0", "identity", "identity"],
      ["br;q=0, gzip", "gzip", "identity"],
      ["gzip;q=0, br", "br", "identity"],
      ["br, gzip", "br", "gzip"],
      ["gzip;q=0", "identity", "identity"],
      ["BR", "br", "identity"],
    ];
    if (server.name === "npm run serve")
      choices.push(["*", "br", "gzip"], ["br;q=0.5, gzip;q=0.8", "gzip", "br"], ["identity", "identity", "identity"]);
    for (const [acceptEncoding, wanted, fallback] of choices) {
      const response = await get("/fr/", { headers: { "Accept-Encoding": acceptEncoding } });
      const sent = response.headers["content-encoding"] ?? "identity";
      expect(acceptable(server.name, wanted, fallback), acceptEncoding).toContain(sent);
      expect(response.body.equals(await builtFile(`fr/index.html${EXTENSIONS[sent]}`)), acceptEncoding).toBe(true);
      expect(varyOf(response), acceptEncoding).toContain("Accept-Encoding");
      expect(varyOf(response), acceptEncoding).not.toContain("Accept");
    }
  });

  it("says that feeds vary with Accept, and keeps the security headers on them", async () => {
    for (const feed of ["/fr/feed.xml", "/en/rss.xml", "/fr/presse/feed.xml"]) {
      for (const accept of [
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "application/atom+xml, application/rss+xml",
      ]) {
        const response = await get(feed, { headers: { Accept: accept, "Accept-Encoding": "gzip" } });
        expect(response.status, feed).toBe(200);
        expect(varyOf(response), `${feed} ${accept}`).toEqual(expect.arrayContaining(["Accept", "Accept-Encoding"]));
      }
    }
    expect(varyOf(await get("/fr/feed.json"))).not.toContain("Accept");
  });

  it("answers byte ranges with 206, and ranges past the end with 416", async () => {
    const file = await builtFile("fr/index.html");
    const first = await get("/fr/", { headers: { Range: "bytes=0-9" } });
    expect(first.status).toBe(206);
    expect(first.headers["content-range"]).toBe(`bytes 0-9/${file.length}`);
    expect(first.body.equals(file.subarray(0, 10))).toBe(true);
    const last = await get("/fr/", { headers: { Range: "bytes=-10" } });
    expect(last.status).toBe(206);
    expect(last.body.equals(file.subarray(-10))).toBe(true);
    const beyond = await get("/fr/", { headers: { Range: `bytes=${file.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers["content-range"]).toBe(`bytes */${file.length}`);
  });

  it("sends ETag and Last-Modified, and 304 to a client whose copy is current", async () => {
    const page = await get("/fr/");
    const { etag, "last-modified": lastModified } = page.headers;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(new Date(lastModified!).getTime()).toBe(
      Math.floor((await stat(path.join(release, "fr/index.html"))).mtimeMs / 1000) * 1000,
    );
    const conditions: Record<string, string>[] = [{ "If-None-Match": etag! }, { "If-Modified-Since": lastModified! }];
    for (const headers of conditions) {
      const current = await get("/fr/", { headers });
      expect(current.status, JSON.stringify(headers)).toBe(304);
      expect(current.body.length).toBe(0);
    }
    expect((await get("/fr/", { headers: { "If-None-Match": '"another"' } })).status).toBe(200);
  });

  it("answers HEAD with the body's Content-Length and no body", async () => {
    for (const encoding of ["", "br"]) {
      // Then a GET on the same connection: a body sent after the HEAD answer would be read as the next response.
      const ask = (method: string, close: boolean) =>
        `${method} /fr/ HTTP/1.1\r\nHost: test\r\n${encoding ? `Accept-Encoding: ${encoding}\r\n` : ""}${close ? "Connection: close\r\n" : ""}\r\n`;
      const raw = await exchange(server.url(), ask("HEAD", false) + ask("GET", true));
      const headEnd = raw.indexOf("\r\n\r\n") + 4;
      const head = raw.subarray(0, headEnd).toString("latin1");
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      const sent = /^content-encoding: (\S+)/im.exec(head)?.[1] ?? "identity";
      expect(acceptable(server.name, encoding || "identity", "identity")).toContain(sent);
      expect(Number(/^content-length: (\d+)/im.exec(head)?.[1])).toBe(
        (await builtFile(`fr/index.html${EXTENSIONS[sent]}`)).length,
      );
      expect(raw.subarray(headEnd, headEnd + 12).toString()).toBe("HTTP/1.1 200");
    }
  });

  it("sends / to the reader's language and renamed pages to their new address, as the build's maps say", async () => {
    const home = await get("/", { headers: { "Accept-Language": "en-GB,en;q=0.9,fr;q=0.5" } });
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe("/en/");
    expect((await get("/")).headers.location).toBe("/fr/");
    const renamed = await get("/FR/LE-RETOUR-DU-CHARBON/");
    expect(renamed.status).toBe(301);
    expect(renamed.headers.location).toBe("/fr/ia-retour-du-charbon/");
    const folder = await get("/fr/agenda");
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe("/fr/agenda/");
  });
});

describe("nginx only", () => {
  it("keeps /.well-known/ open for certbot", async () => {
    const token = await request(nginx.url, "/.well-known/acme-challenge/token");
    expect(token.status).toBe(200);
    expect(token.body.toString()).toBe("certbot\n");
  });
});

describe("npm run serve only", () => {
  it("weighs the reader's languages by their q-values", async () => {
    for (const [acceptLanguage, home] of [
      ["de;q=0.9, en;q=0.5, fr;q=0.1", "/en/"],
      ["fr;q=0, en", "/en/"],
      ["*", "/fr/"],
      ["de", "/fr/"],
    ]) {
      expect(
        (await request(serve.url, "/", { headers: { "Accept-Language": acceptLanguage! } })).headers.location,
        acceptLanguage,
      ).toBe(home);
    }
  });
});
