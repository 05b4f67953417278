// Metadata for search engines and sharing: JSON-LD on every page (Open Graph tags are in partials/meta.njk), the sitemaps and robots.txt.
import { defineFeature } from "../../core/feature.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { templateOutput } from "../../core/render/pages.ts";
import type { View } from "../../core/model/types.ts";
import { SITEMAP_INDEX_URL, sitemapOutputs } from "./sitemaps.ts";
import { jsonForScript, structuredData } from "./structured-data.ts";

export default defineFeature({
  name: "meta",
  filters: {
    jsonLd(view: View) {
      return jsonForScript(structuredData(view, modelFrom(this)));
    },
  },
  outputs: (model, _context, templates) => [
    ...sitemapOutputs(model),
    templateOutput(model, templates, {
      url: "/robots.txt",
      type: "text/plain",
      template: "views/robots.txt.njk",
      data: { sitemapIndex: SITEMAP_INDEX_URL },
      origin: { feature: "meta" },
    }),
  ],
});
