// Sitemaps past the protocol's limits: each language's sitemap is cut in parts of at most so many URLs and bytes, all named by the index.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { SITEMAP_LIMITS, sitemapOutputs } from "../../src/features/meta/sitemaps.ts";
import { publishedModel } from "../helpers/fixture.ts";
import { PROJECT_ROOT } from "../helpers/project.ts";
import { SITE_ORIGIN } from "../helpers/site.ts";

const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });

async function written(limits: typeof SITEMAP_LIMITS) {
  const model = await publishedModel(PROJECT_ROOT);
  const outputs = sitemapOutputs(model, limits);
  const files = await Promise.all(
    outputs.map(async (output) => ({ url: output.url, xml: String(await output.produce()) })),
  );
  return { model, files };
}

describe("sitemaps", () => {
  it("keeps one sitemap per language under the protocol's limits", async () => {
    const { files } = await written(SITEMAP_LIMITS);
    expect(files.map((file) => file.url)).toEqual(["/sitemap.xml", "/sitemap-fr.xml", "/sitemap-en.xml"]);
  });

  it.each([
    { urls: 7, bytes: SITEMAP_LIMITS.bytes },
    { urls: SITEMAP_LIMITS.urls, bytes: 2000 },
  ])(
    "cuts a language's sitemap in parts of at most $urls URLs and $bytes bytes, in order, all named by the index",
    async (limits) => {
      const whole = (await written(SITEMAP_LIMITS)).files;
      const { files } = await written(limits);
      const [index, ...parts] = files;
      expect(parts.length).toBeGreaterThan(4);
      expect(parts.map((part) => part.url)).toContain("/sitemap-fr-2.xml");
      for (const part of parts) {
        expect(Buffer.byteLength(part.xml), part.url).toBeLessThanOrEqual(limits.bytes);
        expect(parser.parse(part.xml).urlset.url.length, part.url).toBeLessThanOrEqual(limits.urls);
      }
      // Together, the parts of a language list what its one sitemap lists, in the same order.
      const locs = (xml: string) => (parser.parse(xml).urlset.url as { loc: string }[]).map((url) => url.loc);
      for (const lang of ["fr", "en"]) {
        const own = parts.filter((part) => part.url.startsWith(`/sitemap-${lang}`));
        expect(own.flatMap((part) => locs(part.xml))).toEqual(
          locs(whole.find((file) => file.url === `/sitemap-${lang}.xml`)!.xml),
        );
      }
      const named = (parser.parse(index!.xml).sitemapindex.sitemap as { loc: string }[]).map((sitemap) => sitemap.loc);
      expect(named).toEqual(parts.map((part) => `${SITE_ORIGIN}${part.url}`));
    },
  );
});
