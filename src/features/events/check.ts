// Checks of the event files against the content: each announcement names a post that exists; a timed event or session has an end.
import type { Content } from "../../core/content/types.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { EventSource } from "./load.ts";
import { sessionName } from "./numbered.ts";

const WHY_AN_END =
  "calendar apps then show it lasting all day, an hour or no time at all, and schedule.json gives it a duration of 00:00";

/**
 * Warns about a timed event or session without `end:`: tract never guesses one, so the collective should write it,
 * or `end: unknown` when the organisers gave none.
 */
export function checkEventEnds(events: EventSource[]): Problem[] {
  return events.flatMap((event): Problem[] => {
    if (event.allDay || event.endUnknown) return [];
    const warning = (field: string, subject: string, example: string): Problem => ({
      file: event.file,
      field,
      severity: "warning",
      message: `${subject}missing: ${WHY_AN_END} (expected end: ${example}, or end: unknown when the organisers announced none)`,
    });
    const example = (start: EventSource["start"]) => start.plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
    return [
      ...(event.end ? [] : [warning("end", "", example(event.start))]),
      ...event.sessions.flatMap((session) =>
        session.end || session.endUnknown
          ? []
          : [warning(`sessions.${session.index}.end`, `${sessionName(session.index)}: `, example(session.start))],
      ),
    ];
  });
}

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
