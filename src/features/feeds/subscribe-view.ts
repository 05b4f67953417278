// The "Subscribe" page of each language: what a feed is, how to follow one, and every feed's address.
import type { ViewBuilder } from "../../core/model/views.ts";
import { type FeedLink, feedLinks } from "./feeds.ts";

declare module "../../core/model/types.ts" {
  interface ViewKinds {
    subscribe: { feeds: FeedLink[] };
  }
}

export const subscribeViews: ViewBuilder = (factory) => {
  const everyLanguage = factory.everyLanguage((section) => section.routes.subscribe());
  return factory.sections.map((section) =>
    factory.make(section, "subscribe", { url: section.routes.subscribe(), feeds: feedLinks(section) }, { title: section.strings.t("subscribe.title"), description: section.strings.t("subscribe.description") }, everyLanguage),
  );
};
