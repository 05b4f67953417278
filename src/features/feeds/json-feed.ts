// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built as an object and serialised by JSON.stringify: real JSON escaping.
import { absoluteUrl, dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import { absoluteHtml } from "./absolute-html.ts";
import type { Feed } from "./feeds.ts";

export async function jsonFeed(feed: Feed, siteUrl: string, homeUrl: string): Promise<string> {
  const absolute = (url: string) => absoluteUrl(url, siteUrl);
  const items = await Promise.all(
    feed.entries.map(async (entry) => ({
      id: entry.id,
      url: absolute(entry.url),
      title: entry.title,
      content_html: await absoluteHtml(entry.html, absolute(entry.url)),
      summary: entry.summary,
      image: entry.image && absolute(entry.image),
      date_published: dateToRfc3339(entry.published),
      date_modified: dateToRfc3339(entry.updated),
      authors: [{ name: entry.author }],
      tags: entry.categories,
      language: entry.lang,
    })),
  );
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.subtitle,
    home_page_url: absolute(feed.pageUrl),
    feed_url: absolute(feed.url),
    icon: absolute(feed.largeIcon.url),
    favicon: absolute(feed.icon.url),
    language: feed.lang,
    authors: [{ name: feed.author, url: absolute(homeUrl) }],
    items,
  };
  return JSON.stringify(document, null, 2);
}
