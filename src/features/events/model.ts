// Events in the published model: each language's entries, linked to the posts that announce them and to those that answer official ones.
import type { ModelBuilder } from "../../core/contract.ts";
import type { Post } from "../../core/model/types.ts";
import { EVENTS, type PostRef } from "./entries.ts";
import { EntryBuilder } from "./entry-builder.ts";
import type { EventSource } from "./load.ts";

/** For each key, its post in `lang`, or else in the first language that has it. */
function postsFor(
  keys: Iterable<string>,
  byKey: ReadonlyMap<string, Post[]>,
  lang: string,
  names: Map<string, string>,
): PostRef[] {
  return [...new Set(keys)].flatMap((key) => {
    const versions = byKey.get(key) ?? [];
    const post = versions.find((p) => p.lang === lang) ?? versions[0];
    if (!post) return [];
    return [
      {
        title: post.title,
        url: post.url,
        lang: post.lang,
        foreign: post.lang !== lang,
        languageName: names.get(post.lang) ?? post.lang,
        date: post.date,
      },
    ];
  });
}

/** Gives every language its events, linked to the posts that announce them and, for official ones, the posts that answer them. */
export function linkEvents(model: ModelBuilder, events: EventSource[]): void {
  const [defaultEdition] = model.editions;
  if (!defaultEdition) return;
  const names = new Map(model.editions.map((e) => [e.language.code, e.language.name]));
  const ordered = [...events].sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.id.localeCompare(b.id));
  for (const edition of model.editions) {
    const builder = new EntryBuilder(edition, defaultEdition.language.code);
    const lang = edition.language.code;
    EVENTS.set(
      edition,
      ordered.map((event) => ({
        ...builder.event(event, model.context.now),
        announcements: postsFor(event.announcements, model.byKey, lang, names),
        answers: event.official
          ? postsFor(
              model.referrers(EVENTS_COLLECTION, event.id).map((post) => post.translationKey),
              model.byKey,
              lang,
              names,
            )
          : [],
      })),
    );
  }
}

/** The name under which posts reference events (a rebuttal's `events:`). */
export const EVENTS_COLLECTION = "events";
