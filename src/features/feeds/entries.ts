// One feed entry per published post, shared by every feed and format: its stable id, its text made safe for XML, its dates.
import type { PictureService } from "../../core/media/picture-service.ts";
import type { Post } from "../../core/model/types.ts";
import { entryId } from "./feed-id.ts";
import { feedFields } from "./fields.ts";
import type { XmlSafeText } from "./xml.ts";

export interface FeedEntry {
  /** Atom `<id>`, RSS `<guid>`, JSON Feed `id`: never changes once the post is published. */
  id: string;
  lang: string;
  title: string;
  summary: string;
  /** The post's HTML as the loader rendered it; the feeds make its links absolute (`content`). */
  html: string;
  /** The post's page on the site (a path). */
  url: string;
  published: Date;
  updated: Date;
  author: string;
  categories: string[];
  /** The post's picture (its widest rendition when the site makes them), when it has one. */
  image?: string | undefined;
}

/**
 * With the site's pictures service, the entry starts with the post's own picture and its credit and licence, as the
 * page does, and its image is a rendition (never the full-resolution file).
 */
export function feedEntry(post: Post, host: string, text: XmlSafeText, pictures?: PictureService): FeedEntry {
  const clean = (value: string, field: string) => text.clean(value, post.file, field);
  const lead = pictures?.lead(post) ?? "";
  return {
    id: entryId({ ...post, id: feedFields.of(post).id }, host),
    lang: post.lang,
    title: clean(post.title, "title"),
    summary: clean(post.description, "description"),
    html: clean(`${lead}${post.html}`, "body"),
    url: post.url,
    published: post.date.toJSDate(),
    updated: (post.updated ?? post.date).toJSDate(),
    author: clean(post.author, "author"),
    categories: post.tags.map((tag) => clean(tag.name, "tags")),
    image: (post.image && pictures?.picture(post.image)?.widest.url) ?? post.image,
  };
}
