// Eleventy plugin: every language's feeds (Atom, RSS 2.0, JSON Feed), the XSL that shows them in a browser, their icons, autodiscovery.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { View } from "../../core/model/types.ts";
import { modelFrom } from "../../core/i18n/plugin.ts";
import { type Feed, type FeedLink, feedsToAnnounce } from "./feeds.ts";
import { renderFeedIcons } from "./icons.ts";
import { jsonFeed } from "./json-feed.ts";
import { absoluteHtml } from "./absolute-html.ts";

export default function feedsPlugin(eleventyConfig: UserConfig): void {
  // Its filters only (absoluteUrl, dateToRfc3339, dateToRfc822): the feeds are tract's own templates.
  eleventyConfig.addPlugin(rssPlugin);
  // Entry HTML with absolute links, once per entry for all the feeds it is in (the plugin's htmlToAbsoluteUrls, memoised).
  eleventyConfig.addFilter("absoluteHtml", async (html: string, entryUrl: string) => absoluteHtml(html, entryUrl));

  eleventyConfig.addFilter("jsonFeed", async function (feed: Feed) {
    const model = modelFrom(this);
    return jsonFeed(feed, model.site.url, model.section(feed.lang).routes.home());
  });
  eleventyConfig.addFilter("feedsToAnnounce", (feeds: FeedLink[], view: View) => feedsToAnnounce(feeds, view));

  // One template for every feed: a feed's URL, never its title, names its file, so no two feeds can collide.
  eleventyConfig.addTemplate("tract/feeds.njk", `{% set routes = tract.sections[feed.lang].routes %}{% include "feeds/" + feed.format + ".njk" %}`, {
    pagination: { data: "tract.feeds", size: 1, alias: "feed", addAllPagesToCollections: false },
    permalink: "{{ feed.url }}",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("tract/feed-stylesheets.njk", `{% set lang = language.code %}{% set section = tract.sections[lang] %}{% set routes = section.routes %}{% include "feeds/stylesheet.xsl.njk" %}`, {
    pagination: { data: "tract.languages", size: 1, alias: "language", addAllPagesToCollections: false },
    permalink: "{{ tract.sections[language.code].routes.feeds().stylesheet }}",
    eleventyExcludeFromCollections: true,
  });

  eleventyConfig.on("eleventy.after", ({ directories }) => renderFeedIcons(directories.input, directories.output));
}
