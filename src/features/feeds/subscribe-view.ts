// The "Subscribe" page of each language: what a feed is, how to follow one, and every feed's address.
import type { ModelBuilder } from "../../core/contract.ts";
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { feedLinks } from "./feeds.ts";
import { feedRoutes } from "./routes.ts";

export function subscribeViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const everyLanguage = factory.everyLanguage((edition) => feedRoutes(edition.routes).subscribe);
  const kinds = model.registry.kinds.filter((kind) => kind.feed);
  return factory.editions.map((edition) =>
    factory.make(
      edition,
      "subscribe",
      { url: feedRoutes(edition.routes).subscribe, feeds: feedLinks(edition, model.registry.kinds), kinds },
      { title: edition.strings.t("subscribe.title"), description: edition.strings.t("subscribe.description") },
      everyLanguage,
    ),
  );
}
