// The search pages in Chromium, served with the site's headers: each language finds its own posts only, fast, light, by keyboard, accessible, and only with its CSP exception.
/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserOnSharedSite } from "../helpers/browser.ts";
import { PHONE, countTransfers, medianQueryTime, readyForQuery, searchFor } from "../helpers/search-page.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { SEARCH_POLICY_EXCEPTION } from "../../src/features/search/policy.ts";

const STRICT = SECURITY_HEADERS["Content-Security-Policy"]!;
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const site = browserOnSharedSite(SECURITY_HEADERS);

async function withPage<T>(use: (page: Page, context: BrowserContext) => Promise<T>, options = {}): Promise<T> {
  const context = await site.browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    return await use(page, context);
  } finally {
    await context.close();
  }
}

const LANGUAGES = [
  {
    lang: "fr",
    url: "/fr/recherche/",
    word: "charbon",
    post: "/fr/ia-retour-du-charbon/",
    shared: "Paris",
    more: ["énergie", "sommet", "collectif"],
    field: "Mots à chercher",
  },
  {
    lang: "en",
    url: "/en/search/",
    word: "coal",
    post: "/en/ai-coal-comeback/",
    shared: "Paris",
    more: ["energy", "summit", "collective"],
    field: "Words to search for",
  },
];

describe.each(LANGUAGES)("the $lang search page", (language) => {
  it("finds the post holding a word of its language, and nothing of another language", async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${site.url}${language.url}`);
      expect(response?.headers()["content-security-policy"]).toBe(STRICT + SEARCH_POLICY_EXCEPTION);
      await expect.poll(() => page.getByRole("searchbox", { name: language.field }).isVisible()).toBe(true);
      const found = await searchFor(page, language.word);
      expect(found.urls).toContain(language.post);
      expect(
        found.urls.every((url) => url.startsWith(`/${language.lang}/`)),
        found.urls.join(" "),
      ).toBe(true);
      // A name both languages' posts hold: each page still finds only its own language's.
      const shared = await searchFor(page, language.shared);
      expect(shared.urls.length).toBeGreaterThan(0);
      expect(
        shared.urls.every((url) => url.startsWith(`/${language.lang}/`)),
        shared.urls.join(" "),
      ).toBe(true);
      const titles = await page.locator(".search-result time").count();
      expect(titles, "each post result shows its date").toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    });
  });

  it("loads under 100 KB on a phone before the first query, and answers in under 100 ms", async () => {
    await withPage(async (page) => {
      const transferred = countTransfers(page);
      await page.goto(`${site.url}${language.url}`, { waitUntil: "networkidle" });
      await readyForQuery(page);
      const before = await transferred();
      console.log(`${language.url}: ${(before / 1024).toFixed(1)} KB before the first query`);
      expect(before).toBeLessThan(100 * 1024);
      // Each query fetches its words' index and its results' excerpts: measured on five, warm or not, the median counts.
      const { median, times } = await medianQueryTime(page, [language.word, language.shared, ...language.more]);
      console.log(`${language.url}: queries answered in ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
      expect(median).toBeLessThan(100);
    }, PHONE);
  });

  it("is used with the keyboard alone: field, filters, results announced, then a result followed", async () => {
    await withPage(async (page) => {
      await page.goto(`${site.url}${language.url}`);
      await page.getByRole("searchbox").waitFor();
      for (let presses = 0; presses < 40; presses++) {
        if (await page.evaluate(() => document.activeElement?.id === "search-query")) break;
        await page.keyboard.press("Tab");
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-query");
      await page.keyboard.type(language.word);
      await page.keyboard.press("Enter");
      const status = page.getByRole("status");
      await status.filter({ hasText: language.word }).waitFor();
      expect(await status.getAttribute("class")).toContain("search-status");
      expect(new URL(page.url()).search).toBe(`?q=${language.word}`);
      // Tab on: the submit button, the two filters, then the first result.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname);
      expect(focused).toBe(await page.locator(".search-result-title a").first().getAttribute("href"));
      await Promise.all([page.waitForURL(`${site.url}${focused}`), page.keyboard.press("Enter")]);
    });
  });

  it.each(["light", "dark"] as const)(
    "has zero axe violations with results, in the %s colour scheme",
    async (colorScheme) => {
      await withPage(
        async (page, context) => {
          await context.addInitScript({ content: axeSource });
          await page.goto(`${site.url}${language.url}`);
          await searchFor(page, language.word);
          await page.locator("#search-kind").selectOption({ index: 1 });
          await page.locator(".search-status").filter({ hasText: /./ }).waitFor();
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }
            ).axe;
            return (await axe.run(document)).violations.map((violation) => violation.id);
          });
          expect(violations).toEqual([]);
        },
        { colorScheme },
      );
    },
  );

  it("needs its exception: under the strict policy alone, Pagefind cannot run and the page says so", async () => {
    await withPage(async (page) => {
      await page.route(`${site.url}${language.url}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT } });
      });
      await page.goto(`${site.url}${language.url}`);
      await page.getByRole("searchbox").fill(language.word);
      await page.locator(".search-unavailable").waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toContainEqual(expect.stringMatching(/^script-src/));
    });
  });
});

describe("the 404 page's search field", () => {
  it("leads to the search page of its language, which searches for what was typed", async () => {
    await withPage(async (page) => {
      const response = await page.goto(`${site.url}/fr/page-disparue/`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()["content-security-policy"]).toBe(STRICT);
      await page.getByRole("searchbox", { name: "Chercher dans le site" }).fill("charbon");
      await Promise.all([page.waitForURL(/\/fr\/recherche\/\?q=charbon$/), page.keyboard.press("Enter")]);
      await page.locator(".search-status").filter({ hasText: "charbon" }).waitFor();
      expect(await page.locator(".search-result-title a").first().getAttribute("href")).toBe(
        "/fr/ia-retour-du-charbon/",
      );
    });
  });
});
