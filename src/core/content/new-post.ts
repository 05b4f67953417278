// The source of a new post (`npm run new`): front matter filled in (the core's fields and what each feature adds for its kind), draft: true, placeholders in the post's language.
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import type { Registry } from "../contract.ts";
import type { SiteConfig } from "./schema.ts";
import { slugify } from "./slug.ts";
import type { Strings } from "../i18n/strings.ts";

export interface NewPost {
  kind: string;
  lang: string;
  title: string;
  /** The build clock's now, in the site's time zone. */
  now: DateTime;
  site: SiteConfig;
  strings: Strings;
  /** translationKeys already taken, in any language. */
  takenKeys: Set<string>;
  /** Set when translating: the piece's key, tags and body to translate from. */
  translationOf?:
    { translationKey: string; tags: string[]; body: string; languageName: string; description: string } | undefined;
}

/** A key no other piece has: the slug, or the slug with -2, -3… */
export function freeKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** Keeps `-->` in the source text from closing the comment early. */
function asComment(text: string): string {
  return text.replace(/-->/g, "-- >");
}

export function newPostSource(
  post: NewPost,
  registry: Registry,
): { slug: string; translationKey: string; source: string } {
  const slug = slugify(post.title);
  const translationKey = post.translationOf?.translationKey ?? freeKey(slug, post.takenKeys);
  const answerHeading = post.strings.t("new.answerHeading");
  const scaffold = {
    kind: post.kind,
    lang: post.lang,
    now: post.now,
    translationKey,
    strings: post.strings,
    answerId: slugify(answerHeading),
    site: post.site,
  };
  const frontMatter: Record<string, unknown> = {
    title: post.title,
    date: post.now.toFormat("yyyy-MM-dd'T'HH:mm"),
    description: post.translationOf?.description ?? post.strings.t("new.description"),
    kind: post.kind,
    translationKey,
    slug,
    tags: post.translationOf?.tags ?? [],
    ...Object.assign({}, ...registry.features.map((feature) => feature.scaffold?.(scaffold) ?? {})),
    draft: true,
  };
  const body = [
    post.kind === "rebuttal" ? `## ${answerHeading}\n\n${post.strings.t("new.body")}` : post.strings.t("new.body"),
    ...(post.translationOf
      ? [
          `<!--\n${post.strings.t("new.translateFrom", { language: post.translationOf.languageName })}\n\n${asComment(post.translationOf.body.trim())}\n-->`,
        ]
      : []),
  ].join("\n\n");
  return {
    slug,
    translationKey,
    source: `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}\n`,
  };
}
