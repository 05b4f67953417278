// The source of a new post (`npm run new`): front matter filled in, draft: true, placeholders in the post's language.
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import type { PostKind } from "./schema.ts";
import { slugify } from "./slug.ts";
import type { Strings } from "../i18n/strings.ts";
import { entryId } from "../../features/feeds/feed-id.ts";

export interface NewPost {
  kind: PostKind;
  lang: string;
  title: string;
  /** The build clock's now, in the site's time zone. */
  now: DateTime;
  /** Host for the feed entry id (see src/features/feeds/feed-id.ts). */
  idHost: string;
  strings: Strings;
  /** translationKeys already taken, in any language. */
  takenKeys: Set<string>;
  /** Set when translating: the piece's key, tags and body to translate from. */
  translationOf?: { translationKey: string; tags: string[]; body: string; languageName: string; description: string } | undefined;
}

/** A key no other piece has: the slug, or the slug with -2, -3… */
export function freeKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/** Front matter lines for what a kind needs: a press release's dateline, a rebuttal's claim and the section answering it. */
function kindLines(post: NewPost, answerId: string): Record<string, unknown> {
  const t = (key: string) => post.strings.t(key);
  if (post.kind === "press-release") return { dateline: "Paris" };
  if (post.kind === "rebuttal") {
    return { claims: [{ quote: t("new.claimQuote"), by: t("new.claimBy"), source: { name: t("new.claimSource"), url: "https://example.org/" }, accessed: post.now.toISODate(), answer: answerId }] };
  }
  return {};
}

/** Keeps `-->` in the source text from closing the comment early. */
function asComment(text: string): string {
  return text.replace(/-->/g, "-- >");
}

export function newPostSource(post: NewPost): { slug: string; translationKey: string; source: string } {
  const slug = slugify(post.title);
  const translationKey = post.translationOf?.translationKey ?? freeKey(slug, post.takenKeys);
  const date = post.now.toFormat("yyyy-MM-dd'T'HH:mm");
  const answerHeading = post.strings.t("new.answerHeading");
  const frontMatter: Record<string, unknown> = {
    title: post.title,
    date,
    description: post.translationOf?.description ?? post.strings.t("new.description"),
    kind: post.kind,
    translationKey,
    slug,
    // The feed entry id, fixed now so that later edits of the title, slug or date never change it.
    id: entryId({ date: post.now, lang: post.lang, translationKey }, post.idHost),
    tags: post.translationOf?.tags ?? [],
    ...kindLines(post, slugify(answerHeading)),
    draft: true,
  };
  const body = [
    post.kind === "rebuttal" ? `## ${answerHeading}\n\n${post.strings.t("new.body")}` : post.strings.t("new.body"),
    ...(post.translationOf ? [`<!--\n${post.strings.t("new.translateFrom", { language: post.translationOf.languageName })}\n\n${asComment(post.translationOf.body.trim())}\n-->`] : []),
  ].join("\n\n");
  return { slug, translationKey, source: `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}\n` };
}
