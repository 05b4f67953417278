// Test helpers: the gates measured on a build's page facts (weights, hreflang, titles), shared by the sample site's gates and the large site's.
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import type { PageFacts } from "./page-facts.ts";
import { SITE_ORIGIN, fileOf } from "./site.ts";

/** A page's HTML with the CSS, JS and fonts it loads (gzip); a post's HTML alone (images have their own gate). */
export const PAGE_BUDGET = 30 * 1024;
export const POST_HTML_BUDGET = 14 * 1024;
const FONT = /\.(woff2?|ttf|otf)$/;

export interface PageWeight {
  url: string;
  kind: string;
  /** gzip bytes of the HTML and of everything it loads. */
  total: number;
  html: number;
}

/** Each page's weight; every resource is read and compressed once, however many pages load it. */
export async function pageWeights(siteDir: string, pages: PageFacts[], files: Set<string>): Promise<PageWeight[]> {
  const sizes = new Map<string, Promise<number>>();
  const gzipSize = (file: string) => {
    if (!sizes.has(file))
      sizes.set(
        file,
        readFile(file).then((data) => gzipSync(data, { level: 9 }).length),
      );
    return sizes.get(file)!;
  };
  /** Same-origin resources a stylesheet pulls in (fonts, imports); images are excluded from the budget. */
  const cssDependencies = async (cssFile: string, cssUrl: string) => {
    const css = await readFile(cssFile, "utf8");
    return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g)]
      .map((m) => new URL(m[1] ?? m[2]!, `http://site.invalid${cssUrl}`).pathname)
      .filter((url) => FONT.test(url) || url.endsWith(".css"));
  };
  const weights: PageWeight[] = [];
  for (const page of pages) {
    const resources = new Set<string>();
    for (const url of page.loads) {
      const file = fileOf(siteDir, url, files);
      if (!file) throw new Error(`${page.url} loads ${url}, which is not in the build`);
      resources.add(file);
      if (url.endsWith(".css"))
        for (const dependency of await cssDependencies(file, url)) {
          const dependencyFile = fileOf(siteDir, dependency, files);
          if (!dependencyFile) throw new Error(`${url} loads ${dependency}, which is not in the build`);
          resources.add(dependencyFile);
        }
    }
    let total = page.gzipBytes;
    for (const resource of resources) total += await gzipSize(resource);
    weights.push({ url: page.url, kind: page.kind, total, html: page.gzipBytes });
  }
  return weights.sort((a, b) => b.total - a.total);
}

/** The pages over their budget, as lines to read in a failed assertion. */
export function overBudget(weights: PageWeight[]): string[] {
  return weights.flatMap((weight) => [
    ...(weight.total >= PAGE_BUDGET ? [`${weight.url}: ${weight.total} bytes with what it loads`] : []),
    ...(weight.kind === "post" && weight.html >= POST_HTML_BUDGET
      ? [`${weight.url}: ${weight.html} bytes of HTML`]
      : []),
  ]);
}

export function heaviestPages(weights: PageWeight[], count = 5): string {
  return weights
    .slice(0, count)
    .map((w) => `  ${(w.total / 1024).toFixed(1)} KB  (HTML ${(w.html / 1024).toFixed(1)} KB)  ${w.url}`)
    .join("\n");
}

/** The page at an absolute or site URL, by its path (a folder or its index.html). */
export function pageFinder(pages: PageFacts[]): (href: string) => PageFacts | undefined {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  return (href) => {
    const pathname = new URL(href, SITE_ORIGIN).pathname;
    return byUrl.get(pathname) ?? byUrl.get(`${pathname}index.html`);
  };
}

/**
 * What breaks hreflang: an indexable page that does not name itself, or names a version in another language that
 * is missing, in another language, or does not name it back. `checked` counts the pairs found sound.
 */
export function hreflangProblems(pages: PageFacts[]): { problems: string[]; checked: number } {
  const pageAt = pageFinder(pages);
  const problems: string[] = [];
  let checked = 0;
  for (const page of pages) {
    if (page.url === "/" || page.url === "/404.html" || page.noindex) continue;
    const self = page.alternates.find((a) => a.hreflang === page.lang);
    if (self?.href !== `${SITE_ORIGIN}${page.url}`) problems.push(`${page.url} does not declare itself`);
    for (const alternate of page.alternates.filter((a) => a.hreflang !== "x-default" && a.hreflang !== page.lang)) {
      const target = pageAt(alternate.href);
      const back = target?.alternates.find((a) => a.hreflang === page.lang)?.href;
      if (!target) problems.push(`${page.url} → ${alternate.href}, which is not in the build`);
      else if (target.lang !== alternate.hreflang)
        problems.push(`${page.url} → ${alternate.href}, in ${target.lang} and not ${alternate.hreflang}`);
      else if (back !== `${SITE_ORIGIN}${page.url}`)
        problems.push(`${alternate.href} does not link back to ${page.url}`);
      else checked++;
    }
  }
  return { problems, checked };
}

/** Pages whose head has no title, several, or the title of another page. */
export function titleProblems(pages: PageFacts[]): string[] {
  const owners = new Map<string, string>();
  return pages.flatMap((page) => {
    if (page.titles !== 1) return [`${page.url} has ${page.titles} titles`];
    if (page.title.length === 0) return [`${page.url} has an empty title`];
    const owner = owners.get(page.title);
    owners.set(page.title, owner ?? page.url);
    return owner ? [`${page.url} repeats the title of ${owner}: ${page.title}`] : [];
  });
}
