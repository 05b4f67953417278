// Two posts never share a feed entry id: a reader would show one and hide the other, or show a post twice.
import { msg } from "../../core/i18n/message.ts";
import { quote } from "../../core/content/problems.ts";
import type { Problem } from "../../core/content/problems.ts";
import type { Content, PostSource } from "../../core/content/types.ts";
import { findDuplicates } from "../../core/model/checks.ts";
import { entryId, idHost } from "./feed-id.ts";
import { feedFields } from "./fields.ts";

/**
 * Posts in the order their feed entry ids are checked: derived ids only repeat where a translationKey does (reported
 * on its own), so one post per key, then the posts that pin an `id:`, which are the ones reported when it is taken.
 */
function idHolders(posts: PostSource[]): PostSource[] {
  const pinned = (post: PostSource) => feedFields.of(post).id !== undefined;
  const derived = new Map(
    posts.filter((post) => !pinned(post)).map((post) => [`${post.lang}/${post.translationKey}`, post]),
  );
  return [...derived.values(), ...posts.filter(pinned)];
}

export function checkEntryIds(content: Content): Problem[] {
  const host = idHost(content.site);
  return findDuplicates(
    idHolders(content.posts),
    (post) => entryId({ ...post, id: feedFields.of(post).id }, host),
    (post, first, id) => ({
      file: post.file,
      field: "id",
      line: post.lines.id,
      severity: "error",
      message: msg`feed entry id ${quote(id)} is already used by ${first.file} (expected an id of its own for each post: change or remove the id: field of one of them)`,
    }),
  );
}
