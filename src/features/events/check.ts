// Checks what an event file links to: each announcement names a post (by translationKey) that exists.
import type { Content } from "../../core/content/types.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { EventSource } from "./load.ts";

export function checkEventLinks(content: Content, events: EventSource[]): Problem[] {
  // Every post counts, drafts and embargoed ones too: the link is shown once the post is published.
  const keys = new Set(content.posts.map((post) => post.translationKey));
  return events.flatMap((event) =>
    event.announcements.flatMap((key, index): Problem[] =>
      keys.has(key)
        ? []
        : [
            {
              file: event.file,
              field: `announcements.${index}`,
              severity: "error",
              message: `${quote(key)} is not the translationKey of any post (expected the translationKey of a post in posts/ announcing this event)`,
            },
          ],
    ),
  );
}
