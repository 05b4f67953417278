// The newest of some dates: a page's `lastmod` is the newest date of what it shows (posts' updates, events' files).
import type { DateTime } from "luxon";

/** The newest of `dates`, those left undefined ignored; undefined when none is known. */
export function newest(...dates: (DateTime | undefined)[]): DateTime | undefined {
  return dates.reduce<DateTime | undefined>(
    (found, date) => (date && (!found || date > found) ? date : found),
    undefined,
  );
}

/** When a post last changed: its `updated:`, else its `date:`. */
export const changed = (post: { date: DateTime; updated?: DateTime | undefined }): DateTime =>
  post.updated ?? post.date;

/** The newest change among `posts`. */
export const newestPost = (
  posts: readonly { date: DateTime; updated?: DateTime | undefined }[],
): DateTime | undefined => newest(...posts.map(changed));
