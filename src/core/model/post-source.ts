// A post's Markdown source in the published model: kept only for the kinds whose other outputs are made from it.
import type { Post } from "./types.ts";

/** Press releases become PDF and Markdown files; rebuttals are split by section. */
export const KINDS_MADE_FROM_SOURCE = new Set<Post["kind"]>(["press-release", "rebuttal"]);

/** A post's Markdown source, for the kinds that keep it (see Post.body). */
export function sourceOf(post: Post): string {
  if (post.body === undefined) throw new Error(`${post.file}: the Markdown source of a ${post.kind} is not kept in the model`);
  return post.body;
}
