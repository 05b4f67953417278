// No old address (alias) takes an address the site publishes, in any form a server answers it in, or the name of a folder the site needs.
import type { Problem } from "../../core/content/problems.ts";
import { slugify } from "../../core/content/slug.ts";
import type { ModelBuilder } from "../../core/contract.ts";
import type { Output } from "../../core/output/output.ts";
import { Slot } from "../../core/slots.ts";
import { msg } from "../../core/i18n/message.ts";
import { type KnownAddress, aliasCollisions, collisionMessage } from "./aliases.ts";

/** On the model: topic pages of posts still held back (drafts, embargoes), which a later build will publish. */
export const TOPICS_TO_COME = new Slot<KnownAddress[]>("topicsToCome");

/** Topic pages of every post, embargoed ones too: an alias must not break the build that publishes them. */
export function topicsToCome(model: ModelBuilder): KnownAddress[] {
  const routes = new Map(model.editions.map((edition) => [edition.language.code, edition.routes]));
  return model.content.posts.flatMap((post) =>
    post.tags
      .map(slugify)
      .filter((slug) => slug.length > 0)
      .flatMap((slug) => {
        const languageRoutes = routes.get(post.lang);
        return languageRoutes ? [{ url: languageRoutes.tag(slug), what: msg`a topic page of the site` }] : [];
      }),
  );
}

/** Outputs made from an `aliases:` entry: the redirect pages. */
const fromAlias = (output: Output) => output.origin.field === "aliases";

export function checkAliasAddresses(outputs: readonly Output[], toCome: KnownAddress[]): Problem[] {
  const known = [
    ...outputs
      .filter((output) => !fromAlias(output))
      .map((output) => ({
        url: output.url,
        what: output.type === "text/html" ? msg`a page of the site itself` : msg`a file of the site itself`,
      })),
    ...toCome,
  ];
  const claims = outputs
    .filter(fromAlias)
    .map((output) => ({ file: output.origin.file ?? "", line: output.origin.line, alias: output.url }));
  return aliasCollisions(claims, known).map((collision) => ({
    file: collision.claim.file,
    field: "aliases",
    line: collision.claim.line,
    severity: "error" as const,
    message: collisionMessage(collision),
  }));
}
