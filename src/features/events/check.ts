// Checks of the event files: each announcement names a post that exists, a timed event or session has an end; and their rows in the translation table.
import type { Content } from "../../core/content/types.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { EventSource } from "./load.ts";
import type { Language } from "../../core/content/schema.ts";
import type { TranslationRow } from "../../core/check/translations.ts";
import { msg } from "../../core/i18n/message.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";

/**
 * Warns about a timed event or session without `end:`: tract never guesses one, so the collective should write it,
 * or `end: unknown` when the organisers gave none.
 */
export function checkEventEnds(events: EventSource[]): Problem[] {
  return events.flatMap((event): Problem[] => {
    if (event.allDay || event.endUnknown) return [];
    const warning = (field: string, example: string): Problem => ({
      file: event.file,
      field,
      severity: "warning",
      message: msg`missing: calendar apps then show it lasting all day, an hour or no time at all, and schedule.json gives it a duration of 00:00 (expected end: ${example}, or end: unknown when the organisers announced none)`,
    });
    const example = (start: EventSource["start"]) => start.plus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm");
    return [
      ...(event.end ? [] : [warning("end", example(event.start))]),
      ...event.sessions.flatMap((session) =>
        session.end || session.endUnknown ? [] : [warning(`sessions.${session.index}.end`, example(session.start))],
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
              message: msg`${quote(key)} is not the translationKey of any post${didYouMean(key, keys)} (expected the translationKey of a post in posts/ announcing this event)`,
            },
          ],
    ),
  );
}

/** The translation table's rows for events: each language has its own title and description, or shows the default's. */
export function eventTranslations(events: EventSource[], languages: readonly Language[]): TranslationRow[] {
  const [defaultLanguage] = languages;
  return events.map((event) => ({
    kind: "event",
    key: event.id,
    cells: Object.fromEntries(
      languages.map((language) => {
        const lang = language.code;
        if (lang === defaultLanguage?.code) return [lang, { state: "source" as const, file: event.file }];
        return event.title[lang] !== undefined && event.description[lang] !== undefined
          ? [lang, { state: "present" as const, file: event.file }]
          : [lang, { state: "missing" as const, fix: msg`add ${lang}: under title and description in ${event.file}` }];
      }),
    ),
  }));
}
