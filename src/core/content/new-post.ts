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
  /** The last part of its address; the title made a slug by default. */
  slug?: string | undefined;
  /** The build clock's now, in the site's time zone. */
  now: DateTime;
  site: SiteConfig;
  strings: Strings;
  /** translationKeys already taken, in any language. */
  takenKeys: Set<string>;
  /** Each feature's data, for what it adds to a new post (the topics give a translation its tags). */
  data: ReadonlyMap<string, unknown>;
  /** Set when translating: the piece's key, language, tags and texts to translate from. */
  translationOf?:
    | {
        translationKey: string;
        lang: string;
        tags: string[];
        title: string;
        description: string;
        body: string;
        languageName: string;
      }
    | undefined;
}

/** Characters a copied text brings that nobody typed: no-break and narrow no-break spaces, zero-width marks, soft hyphens. */
const INVISIBLE_SPACES = /[\u00A0\u2007\u202F\u2000-\u200A]/g;
const INVISIBLE_MARKS = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** A title or slug as typed or pasted, without the invisible characters copied text carries (the build typesets anew). */
export function plainText(text: string): string {
  return text.replace(INVISIBLE_MARKS, "").replace(INVISIBLE_SPACES, " ").replace(/\s+/g, " ").trim();
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

/** The text to translate from, in a comment the build refuses to publish (the writer deletes it once done). */
function sourceComment(post: NewPost): string[] {
  const source = post.translationOf;
  if (!source) return [];
  const heading = post.strings.t("new.translateFrom", { language: source.languageName });
  const texts = [`title: ${source.title}`, `description: ${source.description}`, "", source.body.trim()];
  return [`<!--\n${heading}\n\n${asComment(texts.join("\n"))}\n-->`];
}

export function newPostSource(
  post: NewPost,
  registry: Registry,
): { slug: string; translationKey: string; source: string } {
  const slug = post.slug ?? slugify(post.title);
  const translationKey = post.translationOf?.translationKey ?? freeKey(slug, post.takenKeys);
  const scaffold = {
    kind: post.kind,
    lang: post.lang,
    now: post.now,
    translationKey,
    strings: post.strings,
    site: post.site,
    translating: post.translationOf && { from: post.translationOf.lang, tags: post.translationOf.tags },
  };
  const added = registry.features.map((feature) => feature.scaffold?.(scaffold, post.data.get(feature.name)) ?? {});
  const frontMatter: Record<string, unknown> = {
    title: post.title,
    date: post.now.toFormat("yyyy-MM-dd'T'HH:mm"),
    description: post.strings.t("new.description"),
    kind: post.kind,
    translationKey,
    slug,
    tags: post.translationOf?.tags ?? [],
    ...Object.assign({}, ...added.map((part) => part.fields ?? {})),
    draft: true,
  };
  const body = [added.find((part) => part.body)?.body ?? post.strings.t("new.body"), ...sourceComment(post)].join(
    "\n\n",
  );
  return {
    slug,
    translationKey,
    source: `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}\n`,
  };
}
