// The feeds of each language, built once from the published model: all posts (Atom, RSS 2.0, JSON Feed), press releases, one per topic.
import { getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import type { LanguageSection, Post, Tag, ViewBase } from "../../core/model/types.ts";
import type { Problem } from "../../core/content/problems.ts";
import type { SiteConfig } from "../../core/content/schema.ts";
import { DATA_FILES } from "../../core/content/load.ts";
import { type FeedEntry, feedEntry } from "./entries.ts";
import { idHost } from "./feed-id.ts";
import { FEED_ICONS, type FeedIcon } from "./icons.ts";
import { XmlSafeText, withoutForbiddenCharacters } from "./xml.ts";

export type FeedFormat = "atom" | "rss" | "json";

const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

/** Format names are the same in every language. */
const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { atom: "Atom", rss: "RSS", json: "JSON Feed" };

/** What a feed holds: every post, the press releases, or one topic's posts. */
type FeedScope = "all" | "press" | "tag";

/** A feed as pages announce it: autodiscovery links and the subscribe page. */
export interface FeedLink {
  lang: string;
  format: FeedFormat;
  scope: FeedScope;
  url: string;
  title: string;
  mediaType: string;
  /** "Atom", "RSS" or "JSON Feed". */
  formatName: string;
  /** Autodiscovery title, e.g. "Contre l'IA et son monde (Atom)". */
  linkTitle: string;
  /** The topic of a tag feed. */
  tag?: Tag | undefined;
}

export interface Feed extends FeedLink {
  subtitle: string;
  author: string;
  /** The HTML page showing the same posts (home, press room, topic). */
  pageUrl: string;
  /** The XSL that renders an XML feed as a page in a browser. */
  stylesheet?: string | undefined;
  /** Newest first, at most `site.feedEntries`. */
  entries: FeedEntry[];
  /** The newest entry's update (or publication) time. */
  updated: Date;
  /** Atom `<icon>`, RSS `<image>`, JSON Feed `favicon`. */
  icon: FeedIcon;
  /** JSON Feed `icon`. */
  largeIcon: FeedIcon;
  /** Atom `<logo>`: the site's sharing picture, about twice as wide as tall as Atom recommends. */
  logo: string;
}

/** A text of a feed and the strings key it comes from (named when it holds characters XML cannot carry). */
interface KeyedText {
  key: string;
  text: string;
}

/** A feed's title and subtitle in its language; `tagName` for a topic's feed. */
function feedText(section: LanguageSection, scope: FeedScope, tagName = ""): { title: KeyedText; subtitle: KeyedText } {
  const text = (key: string, values?: Record<string, string>): KeyedText => ({ key, text: section.strings.t(key, values) });
  const site = section.strings.t("site.title");
  switch (scope) {
    case "all":
      return { title: text("feeds.title.all", { site }), subtitle: text("site.description") };
    case "press":
      return { title: text("feeds.title.press", { site }), subtitle: text("feeds.subtitle.press") };
    case "tag":
      return { title: text("feeds.title.tag", { site, tag: tagName }), subtitle: text("tag.description", { tag: tagName }) };
  }
}

/** Every feed of a language, without its entries. */
export function feedLinks(section: LanguageSection): FeedLink[] {
  const lang = section.language.code;
  const paths = section.routes.feeds();
  const link = (format: FeedFormat, scope: FeedScope, url: string, title: string, tag?: Tag): FeedLink => ({
    lang,
    format,
    scope,
    url,
    title,
    mediaType: FEED_MEDIA_TYPES[format],
    formatName: FEED_FORMAT_NAMES[format],
    linkTitle: section.strings.t("feeds.linkTitle", { title, format: FEED_FORMAT_NAMES[format] }),
    tag,
  });
  const all = feedText(section, "all").title.text;
  return [
    link("atom", "all", paths.atom, all),
    link("rss", "all", paths.rss, all),
    link("json", "all", paths.json, all),
    link("atom", "press", paths.press, feedText(section, "press").title.text),
    ...section.tags.map((tag) => link("atom", "tag", paths.tag(tag.slug), feedText(section, "tag", tag.name).title.text, tag)),
  ];
}

function postsOf(section: LanguageSection, link: FeedLink): Post[] {
  if (link.scope === "press") return section.posts.filter((post) => post.kind === "press-release");
  return link.tag?.posts ?? section.posts;
}

/** The feeds an HTML page announces: its language's site-wide feeds, and on a topic's page that topic's feed. */
export function feedsToAnnounce(feeds: FeedLink[], view: Pick<ViewBase, "lang" | "url">): FeedLink[] {
  return feeds.filter((feed) => feed.lang === view.lang && (feed.scope !== "tag" || feed.tag?.url === view.url));
}

interface FeedsResult {
  feeds: Feed[];
  /** Characters XML cannot carry, dropped from the feeds. */
  warnings: Problem[];
}

/**
 * Builds every feed. `pageUrls` holds the URLs of the site's pages: a feed's alternate link goes to its page
 * (the press room for press releases) when the site has it, else to the language's home.
 */
export function buildFeeds(sections: LanguageSection[], site: SiteConfig, now: DateTime, pageUrls: Set<string>): FeedsResult {
  const text = new XmlSafeText();
  const host = idHost(site);
  const feeds: Feed[] = [];
  for (const section of sections) {
    const { routes, strings } = section;
    const stringsFile = DATA_FILES.strings(section.language.code);
    const fromStrings = ({ text: value, key }: KeyedText) => text.clean(value, stringsFile, key);
    const entries = new Map(section.posts.map((post) => [post, feedEntry(post, host, text)]));
    const entriesOf = (posts: Post[]) => posts.slice(0, site.feedEntries).map((post) => entries.get(post) as FeedEntry);
    // An empty feed (no press release yet) is as recent as the language's newest post.
    const fallback = getNewestCollectionItemDate([...entries.values()].map((entry) => ({ date: entry.updated })), now.toJSDate());
    const home = routes.home();
    const pages: Record<FeedScope, (link: FeedLink) => string> = {
      all: () => home,
      press: () => (pageUrls.has(routes.press()) ? routes.press() : home),
      tag: (link) => link.tag?.url ?? home,
    };
    for (const link of feedLinks(section)) {
      const feedEntries = entriesOf(postsOf(section, link));
      // A tag name's forbidden characters are reported with the posts that hold the tag; here, only the strings' own.
      const { title, subtitle } = feedText(section, link.scope, withoutForbiddenCharacters(link.tag?.name ?? ""));
      feeds.push({
        ...link,
        title: fromStrings(title),
        subtitle: fromStrings(subtitle),
        author: fromStrings({ key: "site.author", text: strings.t("site.author") }),
        pageUrl: pages[link.scope](link),
        stylesheet: link.format === "json" ? undefined : routes.feeds().stylesheet,
        entries: feedEntries,
        updated: getNewestCollectionItemDate(feedEntries.map((entry) => ({ date: entry.updated })), fallback),
        icon: FEED_ICONS.small,
        largeIcon: FEED_ICONS.large,
        logo: site.image,
      });
    }
  }
  return { feeds, warnings: text.warnings };
}
