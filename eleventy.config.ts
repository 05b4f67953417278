// tract's Eleventy configuration: a table of contents, one plugin per concern (each in src/).
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import contentPlugin from "./src/core/model/plugin.ts";
import i18nPlugin from "./src/core/i18n/plugin.ts";
import datesPlugin from "./src/core/dates/plugin.ts";
import pagesPlugin from "./src/core/render/plugin.ts";
import metaPlugin from "./src/features/meta/plugin.ts";
import redirectsPlugin from "./src/features/redirects/plugin.ts";
import assetsPlugin from "./src/features/assets/plugin.ts";
import eventsPlugin from "./src/features/events/plugin.ts";
import pressPlugin from "./src/features/press/plugin.ts";
import feedsPlugin from "./src/features/feeds/plugin.ts";

export default function (eleventyConfig: UserConfig): void {
  // Every page is a virtual template from src/: a .njk file anywhere else in the project must never become a page.
  eleventyConfig.ignores.add("**/*.njk");
  eleventyConfig.addPlugin(contentPlugin);
  eleventyConfig.addPlugin(i18nPlugin);
  eleventyConfig.addPlugin(datesPlugin);
  eleventyConfig.addPlugin(pagesPlugin);
  eleventyConfig.addPlugin(metaPlugin);
  eleventyConfig.addPlugin(redirectsPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(eventsPlugin);
  eleventyConfig.addPlugin(pressPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
}

export const config = {
  // No `output` here: `npm run build` passes a temporary folder, and a configured one would win over it.
  dir: { input: ".", includes: "_includes", data: "_data" },
  // Pages come from the site model (src/core/render); Markdown in posts/ and pages/ is read by src/core/content, not by Eleventy.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
