// The core's indexes of published posts: each post's URL, tags, translations and neighbours; topics and years per edition.
import type { DateTime } from "luxon";
import type { Registry } from "../contract.ts";
import type { Language } from "../content/schema.ts";
import type { PostSource } from "../content/types.ts";
import { slugify } from "../content/slug.ts";
import type { Routes } from "../i18n/routes.ts";
import type { Strings } from "../i18n/strings.ts";
import { typeset } from "../typography/french.ts";
import type { Edition, HeldBack, Post, Tag, TagRef, YearGroup } from "./types.ts";

export function byNewest(a: { date: DateTime; file: string }, b: { date: DateTime; file: string }): number {
  return b.date.toMillis() - a.date.toMillis() || a.file.localeCompare(b.file);
}

/** Whether a post is under embargo at the build's clock. */
export function isEmbargoed(post: PostSource, now: DateTime): boolean {
  return post.embargo !== undefined && post.embargo > now;
}

/** The one place where drafts and embargoes are applied: every output reads the posts this lets through. */
export function isPublished(post: PostSource, now: DateTime, includeDrafts: boolean): boolean {
  return includeDrafts || (!post.draft && !isEmbargoed(post, now));
}

/** Posts under embargo at the build's clock, soonest first: the build says which one it is holding back next. */
export function heldBack(posts: PostSource[], now: DateTime): HeldBack[] {
  return posts
    .filter((post) => !post.draft && isEmbargoed(post, now))
    .map((post) => ({ file: post.file, until: post.embargo as DateTime }))
    .sort((a, b) => a.until.toMillis() - b.until.toMillis());
}

export function toPost(source: PostSource, routes: Routes, strings: Strings, now: DateTime, registry: Registry): Post {
  const { body, ...fields } = source;
  const tagRefs = new Map<string, TagRef>();
  for (const name of source.tags) {
    const slug = slugify(name);
    if (slug && !tagRefs.has(slug))
      tagRefs.set(slug, { name: typeset(name, source.lang), slug, url: routes.tag(slug) });
  }
  return {
    ...fields,
    ...(registry.kind(source.kind)?.keepsSource ? { body } : {}),
    url: routes.document(source.slug),
    author: source.author ?? strings.t("site.author"),
    tags: [...tagRefs.values()],
    translations: [],
    embargoed: isEmbargoed(source, now),
    ext: {},
  };
}

export function buildTags(posts: Post[], lang: string): Tag[] {
  const tags = new Map<string, Tag>();
  for (const post of posts) {
    for (const ref of post.tags) {
      let tag = tags.get(ref.slug);
      if (!tag) tags.set(ref.slug, (tag = { ...ref, posts: [] }));
      tag.posts.push(post);
    }
  }
  const collator = new Intl.Collator(lang);
  return [...tags.values()].sort((a, b) => collator.compare(a.name, b.name));
}

export function buildYears(posts: Post[]): YearGroup[] {
  const years = new Map<number, Post[]>();
  for (const post of posts) {
    const list = years.get(post.date.year) ?? [];
    list.push(post);
    years.set(post.date.year, list);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, posts: list }));
}

/** Published posts of every language by translationKey, in the order of the editions (the default language first). */
export function postsByKey(editions: Edition[]): Map<string, Post[]> {
  const byKey = new Map<string, Post[]>();
  for (const edition of editions) {
    for (const post of edition.posts) {
      const group = byKey.get(post.translationKey);
      if (group) group.push(post);
      else byKey.set(post.translationKey, [post]);
    }
  }
  return byKey;
}

/** Links every post to its translations and neighbours; one pass over maps, no page walks every other page. */
export function linkPosts(editions: Edition[], byKey: Map<string, Post[]>, languages: Map<string, Language>): void {
  for (const edition of editions) {
    edition.posts.forEach((post, index) => {
      const newer = edition.posts[index - 1];
      const older = edition.posts[index + 1];
      post.next = newer && { title: newer.title, url: newer.url };
      post.previous = older && { title: older.title, url: older.url };
    });
  }
  for (const group of byKey.values()) {
    for (const post of group) {
      post.translations = group
        .filter((other) => other !== post)
        .map((other) => ({
          lang: other.lang,
          languageName: languages.get(other.lang)?.name ?? other.lang,
          title: other.title,
          url: other.url,
        }));
    }
  }
}
