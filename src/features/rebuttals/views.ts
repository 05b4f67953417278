// The rebuttals index: per language, every rebuttal with the official events it answers.
import { newestPost } from "../../core/dates/newest.ts";
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { REBUTTALS } from "./model.ts";

export const REBUTTALS_PATH = "rebuttals";

export function rebuttalViews(factory: ViewFactory): View[] {
  const indexes = factory.everyLanguage((e) => e.routes.path(REBUTTALS_PATH));
  return factory.editions.map((edition) =>
    factory.make(
      edition,
      "rebuttals",
      {
        url: edition.routes.path(REBUTTALS_PATH),
        posts: REBUTTALS.require(edition),
        schemaType: "CollectionPage",
        lastmod: newestPost(REBUTTALS.require(edition)),
      },
      { title: edition.strings.t("rebuttals.title"), description: edition.strings.t("rebuttals.description") },
      indexes,
    ),
  );
}
