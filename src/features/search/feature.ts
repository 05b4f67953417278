// Search: a page per language that searches the published site with Pagefind, in the reader's browser, from the site's own origin only.
import { defineFeature } from "../../core/feature.ts";
import type { ModelBuilder } from "../../core/contract.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import type { Edition, Tag } from "../../core/model/types.ts";
import { Slot } from "../../core/slots.ts";
import { searchFields } from "./fields.ts";
import { SearchIndex } from "./pagefind-index.ts";
import { BUNDLE_PATH } from "./bundle.ts";
import { policyMapOutput } from "./policy.ts";
import { type SearchScript, loadSearchScript, searchScriptOutput } from "./script.ts";

/** The search page's section name in addresses (`paths.search` in the strings files). */
const SEARCH_PATH = "search";

/** On each edition: its search page, for the navigation and the 404 pages. */
const SEARCH_PAGE = new Slot<{ url: string }>("search");
/** On the model: where the search page's script and Pagefind's bundle are. */
const SEARCH_FILES = new Slot<{ script: string; bundle: string }>("search");

function searchViews(factory: ViewFactory, model: ModelBuilder) {
  const everyLanguage = factory.everyLanguage((edition) => SEARCH_PAGE.get(edition)?.url);
  return model.editions.map((edition) =>
    factory.make(
      edition,
      "search",
      // A form, without content of its own for search engines: kept out of the sitemaps.
      // What the page offers without JavaScript is in the view, so that the page is made again when it changes.
      {
        url: SEARCH_PAGE.require(edition).url,
        noindex: true,
        topics: mostUsedTopics(edition).map(({ name, url }) => ({ name, url })),
        years: edition.years.map(({ year }) => year),
      },
      { title: edition.strings.t("search.title"), description: edition.strings.t("search.description") },
      everyLanguage,
    ),
  );
}

/** Topics the page without JavaScript offers first: those with the most posts. */
const TOPICS_OFFERED = 8;

function mostUsedTopics(edition: Edition): Tag[] {
  return [...edition.tags].sort((a, b) => b.posts.length - a.posts.length).slice(0, TOPICS_OFFERED);
}

export default defineFeature<SearchScript>({
  name: "search",
  paths: [SEARCH_PATH],
  postFields: searchFields,
  pageFields: searchFields,
  load: () => loadSearchScript(),
  link(model, script) {
    for (const edition of model.editions) SEARCH_PAGE.set(edition, { url: edition.routes.path(SEARCH_PATH) });
    SEARCH_FILES.set(model, { script: script.url, bundle: BUNDLE_PATH });
  },
  views: searchViews,
  derive: (_model, context) => [new SearchIndex(context)],
  outputs: (model, _context, _templates, script) => [
    searchScriptOutput(script),
    policyMapOutput(model.languages.map((language) => SEARCH_PAGE.require(model.edition(language.code)).url)),
  ],
});
