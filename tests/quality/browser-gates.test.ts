// Gates in Chromium, on one page of every kind and language: axe (light and dark), privacy, strict CSP, no JavaScript needed.
/// <reference lib="dom" />
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, serveSite } from "../helpers/browser.ts";
import { htmlPages } from "../helpers/site.ts";
import { pagesByKind, type Sample } from "../helpers/pages-by-kind.ts";
import { SECURITY_HEADERS } from "../../src/server/security-headers.ts";
import { SEARCH_POLICY_EXCEPTION } from "../../src/features/search/policy.ts";
import type { RunningServer } from "../../src/server/static-server.ts";

const siteDir = inject("siteDir");
const samples = pagesByKind(await htmlPages(siteDir));
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  server = await serveSite(siteDir, SECURITY_HEADERS);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a sample page; a page that only redirects is followed to its target, where the checks then run. */
async function open(page: Page, sample: Sample, options: Parameters<Page["goto"]>[1] = {}) {
  const response = await page.goto(`${server.url}${sample.url}`, options);
  if (sample.redirect) await page.waitForURL(`${server.url}${sample.redirect}`, options);
  return response;
}

async function withContext<T>(
  options: Parameters<Browser["newContext"]>[0],
  use: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe("quality gates in the browser", () => {
  it("covers every kind of page in both languages", () => {
    const kinds = new Set(samples.map((s) => s.kind));
    for (const kind of [
      "home",
      "post",
      "post/press-release",
      "press-room",
      "list",
      "tag",
      "tags",
      "archive",
      "page",
      "not-found",
      "language-choice",
      "root-not-found",
      "events",
      "event",
      "rebuttals",
      "search",
    ])
      expect(kinds.has(kind), kind).toBe(true);
    expect(
      samples
        .filter((s) => s.kind === "post")
        .map((s) => s.lang)
        .sort(),
    ).toEqual(["en", "fr"]);
  });

  /**
   * The text of <main>, without what only a script can make work (marked data-script-only: the search form, which
   * the search page's script reveals), so that the page is compared with what it shows without JavaScript.
   */
  const mainText = (page: Page) =>
    page.evaluate(() => {
      document.querySelectorAll<HTMLElement>("[data-script-only]").forEach((scripted) => (scripted.hidden = true));
      return document.querySelector("main")!.innerText;
    });

  describe.each(samples)("$kind ($lang) $url", (sample: Sample) => {
    it.each(["light", "dark"] as const)("has zero axe violations in the %s colour scheme", async (colorScheme) => {
      const violations = await withContext({ colorScheme }, async (context) => {
        await context.addInitScript({ content: axeSource });
        const page = await context.newPage();
        await open(page, sample, { waitUntil: "load" });
        return page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
            }
          ).axe;
          return (await axe.run(document, { resultTypes: ["violations"] })).violations;
        }) as Promise<AxeViolation[]>;
      });
      expect(
        violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      ).toEqual([]);
    });

    it("requests nothing from another host, sets no cookie, and breaks no rule of the strict CSP", async () => {
      await withContext({}, async (context) => {
        const requests: string[] = [];
        const problems: string[] = [];
        context.on("request", (request) => requests.push(request.url()));
        await context.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
            (window as unknown as { cspViolations: string[] }).cspViolations.push(
              `${event.violatedDirective} ${event.blockedURI}`,
            );
          });
        });
        const page = await context.newPage();
        page.on("console", (message) => {
          if (message.type() === "error" && !/status of 404/.test(message.text()))
            problems.push(`console: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
        const response = await open(page, sample, { waitUntil: "networkidle" });
        // The strict policy everywhere; the search page alone adds what Pagefind's WebAssembly needs, and nothing else.
        const exception = sample.kind === "search" ? SEARCH_POLICY_EXCEPTION : "";
        expect(response?.headers()["content-security-policy"]).toBe(
          SECURITY_HEADERS["Content-Security-Policy"] + exception,
        );
        const violations = await page.evaluate(
          () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
        );
        expect([...problems, ...violations.map((v) => `CSP: ${v}`)]).toEqual([]);
        const origin = new URL(server.url).origin;
        expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"))).toEqual([]);
        expect(await context.cookies()).toEqual([]);
        expect(await page.evaluate(() => document.cookie)).toBe("");
      });
    });

    it("shows its full content and working navigation without JavaScript", async () => {
      const withScripts = await withContext({}, async (context) => {
        const page = await context.newPage();
        await open(page, sample, { waitUntil: "networkidle" });
        return mainText(page);
      });
      await withContext({ javaScriptEnabled: false }, async (context) => {
        const page = await context.newPage();
        await open(page, sample);
        // Nothing that needs a script shows without one: no form that cannot work.
        expect(await page.locator("[data-script-only]:visible").count()).toBe(0);
        const text = await page.locator("main").innerText();
        expect(text.length).toBeGreaterThan(20);
        expect(text).toBe(withScripts);
        const links = page.locator(".site-nav a, .language-switcher a, main a");
        const count = await links.count();
        expect(count).toBeGreaterThan(0);
        const target = links.first();
        const href = await target.getAttribute("href");
        const [response] = await Promise.all([
          page.waitForEvent("response", (r) => r.request().isNavigationRequest()),
          target.click(),
        ]);
        expect(response.status(), `following ${href}`).toBeLessThan(400);
      });
    });
  });
});
