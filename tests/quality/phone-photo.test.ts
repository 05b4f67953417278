// Gate: a 4000×3000 phone photo with GPS tags in a post, as its image: and in its text: renditions clean, markup responsive, under 100 KB at 390 px in Chromium.
import { readFile, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import exifr from "exifr";
import sharp from "sharp";
import type { Browser } from "playwright-core";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import { copyProject, type RunResult, runBuild, tempDir } from "../helpers/project.ts";
import { embeddedMetadata } from "../helpers/press.ts";
import { PHOTO_GPS, loadWholePage, phonePhoto, shownPictures } from "../helpers/pictures.ts";
import { type HtmlPage, SITE_ORIGIN, htmlPages, listFiles } from "../helpers/site.ts";
import type { RunningServer } from "../../src/server/static-server.ts";

const POST_URL = "/fr/photo-de-la-manifestation/";
const BUDGET = 100 * 1024;
const WIDTHS = [320, 480, 640, 960, 1280];
const RENDITION = /^\/assets\/img\/manif-[0-9a-f]{10}-(\d+)w\.(avif|webp|jpg)$/;

const POST = `---
title: "Une photo de la manifestation"
date: 2025-02-09T18:00
description: "La foule devant le Grand Palais, le dimanche 9 février, photographiée avec un téléphone."
translationKey: photo-manifestation
slug: photo-de-la-manifestation
image: /assets/img/manif.jpg
imageAlt: Une foule serrée devant les grilles du Grand Palais, des banderoles au-dessus des têtes.
imageCredit: "Camille Dupont"
imageLicence: CC BY-SA 4.0
---

Nous étions plusieurs centaines devant le Grand Palais.

${"Le rassemblement a duré tout l'après-midi, sous la pluie, avec des prises de parole des collectifs. ".repeat(8)}

![Des banderoles rouges au-dessus de la foule](/assets/img/manif.jpg "La foule devant le Grand Palais, le 9 février.")

${"Merci à toutes celles et ceux qui sont venus, et rendez-vous au prochain rassemblement. ".repeat(6)}
`;

let root: string;
/** The output link the builds switch, and the release the first build wrote. */
let output: string;
let siteDir: string;
let first: RunResult;
let pages: Map<string, HtmlPage>;
let files: string[];
const source = phonePhoto();

beforeAll(async () => {
  // From an empty cache: the test follows what a first build draws and encodes, then that the next one does not.
  root = await copyProject({ cache: false });
  await writeFile(path.join(root, "assets/img/manif.jpg"), await source);
  await writeFile(path.join(root, "posts/fr/photo-de-la-manifestation.md"), POST);
  output = path.join(await tempDir("tract-photo-"), "_site");
  first = await runBuild(root, output);
  expect(first.code, first.stderr).toBe(0);
  siteDir = await realpath(output);
  pages = new Map((await htmlPages(siteDir)).map((page) => [page.url, page]));
  files = (await listFiles(siteDir)).map((file) => `/${path.relative(siteDir, file)}`);
}, 600_000);

const renditions = () => files.filter((url) => RENDITION.test(url));
const read = (url: string) => readFile(path.join(siteDir, decodeURI(url)));
const srcset = (value: string | undefined) =>
  (value ?? "").split(", ").map((entry) => {
    const [url = "", width = ""] = entry.split(" ");
    return { url, width: Number(width.replace(/w$/, "")) };
  });

describe("a phone photo in a post", () => {
  it("starts as a 4000×3000 JPEG with a GPS position", async () => {
    expect(await sharp(await source).metadata()).toMatchObject({ width: 4000, height: 3000, format: "jpeg" });
    expect(await exifr.gps(await source)).toMatchObject({
      latitude: expect.closeTo(PHOTO_GPS.latitude, 2),
      longitude: expect.closeTo(PHOTO_GPS.longitude, 2),
    });
  });

  it("is published in AVIF, WebP and JPEG at every width, each file without any metadata", async () => {
    const made = renditions();
    expect(made.map((url) => url.replace(/-[0-9a-f]{10}-/, "-…-")).sort()).toEqual(
      WIDTHS.flatMap((width) => ["avif", "jpg", "webp"].map((ext) => `/assets/img/manif-…-${width}w.${ext}`)).sort(),
    );
    for (const url of [...made, "/assets/img/manif.jpg"]) {
      const data = await read(url);
      expect(await embeddedMetadata(data), url).toBeUndefined();
      expect(await exifr.gps(data).catch(() => undefined), url).toBeUndefined();
      expect(data.includes("PhoneMaker") || data.includes("Camille Dupont"), url).toBe(false);
      const [, width, ext] = RENDITION.exec(url) ?? [];
      if (!width) continue;
      const metadata = await sharp(data).metadata();
      expect([metadata.width, metadata.height, metadata.format], url).toEqual([
        Number(width),
        (Number(width) * 3) / 4,
        { avif: "heif", webp: "webp", jpg: "jpeg" }[ext!],
      ]);
    }
  });

  it("is shown responsive: every format and width, width and height, the post's own picture eager, the others lazy", async () => {
    const page = pages.get(POST_URL)!;
    const lead = page.$(".post-image");
    const inline = page.$(".post-body figure");
    for (const figure of [lead, inline]) {
      expect(
        figure
          .find("source")
          .toArray()
          .map((el) => page.$(el).attr("type")),
      ).toEqual(["image/avif", "image/webp"]);
      const img = figure.find("img");
      expect([img.attr("width"), img.attr("height")]).toEqual(["1280", "960"]);
      expect(img.attr("sizes")).toBe("(min-width: 40rem) 38rem, calc(100vw - 2rem)");
      for (const candidates of [
        img.attr("srcset"),
        ...figure
          .find("source")
          .toArray()
          .map((el) => page.$(el).attr("srcset")),
      ]) {
        const entries = srcset(candidates);
        expect(entries.map((entry) => entry.width)).toEqual(WIDTHS);
        for (const entry of entries) expect((await sharp(await read(entry.url)).metadata()).width).toBe(entry.width);
      }
    }
    expect(lead.find("img").attr("fetchpriority")).toBe("high");
    expect(lead.find("img").attr("loading")).toBeUndefined();
    expect([inline.find("img").attr("loading"), inline.find("img").attr("decoding")]).toEqual(["lazy", "async"]);
    expect(inline.find("img").attr("alt")).toBe("Des banderoles rouges au-dessus de la foule");
    expect(inline.find("figcaption").text()).toBe("La foule devant le Grand Palais, le 9 février.");
    expect(lead.find("figcaption").text().replace(/\s+/g, " ")).toBe(
      "Crédit : Camille Dupont · Licence : CC BY-SA 4.0",
    );
    expect(page.html).not.toContain("/assets/img/manif.jpg");
  });

  it("is what the post shares and what its feeds show, with its credit, at web size", async () => {
    const page = pages.get(POST_URL)!;
    const meta = (property: string) => page.$(`meta[property="og:image${property}"]`).attr("content");
    const widest = srcset(page.$(".post-image img").attr("srcset")).at(-1)!;
    expect([meta(""), meta(":width"), meta(":height"), meta(":type")]).toEqual([
      `${SITE_ORIGIN}${widest.url}`,
      "1280",
      "960",
      "image/jpeg",
    ]);
    expect(files).not.toContain(`${POST_URL}card.png`);
    const json = JSON.parse((await read("/fr/feed.json")).toString("utf8"));
    const item = json.items.find((entry: { url: string }) => entry.url === `${SITE_ORIGIN}${POST_URL}`);
    expect(item.image).toBe(`${SITE_ORIGIN}${widest.url}`);
    expect(item.content_html).toContain("Crédit\u202F: Camille Dupont");
    expect(item.content_html).toContain(`srcset="${SITE_ORIGIN}/assets/img/manif-`);
    const atom = (await read("/fr/feed.xml")).toString("utf8");
    expect(atom).toContain("Licence\u202F: CC BY-SA 4.0");
  });

  it("encodes nothing again when the site is built again", async () => {
    const before = await Promise.all(renditions().map(read));
    siteDir = await realpath(output);
    const again = await runBuild(root, output);
    expect(again.code, again.stderr).toBe(0);
    expect(first.stdout).toContain("pictures: assets/img/manif.jpg: 15 renditions made (AVIF, WebP, JPEG)");
    expect(first.stdout).toContain("pictures: drawing the social cards");
    expect(again.stdout).not.toContain("renditions made");
    expect(again.stdout).not.toContain("drawing the social cards");
    expect(await Promise.all(renditions().map(read))).toEqual(before);
  }, 300_000);
});

describe("the post with the photo, in Chromium on a 390 px wide screen", () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveSite(output);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([1, 2, 3])(
    "transfers under 100 KB in all at device pixel ratio %i, and fetches no picture over twice the width it shows",
    async (deviceScaleFactor) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor });
      try {
        const page = await context.newPage();
        const transfers: Promise<{ url: string; bytes: number }>[] = [];
        page.on("requestfinished", (request) =>
          transfers.push(
            request.sizes().then((sizes) => ({
              url: new URL(request.url()).pathname,
              bytes: sizes.responseHeadersSize + sizes.responseBodySize,
            })),
          ),
        );
        await page.goto(`${server.url}${POST_URL}`);
        await loadWholePage(page);
        const fetched = await Promise.all(transfers);
        const total = fetched.reduce((sum, transfer) => sum + transfer.bytes, 0);
        console.log(
          `${POST_URL} at 390 px, DPR ${deviceScaleFactor}: ${(total / 1024).toFixed(1)} KB\n` +
            fetched.map((transfer) => `  ${(transfer.bytes / 1024).toFixed(1)} KB  ${transfer.url}`).join("\n"),
        );
        expect(fetched.filter((transfer) => RENDITION.test(transfer.url)).length).toBeGreaterThan(0);
        expect(total).toBeLessThan(BUDGET);
        for (const shown of await shownPictures(page))
          expect(shown.naturalWidth, shown.src).toBeLessThanOrEqual(2 * shown.shownWidth);
      } finally {
        await context.close();
      }
    },
  );
});
