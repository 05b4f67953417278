// Feeds: Atom, RSS 2.0 and JSON Feed per language, a feed per kind that declares one and per topic, their XSL page, icons and the Subscribe page.
import { absoluteUrl, dateToRfc3339, dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import { defineFeature } from "../../core/feature.ts";
import type { Output } from "../../core/output/output.ts";
import type { View } from "../../core/model/types.ts";
import { templateOutput } from "../../core/render/pages.ts";
import { absoluteHtml } from "./absolute-html.ts";
import { checkEntryIds } from "./check.ts";
import { entryId, idHost } from "./feed-id.ts";
import {
  FEED_LINKS,
  FEED_MEDIA_TYPES,
  type FeedLink,
  buildFeeds,
  feedLinks,
  feedsToAnnounce,
  siteFeeds,
} from "./feeds.ts";
import { feedFields } from "./fields.ts";
import { feedIconOutputs } from "./icons.ts";
import { jsonFeed } from "./json-feed.ts";
import { SUBSCRIBE_PATH, feedRoutes } from "./routes.ts";
import { subscribeViews } from "./subscribe-view.ts";
import { XmlSafeText } from "./xml.ts";

export default defineFeature({
  name: "feeds",
  paths: [SUBSCRIBE_PATH],
  postFields: feedFields,
  check: checkEntryIds,
  // The feed entry id, fixed when the post is made, so that later edits of its title, slug or date never change it.
  scaffold: ({ now, lang, translationKey, site }) => ({
    fields: { id: entryId({ date: now, lang, translationKey }, idHost(site)) },
  }),
  link(model) {
    FEED_LINKS.set(
      model,
      model.editions.flatMap((edition) => feedLinks(edition, model.registry.kinds)),
    );
    // The entries are made again for the outputs; here, only to report the characters XML cannot carry.
    const text = new XmlSafeText();
    buildFeeds({ site: model.site, registry: model.registry, editions: model.editions, now: model.context.now }, text);
    return text.warnings;
  },
  views: subscribeViews,
  // The feed of all posts, and the page that explains feeds: what a digest e-mail offers to follow the site otherwise.
  followLinks: (edition, model) => {
    const routes = feedRoutes(edition.routes);
    const atom = feedLinks(edition, []).find((feed) => feed.format === "atom" && feed.scope === "all");
    return [
      ...(atom ? [{ text: atom.linkTitle, url: model.absoluteUrl(atom.url) }] : []),
      { text: edition.strings.t("feeds.followLink"), url: model.absoluteUrl(routes.subscribe) },
    ];
  },
  filters: {
    feedsToAnnounce: (feeds: FeedLink[], view: View) => feedsToAnnounce(feeds, view),
    // The RSS plugin's functions the feed templates use for addresses and dates.
    absoluteUrl: (url: string, base: string) => absoluteUrl(url, base),
    dateToRfc3339: (date: Date) => dateToRfc3339(date),
    dateToRfc822: (date: Date | string | number, timeZone?: string) => dateToRfc822(date, timeZone),
  },
  outputs(model, context, templates) {
    const converted = context.session.memo<string, Promise<string>>("feed-absolute-html");
    const feeds = siteFeeds(model);
    const outputs: Output[] = feeds.map((feed) => ({
      url: feed.url,
      type: FEED_MEDIA_TYPES[feed.format],
      origin: { feature: "feeds" },
      // The templates read the feed, the site's settings and routes (every output's inputs hold those already).
      inputs: () => feed,
      produce: async () => {
        const entries = await Promise.all(
          feed.entries.map(async (entry) => ({
            ...entry,
            content: await absoluteHtml(entry.html, model.absoluteUrl(entry.url), converted),
          })),
        );
        if (feed.format === "json")
          return jsonFeed({ ...feed, entries }, model.site.url, model.edition(feed.lang).routes.home());
        return templates.render(`feeds/${feed.format}.njk`, {
          tract: model,
          feed: { ...feed, entries },
          routes: model.edition(feed.lang).routes,
        });
      },
    }));
    const stylesheets = model.languages.map((language) => {
      const edition = model.edition(language.code);
      return templateOutput(model, templates, {
        url: feedRoutes(edition.routes).stylesheet,
        type: "text/xsl",
        template: "feeds/stylesheet.xsl.njk",
        origin: { feature: "feeds" },
        // It reads the language's strings and routes only, never its posts.
        inputs: () => language.code,
        data: { lang: language.code, edition, routes: edition.routes },
      });
    });
    return [...outputs, ...stylesheets, ...feedIconOutputs(context)];
  },
});
