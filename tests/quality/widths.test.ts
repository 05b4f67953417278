// Gate in Chromium: one page of every kind, both languages and colour schemes, at 320, 390, 768 and 1366 px: no horizontal scroll, the menu on one row on a laptop, a compact header on phones.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import { pagesByKind, type Sample } from "../helpers/pages-by-kind.ts";
import { copyProject, runBuild } from "../helpers/project.ts";
import { htmlPages } from "../helpers/site.ts";
import type { RunningServer } from "../../src/server/static-server.ts";

/** Phones (the smallest still sold, a common one), a tablet, a laptop: each with its usual height. */
const SCREENS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1366, height: 768 },
];
const SCHEMES = ["light", "dark"] as const;
/** The header on a phone: two short rows at most, under 14% of a 568 px-tall screen. */
const PHONE_HEADER_MAX = 80;

const samples = pagesByKind(await htmlPages(inject("siteDir")));
let browser: Browser;
let shared: RunningServer;
/** The sample site a week before its events, so that the home page shows them (the shared build's clock is today's). */
let beforeEvents: RunningServer;

beforeAll(async () => {
  const root = await copyProject();
  const result = await runBuild(root, "_site", { TRACT_NOW: "2025-02-01T12:00+01:00" });
  expect(result.code, result.stderr).toBe(0);
  [shared, beforeEvents, browser] = await Promise.all([
    serveSite(inject("siteDir")),
    serveSite(path.join(root, "_site")),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shared?.close();
  await beforeEvents?.close();
});

/** What does not fit: the page's own scroll width, and the elements past the right edge outside any box that scrolls. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node && node !== document.body; node = node.parentElement)
        if (/(auto|scroll)/.test(getComputedStyle(node).overflowX)) return true;
      return false;
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList].map((c) => `.${c}`).join("")}`;
    const outside = [...document.body.querySelectorAll("*")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > width + 0.5 && !scrolls(element);
      })
      .map((element) => `${name(element)} ends at ${Math.round(element.getBoundingClientRect().right)} px`);
    return { scrollWidth: document.documentElement.scrollWidth, width, outside: outside.slice(0, 5) };
  });
}

function header(page: Page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll(".site-nav li")].map((li) => li.getBoundingClientRect().top);
    const list = document.querySelector(".site-nav ul");
    return {
      height: document.querySelector(".site-header")?.getBoundingClientRect().height ?? 0,
      rows: new Set(items.map(Math.round)).size,
      menuScrolls: list ? list.scrollWidth > list.clientWidth + 1 : false,
    };
  });
}

async function checkEveryWidth(server: RunningServer, sample: Sample) {
  const problems: string[] = [];
  for (const colorScheme of SCHEMES) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      await page.goto(`${server.url}${sample.redirect ?? sample.url}`, { waitUntil: "load" });
      const where = `${screen.width} px, ${colorScheme}`;
      const found = await overflow(page);
      if (found.scrollWidth > found.width)
        problems.push(`${where}: ${found.scrollWidth} px wide for ${found.width}: ${found.outside.join("; ")}`);
      const bar = await header(page);
      if (bar.rows === 0) continue;
      if (screen.width >= 1366 && (bar.rows > 1 || bar.menuScrolls))
        problems.push(`${where}: the menu takes ${bar.rows} rows${bar.menuScrolls ? " and scrolls" : ""}`);
      if (screen.width <= 390 && bar.height > PHONE_HEADER_MAX)
        problems.push(
          `${where}: the header is ${Math.round(bar.height)} px tall (expected ${PHONE_HEADER_MAX} at most)`,
        );
    }
    await context.close();
  }
  return problems;
}

describe("every width", () => {
  it.each(samples)("fits $kind ($lang) $url at 320, 390, 768 and 1366 px", async (sample: Sample) => {
    expect(await checkEveryWidth(shared, sample)).toEqual([]);
  });

  it.each(["/fr/", "/en/"])("fits the home page with its next events and call to action (%s)", async (url) => {
    expect(await checkEveryWidth(beforeEvents, { kind: "home", lang: url.slice(1, 3), url })).toEqual([]);
  });
});
