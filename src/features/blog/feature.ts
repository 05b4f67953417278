// The blog: the root language choice, each language's home, posts, pages, lists, topics (paired across languages), archive and 404, and the server's language map.
import { defineFeature } from "../../core/feature.ts";
import { templateOutput } from "../../core/render/pages.ts";
import { TOPICS_FILE, type Topics, checkTopics, loadTopics } from "./topics.ts";
import { blogViews } from "./views.ts";

export default defineFeature<Topics>({
  name: "blog",
  watch: [TOPICS_FILE],
  load: (context, content, problems) =>
    loadTopics(
      context.root,
      content.languages.map((l) => l.code),
      problems,
    ),
  check: checkTopics,
  views: blogViews,
  // A translation's tags are the names the topics give them in its language.
  scaffold: ({ translating, lang }, topics) =>
    translating
      ? { fields: { tags: translating.tags.map((tag) => topics.translate(tag, translating.from, lang) ?? tag) } }
      : {},
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
