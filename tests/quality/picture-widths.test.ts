// Gate in Chromium: no page of the sample site fetches a picture over twice as wide as it shows it, on a phone or a laptop; posts with a photo stay under 100 KB.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import { loadWholePage, shownPictures } from "../helpers/pictures.ts";
import { htmlPages } from "../helpers/site.ts";
import type { RunningServer } from "../../src/server/static-server.ts";

const siteDir = inject("siteDir");
const pages = (await htmlPages(siteDir)).filter((page) => page.$("main img").length > 0);
const SCREENS = [
  { label: "390 px phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
  { label: "390 px phone at 3×", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { label: "1366 px laptop", viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { label: "1366 px laptop at 2×", viewport: { width: 1366, height: 768 }, deviceScaleFactor: 2 },
];
const POST_BUDGET = 100 * 1024;

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  server = await serveSite(siteDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("pictures as browsers fetch them", () => {
  it("are on posts, pages with figures and the press rooms of the sample site", () => {
    const kinds = new Set(pages.map((page) => page.$("body").attr("data-page")));
    expect([...kinds].sort()).toEqual(["post", "press-room"]);
    expect(pages.filter((page) => page.$(".post-image picture").length).length).toBeGreaterThanOrEqual(2);
    expect(pages.filter((page) => page.$(".post-body figure picture").length).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(SCREENS)("on a $label", (screen) => {
    const samples = pages.map((page) => ({ url: page.url, kind: page.$("body").attr("data-page") }));
    it.each(samples)("$url fetches no picture over twice the width it shows", async ({ url, kind }) => {
      const context = await browser.newContext({
        viewport: screen.viewport,
        deviceScaleFactor: screen.deviceScaleFactor,
      });
      try {
        const page = await context.newPage();
        const transferred: Promise<number>[] = [];
        page.on("requestfinished", (request) =>
          transferred.push(request.sizes().then((sizes) => sizes.responseHeadersSize + sizes.responseBodySize)),
        );
        await page.goto(`${server.url}${url}`);
        await loadWholePage(page);
        const shown = await shownPictures(page);
        expect(shown.length).toBeGreaterThan(0);
        for (const picture of shown)
          expect(picture.naturalWidth, `${picture.src} shown ${picture.shownWidth} px wide`).toBeLessThanOrEqual(
            2 * picture.shownWidth,
          );
        const total = (await Promise.all(transferred)).reduce((sum, bytes) => sum + bytes, 0);
        console.log(`${screen.label}: ${url} ${(total / 1024).toFixed(1)} KB`);
        if (kind === "post" && screen.viewport.width === 390) expect(total, url).toBeLessThan(POST_BUDGET);
      } finally {
        await context.close();
      }
    });
  });
});
