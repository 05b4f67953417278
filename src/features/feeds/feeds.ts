// The feeds of each language, from the published model: all posts (Atom, RSS 2.0, JSON Feed), one per kind that declares one, one per topic.
import { getNewestCollectionItemDate } from "@11ty/eleventy-plugin-rss";
import type { KindDeclaration } from "../../core/contract.ts";
import { DATA_FILES } from "../../core/content/data-files.ts";
import type { SiteModel } from "../../core/contract.ts";
import { PICTURES, type PictureService } from "../../core/media/picture-service.ts";
import type { Edition, Post, TagRef, ViewBase } from "../../core/model/types.ts";
import { firstPageUrl } from "../../core/model/pagination.ts";
import { Slot } from "../../core/slots.ts";
import { type FeedEntry, feedEntry } from "./entries.ts";
import { idHost } from "./feed-id.ts";
import { FEED_ICONS, type FeedIcon } from "./icons.ts";
import { feedRoutes } from "./routes.ts";
import { XmlSafeText, withoutForbiddenCharacters } from "./xml.ts";

export type FeedFormat = "atom" | "rss" | "json";

export const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  json: "application/feed+json",
};

/** Format names are the same in every language. */
const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { atom: "Atom", rss: "RSS", json: "JSON Feed" };

/** What a feed holds: every post, the posts of one kind (press releases), or one topic's posts. */
type FeedScope = "all" | "kind" | "tag";

/** The feed of a kind of post, as a feature declares it. */
type KindFeed = KindDeclaration & { feed: NonNullable<KindDeclaration["feed"]> };

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
  /** The topic of a tag feed (its name and address only: pages announce feeds, and must not change with every post of a topic). */
  tag?: TagRef | undefined;
  /** The kind of a kind's feed. */
  kind?: KindFeed | undefined;
}

/** Every feed of the site as its pages announce them (the layout's autodiscovery links read it). */
export const FEED_LINKS = new Slot<FeedLink[]>("feeds");

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

/** A feed's title and subtitle in its language. */
function feedText(
  edition: Edition,
  link: Pick<FeedLink, "scope" | "kind">,
  tagName = "",
): { title: KeyedText; subtitle: KeyedText } {
  const text = (key: string, values?: Record<string, string>): KeyedText => ({
    key,
    text: edition.strings.t(key, values),
  });
  const site = edition.strings.t("site.title");
  if (link.scope === "kind" && link.kind)
    return { title: text(link.kind.feed.title, { site }), subtitle: text(link.kind.feed.subtitle) };
  if (link.scope === "tag")
    return {
      title: text("feeds.title.tag", { site, tag: tagName }),
      subtitle: text("tag.description", { tag: tagName }),
    };
  return { title: text("feeds.title.all", { site }), subtitle: text("site.description") };
}

/** Every feed of a language, without its entries. */
export function feedLinks(edition: Edition, kinds: KindDeclaration[]): FeedLink[] {
  const lang = edition.language.code;
  const paths = feedRoutes(edition.routes);
  const link = (
    format: FeedFormat,
    scope: FeedScope,
    url: string,
    extra: Pick<FeedLink, "tag" | "kind"> = {},
  ): FeedLink => {
    const title = feedText(edition, { scope, kind: extra.kind }, extra.tag?.name).title.text;
    return {
      lang,
      format,
      scope,
      url,
      title,
      mediaType: FEED_MEDIA_TYPES[format],
      formatName: FEED_FORMAT_NAMES[format],
      linkTitle: edition.strings.t("feeds.linkTitle", { title, format: FEED_FORMAT_NAMES[format] }),
      ...extra,
    };
  };
  const kindFeeds = kinds.filter((kind): kind is KindFeed => kind.feed !== undefined);
  return [
    link("atom", "all", paths.atom),
    link("rss", "all", paths.rss),
    link("json", "all", paths.json),
    ...kindFeeds.map((kind) => link("atom", "kind", kind.feed.url(edition.routes), { kind })),
    ...edition.tags.map(({ name, slug, url }) => link("atom", "tag", paths.tag(slug), { tag: { name, slug, url } })),
  ];
}

function postsOf(edition: Edition, link: FeedLink): Post[] {
  if (link.scope === "kind") return edition.posts.filter((post) => post.kind === link.kind?.name);
  if (link.tag) return edition.tags.find((tag) => tag.slug === link.tag?.slug)?.posts ?? [];
  return edition.posts;
}

/** The feeds an HTML page announces: its language's site-wide feeds, and on every page of a topic that topic's feed. */
export function feedsToAnnounce(
  feeds: FeedLink[],
  view: Pick<ViewBase, "lang" | "url"> & { readonly firstUrl?: unknown },
): FeedLink[] {
  const list = firstPageUrl(view);
  return feeds.filter((feed) => feed.lang === view.lang && (feed.scope !== "tag" || feed.tag?.url === list));
}

/**
 * Every feed with its entries. Characters XML cannot carry are dropped from the texts; `text` collects a warning
 * for each file and field that had some.
 */
export function buildFeeds(
  model: Pick<SiteModel, "site" | "now" | "registry"> & { editions: Edition[] },
  text: XmlSafeText,
  pictures?: PictureService,
): Feed[] {
  const { site } = model;
  const host = idHost(site);
  const feeds: Feed[] = [];
  for (const edition of model.editions) {
    const { routes, strings } = edition;
    const stringsFile = DATA_FILES.strings(edition.language.code);
    const fromStrings = ({ text: value, key }: KeyedText) => text.clean(value, stringsFile, key);
    const entries = new Map(edition.posts.map((post) => [post, feedEntry(post, host, text, pictures)]));
    const entriesOf = (posts: Post[]) => posts.slice(0, site.feedEntries).map((post) => entries.get(post) as FeedEntry);
    // An empty feed (no press release yet) is as recent as the language's newest post.
    const fallback = getNewestCollectionItemDate(
      [...entries.values()].map((entry) => ({ date: entry.updated })),
      model.now.toJSDate(),
    );
    const home = routes.home();
    for (const link of feedLinks(edition, model.registry.kinds)) {
      const feedEntries = entriesOf(postsOf(edition, link));
      // A tag name's forbidden characters are reported with the posts that hold the tag; here, only the strings' own.
      const { title, subtitle } = feedText(edition, link, withoutForbiddenCharacters(link.tag?.name ?? ""));
      feeds.push({
        ...link,
        title: fromStrings(title),
        subtitle: fromStrings(subtitle),
        author: fromStrings({ key: "site.author", text: strings.t("site.author") }),
        pageUrl:
          link.scope === "tag"
            ? (link.tag?.url ?? home)
            : link.scope === "kind"
              ? (link.kind?.feed.page(edition) ?? home)
              : home,
        stylesheet: link.format === "json" ? undefined : feedRoutes(routes).stylesheet,
        entries: feedEntries,
        updated: getNewestCollectionItemDate(
          feedEntries.map((entry) => ({ date: entry.updated })),
          fallback,
        ),
        icon: FEED_ICONS.small,
        largeIcon: FEED_ICONS.large,
        logo: site.image,
      });
    }
  }
  return feeds;
}

/** The feeds of the finished model, as the build writes them. */
export function siteFeeds(model: SiteModel): Feed[] {
  return buildFeeds(
    { site: model.site, now: model.now, registry: model.registry, editions: Object.values(model.editions) },
    new XmlSafeText(),
    PICTURES.get(model),
  );
}
