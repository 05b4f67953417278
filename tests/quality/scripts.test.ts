// Gate: no page loads or runs JavaScript but the search pages, each of which loads one script of the site's own (JSON-LD is data, not a script).
import { describe, expect, inject, it } from "vitest";
import { fileOf, htmlPages, listFiles } from "../helpers/site.ts";

const siteDir = inject("siteDir");
const pages = await htmlPages(siteDir);

/** Everything in a page that runs code: script elements other than data, event handler attributes, javascript: addresses. */
function codeIn(page: (typeof pages)[number]): string[] {
  const { $ } = page;
  const scripts = $("script")
    .toArray()
    .filter((script) => $(script).attr("type") !== "application/ld+json")
    .map((script) => `<script${$(script).attr("src") ? ` src=${$(script).attr("src")}` : ""}>`);
  const handlers = $("*")
    .toArray()
    .flatMap((element) => Object.keys($(element).attr() ?? {}).filter((name) => name.toLowerCase().startsWith("on")))
    .map((name) => `${name}=`);
  const addresses = $("[href], [src], [action], [formaction]")
    .toArray()
    .flatMap((element) => ["href", "src", "action", "formaction"].map((name) => $(element).attr(name) ?? ""))
    .filter((value) => /^\s*javascript:/i.test(value));
  return [...scripts, ...handlers, ...addresses];
}

describe("JavaScript", () => {
  it("runs on the search pages only", () => {
    const withCode = pages.filter((page) => codeIn(page).length > 0).map((page) => page.url);
    const searchPages = pages.filter((page) => page.$("body").attr("data-page") === "search").map((page) => page.url);
    expect(searchPages.sort()).toEqual(["/en/search/", "/fr/recherche/"]);
    expect(withCode.sort()).toEqual(searchPages);
    expect(pages.length).toBeGreaterThan(40);
  });

  it("is, on each search page, one module script of the site's own, content-hashed, and nothing inline", async () => {
    const files = new Set(await listFiles(siteDir));
    for (const page of pages.filter((page) => page.$("body").attr("data-page") === "search")) {
      const code = codeIn(page);
      expect(code, page.url).toHaveLength(1);
      const script = page.$("script:not([type='application/ld+json'])");
      expect(script.attr("type")).toBe("module");
      expect(script.html()).toBe("");
      const src = script.attr("src")!;
      expect(src).toMatch(/^\/assets\/js\/search\.[0-9a-f]{10}\.js$/);
      expect(fileOf(siteDir, src, files), src).toBeDefined();
    }
  });
});
