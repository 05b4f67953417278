// The bare Eleventy 3 baseline: the corpus's Markdown posts as ordinary templates, one Nunjucks layout, one Atom feed; nothing from tract's src/.
import { DateTime } from "luxon";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { Plugin } from "@11ty/eleventy/UserConfig";
import { ATOM_FEED, POST_LAYOUT } from "./templates.ts";

const SITE_URL = "https://tract.example.org";
const SITE_TIME_ZONE = "Europe/Paris";
const FEED_ENTRIES = 20;

interface CollectionItem {
  date: Date;
}

/** The part of Eleventy's configuration API this file uses. */
interface EleventyConfig {
  addPlugin(plugin: Plugin): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addDateParsing(parse: (value: unknown) => DateTime | undefined): void;
  addCollection(
    name: string,
    build: (collections: { getFilteredByGlob(glob: string): CollectionItem[] }) => CollectionItem[],
  ): void;
}

export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(rssPlugin);
  // Dates are written as in tract, 2024-03-05T10:00 with no offset: read them in the site's time zone, as tract does.
  eleventyConfig.addDateParsing((value) => {
    const date = typeof value === "string" ? DateTime.fromISO(value, { zone: SITE_TIME_ZONE }) : undefined;
    return date?.isValid ? date : undefined;
  });
  eleventyConfig.addCollection("feedEntries", (collections) =>
    collections.getFilteredByGlob("posts/**/*.md").reverse().slice(0, FEED_ENTRIES),
  );
  // Posts get this layout and their permalink from posts/posts.11tydata.json, their language from posts/<lang>/<lang>.11tydata.json.
  eleventyConfig.addTemplate("_includes/post.njk", POST_LAYOUT);
  eleventyConfig.addTemplate("feed.njk", ATOM_FEED, {
    permalink: "/feed.xml",
    eleventyExcludeFromCollections: true,
    siteUrl: SITE_URL,
  });
}

export const config = {
  templateFormats: ["md", "njk"],
  htmlTemplateEngine: "njk",
};
