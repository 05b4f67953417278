// The agenda one subscribes to, per language: its file (every upcoming and recent event), its webcal:// and https:// links, and the blocks it adds to the home and Subscribe pages.
import type { DateTime } from "luxon";
import type { ModelBuilder, PageSection, SiteModel } from "../../core/contract.ts";
import { newest } from "../../core/dates/newest.ts";
import type { Edition } from "../../core/model/types.ts";
import type { Output } from "../../core/output/output.ts";
import { EVENTS, type EventEntry } from "./entries.ts";
import { agendaCalendar } from "./ics.ts";
import { eventRoutes } from "./routes.ts";
import { leavesCalendar } from "./timing.ts";

/** How many upcoming events the home page shows. */
const HOME_EVENTS = 3;
/** How often calendar apps should fetch the agenda again. */
const REFRESH_SECONDS = 3 * 60 * 60;

/** The agenda calendar's address, both ways: webcal:// makes calendar apps subscribe, https:// is to copy into them. */
export interface CalendarLinks {
  url: string;
  https: string;
  webcal: string;
}

export function calendarLinks(edition: Edition, model: Pick<ModelBuilder, "absoluteUrl">): CalendarLinks {
  const url = eventRoutes(edition.routes).calendar;
  const https = model.absoluteUrl(url);
  return { url, https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** The events the agenda calendar holds at the build's clock: upcoming ones, and those over for less than a few months. */
export function calendarEvents(events: readonly EventEntry[], now: DateTime): EventEntry[] {
  return events.filter((event) => leavesCalendar(event.source) > now);
}

export function agendaCalendarOutput(edition: Edition, model: SiteModel): Output {
  const t = (key: string) => edition.strings.t(key);
  const links = calendarLinks(edition, model);
  return {
    url: links.url,
    type: "text/calendar",
    origin: { feature: "events", file: "_data/events" },
    produce: () =>
      agendaCalendar(calendarEvents(EVENTS.require(edition), model.now), edition, model, {
        name: `${t("calendar.name")} — ${t("site.title")}`,
        description: t("calendar.description"),
        source: links.https,
        url: model.absoluteUrl(eventRoutes(edition.routes).agenda),
        ttlSeconds: REFRESH_SECONDS,
      }),
  };
}

/** What the events add to other features' pages. */
export const eventSections: Record<string, (edition: Edition, model: ModelBuilder) => PageSection | undefined> = {
  // The next events first: what a reader can do next.
  home: (edition, model) => {
    const upcoming = EVENTS.require(edition)
      .filter((event) => !event.past)
      .slice(0, HOME_EVENTS);
    return {
      template: "partials/home-events.njk",
      data: {
        events: upcoming,
        agendaUrl: eventRoutes(edition.routes).agenda,
        calendar: calendarLinks(edition, model),
      },
      lastmod: newest(...upcoming.map((event) => event.source.updated)),
    };
  },
  subscribe: (edition, model) => ({
    template: "partials/agenda-subscribe.njk",
    data: { calendar: calendarLinks(edition, model) },
  }),
};
