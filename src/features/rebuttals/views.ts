// The rebuttals index: per language, every rebuttal with the official events it answers, page by page.
import { newestPost } from "../../core/dates/newest.ts";
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { paginate } from "../../core/model/pagination.ts";
import { REBUTTALS } from "./model.ts";

export const REBUTTALS_PATH = "rebuttals";

export function rebuttalViews(factory: ViewFactory): View[] {
  const indexes = factory.everyLanguage((e) => e.routes.path(REBUTTALS_PATH));
  return factory.editions.flatMap((edition) => {
    const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
    return paginate(factory, {
      edition,
      type: "rebuttals",
      items: REBUTTALS.require(edition),
      perPage: factory.site.postsPerPage,
      firstUrl: edition.routes.path(REBUTTALS_PATH),
      title: (n, total) => (n === 1 ? t("rebuttals.title") : t("paging.rebuttalsTitle", { n, total })),
      description: t("rebuttals.description"),
      alternates: indexes,
      fields: { schemaType: "CollectionPage" },
      lastmod: newestPost,
    });
  });
}
