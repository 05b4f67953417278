// Feed entry ids: a post's own `id:` or one derived from what never changes with edits (host, first date, language, translationKey).
import { msg } from "../../core/i18n/message.ts";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../../core/content/schema.ts";

/** RFC 4151 tag URI: tag:<host or email>,<YYYY[-MM[-DD]]>:<anything URI-safe>. */
const TAG_URI =
  /^tag:(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|[\w.+-]+@[a-z0-9.-]+),\d{4}(?:-\d{2}(?:-\d{2})?)?:[\w\-.~!$&'()*+,;=:@/?%]*$/i;

export const ENTRY_ID_EXPECTATION = msg`a tag: URI such as tag:example.org,2025-01-13:fr/ia-charbon, or an absolute URL such as the post's first address`;

/** Whether `value` can be a feed entry id: a tag: URI, or an absolute http(s) URL. */
export function isEntryId(value: string): boolean {
  if (TAG_URI.test(value)) return true;
  if (/\s/.test(value)) return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The host name in derived ids: `feedIdHost`, kept when the site moves, or the site's own host. */
export function idHost(site: Pick<SiteConfig, "url" | "feedIdHost">): string {
  return site.feedIdHost ?? new URL(site.url).hostname;
}

export interface IdentifiedPost {
  id?: string | undefined;
  date: DateTime;
  lang: string;
  translationKey: string;
}

/**
 * A post's entry id, the same in Atom `<id>`, RSS `<guid>` and JSON Feed `id`. Derived from the first
 * publication date and the translationKey, so editing the title, the slug or the text never changes it.
 */
export function entryId(post: IdentifiedPost, host: string): string {
  return post.id ?? `tag:${host},${post.date.toISODate()}:${post.lang}/${post.translationKey}`;
}
