// Checks that no alias takes an address the site publishes: a page, a feed, a calendar, a press file, a topic to come.
import type { LoadedContent } from "../../core/content/load.ts";
import type { Problem } from "../../core/content/problems.ts";
import { slugify } from "../../core/content/slug.ts";
import { publishedFiles } from "../../core/model/addresses.ts";
import type { SiteModel } from "../../core/model/site-model.ts";
import { type KnownAddress, aliasCollisions, collisionMessage } from "./aliases.ts";

/** Topic pages and feeds of every post, embargoed ones too: an alias must not break the build that publishes them. */
function topicsToCome(content: LoadedContent, model: SiteModel): KnownAddress[] {
  return content.posts.flatMap((post) => {
    const routes = model.sections[post.lang]?.routes;
    if (!routes) return [];
    return post.tags.map(slugify).filter((slug) => slug.length > 0).flatMap((slug) => [
      { url: routes.tag(slug), what: "a topic page of the site" },
      { url: routes.feeds().tag(slug), what: "a topic feed of the site" },
    ]);
  });
}

export function checkAliasAddresses(content: LoadedContent, model: SiteModel): Problem[] {
  const known: KnownAddress[] = [
    ...model.views.filter((view) => view.type !== "redirect").map((view) => ({ url: view.url, what: "a page of the site itself" })),
    ...publishedFiles(model).map((url) => ({ url, what: "a file of the site itself" })),
    ...topicsToCome(content, model),
  ];
  const claims = [...content.posts, ...content.pages].flatMap((document) => document.aliases.map((alias) => ({ file: document.file, line: document.lines.aliases, alias })));
  return aliasCollisions(claims, known).map((collision) => ({ file: collision.claim.file, field: "aliases", line: collision.claim.line, severity: "error", message: collisionMessage(collision) }));
}
