// The agenda's pages: per language, the agenda (upcoming events, then past ones) and one page per event.
import type { ViewFactory } from "../../core/model/views.ts";
import type { View } from "../../core/model/types.ts";
import { newest } from "../../core/dates/newest.ts";
import { EVENTS, type EventEntry } from "./entries.ts";
import { eventRoutes } from "./routes.ts";
import { type CalendarLinks, calendarLinks } from "./subscription.ts";
import type { ModelBuilder } from "../../core/contract.ts";

/** The agenda: upcoming events soonest first, then past events latest first. */
export interface AgendaView extends View {
  type: "events";
  upcoming: EventEntry[];
  past: EventEntry[];
  /** The agenda one subscribes to. */
  calendar: CalendarLinks;
}
export interface EventView extends View {
  type: "event";
  event: EventEntry;
}

export function eventViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const views: View[] = [];
  const agendas = factory.everyLanguage((e) => eventRoutes(e.routes).agenda);
  for (const edition of factory.editions) {
    const t = (key: string, values?: Record<string, string>) => edition.strings.t(key, values);
    const events = EVENTS.require(edition);
    const upcoming = events.filter((event) => !event.past);
    const past = events.filter((event) => event.past).reverse();
    views.push(
      factory.make(
        edition,
        "events",
        {
          url: eventRoutes(edition.routes).agenda,
          upcoming,
          past,
          calendar: calendarLinks(edition, model),
          schemaType: "CollectionPage",
          lastmod: newest(...events.map((event) => event.source.updated)),
        },
        { title: t("events.title"), description: t("events.description") },
        agendas,
      ),
    );
    for (const event of events) {
      const alternates = factory.everyLanguage((e) => eventRoutes(e.routes).event(event.id));
      views.push(
        factory.make(
          edition,
          "event",
          {
            url: event.url,
            event,
            origin: { feature: "events", file: event.source.file },
            // What the page shows: the event file, and the posts announcing or answering it.
            lastmod: newest(event.source.updated, ...[...event.announcements, ...event.answers].map((ref) => ref.date)),
          },
          { title: t("event.documentTitle", { title: event.title.text }), description: event.description.text },
          alternates,
        ),
      );
    }
  }
  return views;
}
