// Test helpers: reads a built site — its files, its HTML pages parsed with cheerio, and URL ↔ file mapping.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
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
