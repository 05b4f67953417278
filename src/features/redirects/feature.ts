// Renamed posts and pages: their old addresses (aliases) become pages that send readers on, and server redirect maps (nginx, `_redirects`).
import { defineFeature } from "../../core/feature.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { templateOutput } from "../../core/render/pages.ts";
import { addressForms } from "../../core/model/checks.ts";
import { TOPICS_TO_COME, checkAliasAddresses, topicsToCome } from "./collisions.ts";
import { aliasFields } from "./fields.ts";
import { redirectPairs, redirectViews } from "./views.ts";

const SERVER_FILES = { "nginx-redirects.map": "/_server/redirects.map", "redirects.txt": "/_redirects" };

export default defineFeature({
  name: "redirects",
  postFields: aliasFields,
  pageFields: aliasFields,
  claims: (document) => aliasFields.of(document).aliases.map((url) => ({ url, field: "aliases" })),
  views: redirectViews,
  link: (model) => TOPICS_TO_COME.set(model, topicsToCome(model)),
  checkOutputs: (outputs, model) => checkAliasAddresses(outputs, TOPICS_TO_COME.get(model) ?? []),
  filters: {
    redirectPairs() {
      // Every form a browser may ask for an old address in: with and without the final slash, and its index.html.
      return redirectPairs(modelFrom(this).views).flatMap(({ from, to }) =>
        addressForms(from).map((path) => ({ from: path, to })),
      );
    },
  },
  outputs: (model, _context, templates) =>
    Object.entries(SERVER_FILES).map(([template, url]) =>
      templateOutput(model, templates, {
        url,
        type: "text/plain",
        compress: false,
        template: `server/${template}.njk`,
        origin: { feature: "redirects" },
      }),
    ),
});
