// The blog: the root language choice, each language's home, posts, pages, lists, topics, archive and 404, and the server's language map.
import { defineFeature } from "../../core/feature.ts";
import { templateOutput } from "../../core/render/pages.ts";
import { blogViews } from "./views.ts";

export default defineFeature({
  name: "blog",
  views: blogViews,
  // `/` sends each reader to their language's home (deploy/nginx.conf includes this map).
  outputs: (model, _context, templates) => [
    templateOutput(model, templates, {
      url: "/_server/languages.map",
      type: "text/plain",
      compress: false,
      template: "server/nginx-languages.map.njk",
      origin: { feature: "blog", file: "_data/languages.yaml" },
    }),
  ],
});
