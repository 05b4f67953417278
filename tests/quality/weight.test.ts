// Gate: each page's HTML plus the same-origin CSS, JS and fonts it loads stays under 30 KB gzip; a post's HTML under 14 KB.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { fileOf, htmlPages, listFiles } from "../helpers/site.ts";

const PAGE_BUDGET = 30 * 1024;
const POST_HTML_BUDGET = 14 * 1024;
const FONT = /\.(woff2?|ttf|otf)$/;

describe("weight budget", () => {
  it("keeps every page light", async () => {
    const siteDir = inject("siteDir");
    const files = new Set(await listFiles(siteDir));
    const gzipSizes = new Map<string, number>();
    const gzipSize = async (file: string) => {
      if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(await readFile(file), { level: 9 }).length);
      return gzipSizes.get(file)!;
    };
    /** Same-origin resources a stylesheet pulls in (fonts, imports); images are excluded from the budget. */
    const cssDependencies = async (cssFile: string, cssUrl: string) => {
      const css = await readFile(cssFile, "utf8");
      return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)]
        .map((m) => new URL(m[1] ?? m[2]!, `http://site.invalid${cssUrl}`).pathname)
        .filter((url) => FONT.test(url) || url.endsWith(".css"));
    };

    const report: { url: string; total: number; html: number }[] = [];
    for (const page of await htmlPages(siteDir)) {
      const resources = new Set<string>();
      const urls = [
        ...page
          .$('link[rel="stylesheet"]')
          .toArray()
          .map((el) => page.$(el).attr("href")!),
        ...page
          .$("script[src]")
          .toArray()
          .map((el) => page.$(el).attr("src")!),
        ...page
          .$('link[rel="preload"][as="font"]')
          .toArray()
          .map((el) => page.$(el).attr("href")!),
      ].filter((href) => href.startsWith("/") && !href.startsWith("//"));
      for (const url of urls) {
        const file = fileOf(siteDir, url, files);
        expect(file, `${page.url} loads ${url}`).toBeDefined();
        resources.add(file!);
        if (url.endsWith(".css"))
          for (const dependency of await cssDependencies(file!, url))
            resources.add(fileOf(siteDir, dependency, files)!);
      }
      const html = await gzipSize(page.file);
      let total = html;
      for (const resource of resources) total += await gzipSize(resource);
      report.push({ url: page.url, total, html });
    }

    report.sort((a, b) => b.total - a.total);
    console.log(
      "Heaviest pages (gzip, HTML + CSS + JS + fonts):\n" +
        report
          .slice(0, 5)
          .map((r) => `  ${(r.total / 1024).toFixed(1)} KB  (HTML ${(r.html / 1024).toFixed(1)} KB)  ${r.url}`)
          .join("\n"),
    );
    expect(report.filter((r) => r.total >= PAGE_BUDGET).map((r) => `${r.url}: ${r.total} bytes`)).toEqual([]);
    const posts = (await htmlPages(siteDir)).filter((p) => p.$("body").attr("data-page") === "post");
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts)
      expect(report.find((r) => r.url === post.url)!.html, post.url).toBeLessThan(POST_HTML_BUDGET);
  });
});
