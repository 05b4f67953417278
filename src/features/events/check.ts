// Checks what an event file links to (each announcement names a post that exists), and its rows in the translation table.
import type { Content } from "../../core/content/types.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { EventSource } from "./load.ts";
import type { Language } from "../../core/content/schema.ts";
import type { TranslationRow } from "../../core/check/translations.ts";
import { msg } from "../../core/i18n/message.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";

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
