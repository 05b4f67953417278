// Pages at the old addresses (aliases) of renamed posts and pages: each sends the reader to the current address.
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { aliasFields } from "./fields.ts";

export interface RedirectView extends View {
  type: "redirect";
  redirect: string;
  target: { title: string; url: string };
  noindex: true;
}

export function redirectViews(factory: ViewFactory): View[] {
  return factory.editions.flatMap((edition) =>
    [...edition.posts, ...edition.pages.values()].flatMap((document): View[] =>
      aliasFields.of(document).aliases.map((from) =>
        factory.make(
          edition,
          "redirect",
          {
            url: from,
            redirect: document.url,
            target: { title: document.title, url: document.url },
            noindex: true,
            origin: { feature: "redirects", file: document.file, field: "aliases", line: document.lines.aliases },
          },
          {
            title: edition.strings.t("redirect.title", { title: document.title, from }),
            description: edition.strings.t("redirect.description", { title: document.title }),
          },
        ),
      ),
    ),
  );
}

/** Old address → current address, for every alias of the published site (server redirect maps read this). */
export function redirectPairs(views: readonly View[]): { from: string; to: string }[] {
  return views.flatMap((view) =>
    view.type === "redirect" ? [{ from: view.url, to: (view as RedirectView).redirect }] : [],
  );
}
