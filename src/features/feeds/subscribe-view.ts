// The "Subscribe" page of each language: what a feed is, how to follow one, and every feed's address.
import type { ModelBuilder } from "../../core/contract.ts";
import { newest, newestPost } from "../../core/dates/newest.ts";
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { feedLinks } from "./feeds.ts";
import { feedRoutes } from "./routes.ts";

export function subscribeViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const everyLanguage = factory.everyLanguage((edition) => feedRoutes(edition.routes).subscribe);
  const kinds = model.registry.kinds.filter((kind) => kind.feed);
  return factory.editions.map((edition) => {
    // What other features add (the agenda calendar), after the feeds.
    const sections = model.sections("subscribe", edition);
    return factory.make(
      edition,
      "subscribe",
      {
        url: feedRoutes(edition.routes).subscribe,
        feeds: feedLinks(edition, model.registry.kinds),
        kinds,
        sections,
        // The feeds of its topics come and go with the posts.
        lastmod: newest(newestPost(edition.posts), ...sections.map((section) => section.lastmod)),
      },
      { title: edition.strings.t("subscribe.title"), description: edition.strings.t("subscribe.description") },
      everyLanguage,
    );
  });
}
