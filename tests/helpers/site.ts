// Test helpers: reads a built site — its files, its HTML pages parsed with cheerio, and URL ↔ file mapping.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";

/** The public address of the sample site (`url` in _data/site.yaml). */
export const SITE_ORIGIN = "https://tract.example.org";

/** A site-internal path (with its #fragment) for an href, or undefined for other sites, mail and the like. */
export function internalPath(href: string, base: string): string | undefined {
  if (/^(mailto|tel|data):/i.test(href)) return undefined;
  const url = new URL(href, `${SITE_ORIGIN}${base}`);
  return url.origin === SITE_ORIGIN ? url.pathname + url.hash : undefined;
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The site URL of a built file: /fr/index.html → /fr/, /fr/404.html stays. */
export function urlOf(siteDir: string, file: string): string {
  const rel = "/" + path.relative(siteDir, file).split(path.sep).join("/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
}

/** The built file a site URL points to, or undefined when there is none. */
export function fileOf(siteDir: string, url: string, files: Set<string>): string | undefined {
  const pathname = decodeURIComponent(new URL(url, "http://site.invalid").pathname);
  const direct = path.join(siteDir, pathname);
  for (const candidate of [direct, path.join(direct, "index.html")]) if (files.has(candidate)) return candidate;
  return undefined;
}

export interface HtmlPage {
  file: string;
  url: string;
  html: string;
  $: cheerio.CheerioAPI;
}

export async function htmlPages(siteDir: string): Promise<HtmlPage[]> {
  const files = (await listFiles(siteDir)).filter((f) => f.endsWith(".html"));
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(file, "utf8");
      return { file, url: urlOf(siteDir, file), html, $: cheerio.load(html) };
    }),
  );
}

/** A page whose ids links may name: parsed, or as its ids alone (the page facts of large builds). */
type AnchoredPage = HtmlPage | { file: string; ids: ReadonlySet<string> };

/** Resolves site-internal links against a build: each must name a built file, and its #fragment an id in that page. */
export class LinkChecker {
  /** How many internal links were checked. */
  checked = 0;
  private readonly pagesByFile: Map<string, AnchoredPage>;

  constructor(
    private readonly siteDir: string,
    private readonly files: Set<string>,
    pages: AnchoredPage[],
  ) {
    this.pagesByFile = new Map(pages.map((page) => [page.file, page]));
  }

  private hasAnchor(file: string, id: string): boolean {
    const page = this.pagesByFile.get(file);
    if (!page) return false;
    return "ids" in page ? page.ids.has(id) : page.$(`[id="${id}"]`).length === 1;
  }

  /** What is wrong with `href`, found at the URL `base`; undefined when it resolves or leads off the site. */
  problem(href: string, base: string): string | undefined {
    const internal = internalPath(href, base);
    if (internal === undefined) return undefined;
    this.checked++;
    const [pathname, fragment] = internal.split("#");
    const file = fileOf(this.siteDir, pathname!, this.files);
    if (!file) return `${base} links to ${href}, which is not in the build`;
    if (fragment && !this.hasAnchor(file, decodeURIComponent(fragment)))
      return `${base} links to ${href}, whose anchor is missing`;
    return undefined;
  }
}
