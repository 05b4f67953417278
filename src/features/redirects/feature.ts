// Renamed posts and pages: their old addresses (aliases) become pages that send readers on, and server redirect maps (nginx, `_redirects`).
import { defineFeature } from "../../core/feature.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { templateOutput } from "../../core/render/pages.ts";
import { aliasFields } from "./fields.ts";
import { redirectPairs, redirectViews } from "./views.ts";

/** The forms a browser may ask for an old address in: with and without the final slash, and its index.html. */
function variants(from: string): string[] {
  if (!from.endsWith("/")) return [from];
  return [from, from.slice(0, -1), `${from}index.html`].filter((path) => path.length > 0);
}

const SERVER_FILES = { "nginx-redirects.map": "/_server/redirects.map", "redirects.txt": "/_redirects" };

export default defineFeature({
  name: "redirects",
  postFields: aliasFields,
  pageFields: aliasFields,
  claims: (document) => aliasFields.of(document).aliases.map((url) => ({ url, field: "aliases" })),
  views: redirectViews,
  filters: {
    redirectPairs() {
      return redirectPairs(modelFrom(this).views).flatMap(({ from, to }) => variants(from).map((path) => ({ from: path, to })));
    },
  },
  outputs: (model, _context, templates) =>
    Object.entries(SERVER_FILES).map(([template, url]) => templateOutput(model, templates, { url, type: "text/plain", compress: false, template: `server/${template}.njk`, origin: { feature: "redirects" } })),
});
