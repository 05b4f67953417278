// Sitemaps that scale: /sitemap.xml indexes one sitemap per language (/sitemap-fr.xml), cut in parts (/sitemap-fr-2.xml …) within the protocol's limits.
import type { DateTime } from "luxon";
import type { SiteModel } from "../../core/contract.ts";
import type { View } from "../../core/model/types.ts";
import type { Output } from "../../core/output/output.ts";

/** sitemaps.org: at most 50,000 URLs and 50 MB (52,428,800 bytes, uncompressed) in one sitemap. */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 };
/** The address robots.txt names, and that of the single sitemap of earlier versions: search engines given it keep it. */
export const SITEMAP_INDEX_URL = "/sitemap.xml";

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const URLSET_OPEN = `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="${NAMESPACE}" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n`;
const URLSET_CLOSE = "</urlset>\n";
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export interface SitemapEntry {
  xml: string;
  lastmod?: DateTime | undefined;
}

/** Pages search engines are asked to index: not the 404 pages, not the pages that only send readers elsewhere. */
export function isIndexable(view: View): boolean {
  return !view.noindex && !view.redirect;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

function newest(dates: (DateTime | undefined)[]): DateTime | undefined {
  return dates.reduce<DateTime | undefined>(
    (latest, date) => (date && (!latest || date > latest) ? date : latest),
    undefined,
  );
}

function sitemapEntry(view: View, model: SiteModel): SitemapEntry {
  const lastmod = view.lastmod;
  const lines = [`  <url>`, `    <loc>${escapeXml(model.absoluteUrl(view.url))}</loc>`];
  if (lastmod) lines.push(`    <lastmod>${model.dates.iso(lastmod)}</lastmod>`);
  if (view.alternates.length > 1)
    for (const alternate of view.alternates)
      lines.push(
        `    <xhtml:link rel="alternate" hreflang="${escapeXml(alternate.lang)}" href="${escapeXml(model.absoluteUrl(alternate.url))}"/>`,
      );
  lines.push("  </url>");
  return { xml: `${lines.join("\n")}\n`, lastmod };
}

/** Entries cut, in order, into parts of at most `limits.urls` entries and `limits.bytes` bytes once written. */
export function splitEntries<Entry extends SitemapEntry>(entries: Entry[], limits = SITEMAP_LIMITS): Entry[][] {
  const empty = Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE);
  const parts: Entry[][] = [];
  let part: Entry[] = [];
  let bytes = empty;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.xml);
    if (part.length > 0 && (part.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push(part);
      part = [];
      bytes = empty;
    }
    part.push(entry);
    bytes += size;
  }
  return part.length > 0 ? [...parts, part] : parts;
}

/** The address of part `number` of a language's sitemap: /sitemap-fr.xml, then /sitemap-fr-2.xml … */
export function sitemapUrl(lang: string, number: number): string {
  return number <= 1 ? `/sitemap-${lang}.xml` : `/sitemap-${lang}-${number}.xml`;
}

/** The index and every part, each with its entries decided now (so the list of outputs is known) and written when asked. */
export function sitemapOutputs(model: SiteModel, limits = SITEMAP_LIMITS): Output[] {
  const indexable = model.views.filter(isIndexable);
  const parts = model.languages.flatMap(({ code }) =>
    splitEntries(
      indexable.filter((view) => view.lang === code).map((view) => sitemapEntry(view, model)),
      limits,
    ).map((entries, index) => ({ url: sitemapUrl(code, index + 1), entries })),
  );
  const origin = { feature: "meta" };
  const type = "application/xml";
  const index: Output = {
    url: SITEMAP_INDEX_URL,
    type,
    origin,
    produce: () => {
      const sitemaps = parts.map(({ url, entries }) => {
        const lastmod = newest(entries.map((entry) => entry.lastmod));
        const when = lastmod ? `<lastmod>${model.dates.iso(lastmod)}</lastmod>` : "";
        return `  <sitemap><loc>${escapeXml(model.absoluteUrl(url))}</loc>${when}</sitemap>\n`;
      });
      return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${sitemaps.join("")}</sitemapindex>\n`;
    },
  };
  return [
    index,
    ...parts.map(({ url, entries }) => ({
      url,
      type,
      origin,
      produce: () => URLSET_OPEN + entries.map((entry) => entry.xml).join("") + URLSET_CLOSE,
    })),
  ];
}
