// deploy/nginx.conf, served by Debian's nginx over a fresh build and checked with real HTTP requests.
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as cheerio from "cheerio";
import { startNginx, type RunningNginx } from "../helpers/nginx.ts";
import { launchChromium } from "../helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { SEARCH_POLICY_EXCEPTION } from "../../src/features/search/policy.ts";

const siteDir = inject("siteDir");
let nginx: RunningNginx;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain HTTP request that neither follows redirects nor decompresses, to see exactly what nginx sends. */
function request(urlPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(`${nginx.url}${urlPath}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  nginx = await startNginx(siteDir);
});

afterAll(async () => {
  await nginx?.close();
});

describe("deploy/nginx.conf", () => {
  it("sends / to the reader's language from Accept-Language, French by default", async () => {
    expect((await request("/", { "Accept-Language": "en-GB,en;q=0.9,fr;q=0.5" })).headers.location).toBe("/en/");
    expect((await request("/", { "Accept-Language": "fr-FR,fr;q=0.9" })).headers.location).toBe("/fr/");
    expect((await request("/", { "Accept-Language": "de-DE" })).headers.location).toBe("/fr/");
    const plain = await request("/");
    expect(plain.status).toBe(302);
    expect(plain.headers.location).toBe("/fr/");
  });

  it("redirects a renamed post's old address with 301", async () => {
    for (const old of [
      "/fr/le-retour-du-charbon/",
      "/fr/le-retour-du-charbon",
      "/fr/le-retour-du-charbon/index.html",
    ]) {
      const response = await request(old);
      expect(response.status, old).toBe(301);
      expect(response.headers.location).toBe("/fr/ia-retour-du-charbon/");
    }
  });

  it("serves the right content types", async () => {
    const feedReader = { Accept: "application/atom+xml, application/rss+xml, application/feed+json, */*;q=0.5" };
    const types: Record<string, string> = {
      "/fr/": "text/html; charset=utf-8",
      "/sitemap.xml": "text/xml; charset=utf-8",
      "/robots.txt": "text/plain; charset=utf-8",
      "/assets/img/icon.svg": "image/svg+xml; charset=utf-8",
      "/assets/img/og-default.png": "image/png",
      "/fr/feed.xml": "application/atom+xml; charset=utf-8",
      "/en/rss.xml": "application/rss+xml; charset=utf-8",
      "/fr/feed.json": "application/feed+json; charset=utf-8",
      "/fr/presse/feed.xml": "application/atom+xml; charset=utf-8",
      "/fr/feed.xsl": "text/xsl; charset=utf-8",
      "/fr/agenda/contre-sommet-2025/contre-sommet-2025.ics": "text/calendar; charset=utf-8",
      "/fr/agenda/contre-sommet-2025/schedule.json": "application/json; charset=utf-8",
      "/fr/presse/contacts.vcf": "text/vcard; charset=utf-8",
      "/fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip": "application/zip",
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await request(url, feedReader);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-type"], url).toBe(type);
    }
  });

  it("sends feeds to browsers as XML, which a browser shows as a page through the feed's stylesheet", async () => {
    const browserAccept = { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
    for (const url of ["/fr/feed.xml", "/en/rss.xml"]) {
      const response = await request(url, browserAccept);
      expect(response.headers["content-type"], url).toBe("application/xml; charset=utf-8");
      expect(response.body.equals(await readFile(path.join(siteDir, url)))).toBe(true);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name.toLowerCase()], `${url} ${name}`).toBe(value);
    }
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${nginx.url}/fr/feed.xml`);
      expect(await page.locator("html").getAttribute("lang")).toBe("fr");
      expect(await page.locator("h1").textContent()).toBe("Contre l’IA et son monde");
    } finally {
      await browser.close();
    }
  });

  it("sends the security headers on pages, assets and errors", async () => {
    for (const url of ["/fr/", "/assets/img/icon.svg", "/en/no-such-page/"]) {
      const response = await request(url);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers[name.toLowerCase()], `${url} ${name}`).toBe(value);
    }
  });

  it("sends the precompressed file to clients that accept it", async () => {
    const html = await readFile(path.join(siteDir, "fr/index.html"));
    const gz = await request("/fr/", { "Accept-Encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.equals(await readFile(path.join(siteDir, "fr/index.html.gz")))).toBe(true);
    const br = await request("/fr/", { "Accept-Encoding": "br, gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(await readFile(path.join(siteDir, "fr/index.html.br")))).toBe(true);
    const identity = await request("/fr/");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body.equals(html)).toBe(true);
  });

  it("caches fingerprinted assets for a year and pages briefly", async () => {
    const page = await request("/fr/");
    const stylesheet = cheerio.load(page.body.toString())('link[rel="stylesheet"]').first().attr("href")!;
    expect(stylesheet).toMatch(/\.[0-9a-f]{10}\.css$/);
    expect((await request(stylesheet)).headers["cache-control"]).toBe("max-age=31536000");
    expect(page.headers["cache-control"]).toBe("max-age=600");
  });

  it("answers an unknown address with the 404 page of its language", async () => {
    const english = await request("/en/no-such-page/");
    expect(english.status).toBe(404);
    expect(cheerio.load(english.body.toString())("h1").text()).toBe("Page not found");
    const french = await request("/fr/pas-de-page/");
    expect(french.status).toBe(404);
    expect(cheerio.load(french.body.toString())("h1").text()).toBe("Page introuvable");
    const elsewhere = await request("/nothing-here");
    expect(elsewhere.status).toBe(404);
    expect(cheerio.load(elsewhere.body.toString())("html").attr("lang")).toBe("fr");
  });

  it("gives the search pages alone their policy's exception, and serves Pagefind's files as built", async () => {
    const strict = SECURITY_HEADERS["Content-Security-Policy"];
    for (const url of ["/fr/recherche/", "/fr/recherche/index.html", "/en/search/"]) {
      const response = await request(url);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-security-policy"], url).toBe(strict + SEARCH_POLICY_EXCEPTION);
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
    }
    for (const url of ["/fr/", "/fr/recherche", "/fr/recherche/autre/", "/pagefind/pagefind.js", "/en/no-such-page/"])
      expect((await request(url)).headers["content-security-policy"], url).toBe(strict);
    expect((await request("/pagefind/pagefind.js")).headers["content-type"]).toBe(
      "application/javascript; charset=utf-8",
    );
    const wasm = await request("/pagefind/wasm.fr.pagefind", { "Accept-Encoding": "gzip, br" });
    expect(wasm.headers["content-type"]).toBe("application/octet-stream");
    expect(wasm.headers["content-encoding"]).toBeUndefined();
    expect(wasm.body.equals(await readFile(path.join(siteDir, "pagefind/wasm.fr.pagefind")))).toBe(true);
    expect((await request("/_server/csp-exceptions.map")).status).toBe(404);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${nginx.url}/fr/recherche/?q=charbon`);
      await page.locator(".search-status").filter({ hasText: "charbon" }).waitFor();
      expect(await page.locator(".search-result-title a").first().getAttribute("href")).toBe(
        "/fr/ia-retour-du-charbon/",
      );
    } finally {
      await browser.close();
    }
  });

  it("keeps the build's server files private", async () => {
    expect((await request("/_server/redirects.map")).status).toBe(404);
    expect((await request("/_redirects")).status).toBe(404);
  });
});
