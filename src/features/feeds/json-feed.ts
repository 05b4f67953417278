// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built as an object and serialised by JSON.stringify: real JSON escaping.
import { absoluteUrl, dateToRfc3339 } from "@11ty/eleventy-plugin-rss";
import type { FeedEntry } from "./entries.ts";
import type { Feed } from "./feeds.ts";

/** `feed`'s entries come with their `content`: their HTML with absolute links. */
export function jsonFeed(
  feed: Omit<Feed, "entries"> & { entries: (FeedEntry & { content: string })[] },
  siteUrl: string,
  homeUrl: string,
): string {
  const absolute = (url: string) => absoluteUrl(url, siteUrl);
  const items = feed.entries.map((entry) => ({
    id: entry.id,
    url: absolute(entry.url),
    title: entry.title,
    content_html: entry.content,
    summary: entry.summary,
    image: entry.image && absolute(entry.image),
    date_published: dateToRfc3339(entry.published),
    date_modified: dateToRfc3339(entry.updated),
    authors: [{ name: entry.author }],
    tags: entry.categories,
    language: entry.lang,
  }));
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
  return `${JSON.stringify(document, null, 2)}\n`;
}
