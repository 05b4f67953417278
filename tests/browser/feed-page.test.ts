// A feed opened in Chromium: the XSL shows a page in the feed's language that explains feeds, under the strict CSP and without accessibility violations.
/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { browserOnSharedSite } from "../helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";

/** Chromium adds this element itself to every XSLT page, to announce that browsers are removing XSLT. */
const BROWSER_BANNER = "xslt-warning-banner";
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const site = browserOnSharedSite(SECURITY_HEADERS);

async function openFeed(
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await site.browser.newContext(options);
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  const page = await context.newPage();
  // The XSLT result replaces the XML document once the stylesheet has loaded.
  await page.goto(`${site.url}${url}`, { waitUntil: "load" });
  await page.locator("main").waitFor();
  return { context, page, requests };
}

describe("a feed opened in a browser", () => {
  it.each([
    {
      url: "/fr/feed.xml",
      lang: "fr",
      title: "Contre l’IA et son monde",
      text: "la version du site destinée aux lecteurs de flux",
      help: "Comment s’abonner, et tous nos flux",
      subscribe: "/fr/s-abonner/",
    },
    {
      url: "/en/rss.xml",
      lang: "en",
      title: "Against AI and its world",
      text: "the version of this site made for feed readers",
      help: "How to subscribe, and all our feeds",
      subscribe: "/en/subscribe/",
    },
    {
      url: "/fr/presse/feed.xml",
      lang: "fr",
      title: "Contre l’IA et son monde — communiqués de presse",
      text: "la version du site destinée aux lecteurs de flux",
      help: "Comment s’abonner, et tous nos flux",
      subscribe: "/fr/s-abonner/",
    },
  ])(
    "shows $url as a page in its language that explains what a feed is and how to subscribe",
    async ({ url, lang, title, text, help, subscribe }) => {
      const { context, page, requests } = await openFeed(url);
      try {
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        expect(await page.locator("h1").textContent()).toBe(title);
        const main = await page.locator("main").innerText();
        expect(main).toContain(text);
        expect(main).toContain(`https://tract.example.org${url}`);
        expect(await page.getByRole("link", { name: help }).getAttribute("href")).toBe(subscribe);
        // The site's stylesheet applies (it comes from the site itself, as the CSP allows).
        expect(await page.locator(".site-header").evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe(
          "solid",
        );
        expect(requests.filter((request) => !request.startsWith(`${site.url}/`))).toEqual([]);
        // Nothing the strict CSP would block: no inline style, script or event handler in what the XSL writes.
        const inline = await page.evaluate((banner) => {
          const ours = Array.from(document.querySelectorAll("*")).filter((el) => !el.closest(banner));
          return ours
            .filter(
              (el) =>
                el.hasAttribute("style") ||
                el.tagName === "SCRIPT" ||
                Array.from(el.attributes).some((a) => a.name.startsWith("on")),
            )
            .map((el) => el.outerHTML.slice(0, 80));
        }, BROWSER_BANNER);
        expect(inline).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it("lists the feed's entries as links to their pages", async () => {
    const { context, page } = await openFeed("/fr/feed.xml");
    try {
      const links = await page
        .locator(".post-list a")
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
      expect(links.length).toBe(5);
      expect(links).toContain("https://tract.example.org/fr/ia-retour-du-charbon/");
    } finally {
      await context.close();
    }
  });

  it.each(["light", "dark"] as const)("has zero axe violations in the %s colour scheme", async (colorScheme) => {
    // The CSP is bypassed only to inject axe itself.
    const { context, page } = await openFeed("/fr/rss.xml", { colorScheme, bypassCSP: true });
    try {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async (banner) => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: object,
                options: object,
              ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({ exclude: [[banner]] }, { resultTypes: ["violations"] });
        return result.violations.map(
          (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
      }, BROWSER_BANNER);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
