// Pages at the old addresses (aliases) of renamed posts and pages: each sends the reader to the current address.
import type { View } from "../../core/model/types.ts";
import type { ViewBuilder } from "../../core/model/views.ts";

declare module "../../core/model/types.ts" {
  interface ViewKinds {
    redirect: { redirect: string; target: { title: string; url: string }; noindex: true };
  }
}

export const redirectViews: ViewBuilder = (factory) =>
  factory.sections.flatMap((section) =>
    [...section.posts, ...section.pages.values()].flatMap((document): View[] =>
      document.aliases.map((from) =>
        factory.make(
          section,
          "redirect",
          { url: from, redirect: document.url, target: { title: document.title, url: document.url }, noindex: true },
          { title: section.strings.t("redirect.title", { title: document.title, from }), description: section.strings.t("redirect.description", { title: document.title }) },
        ),
      ),
    ),
  );

/** Old address → current address, for every alias of the published site (server redirect maps read this). */
export function redirectPairs(views: View[]): { from: string; to: string }[] {
  return views.flatMap((view) => (view.type === "redirect" ? [{ from: view.url, to: view.redirect }] : []));
}
