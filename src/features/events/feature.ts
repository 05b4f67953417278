// Events: one YAML file each in _data/events/, an agenda and a page per event, iCalendar files and schedule.json, announced by posts.
import type { ModelBuilder } from "../../core/contract.ts";
import { newest } from "../../core/dates/newest.ts";
import { defineFeature } from "../../core/feature.ts";
import type { Post } from "../../core/model/types.ts";
import { msg } from "../../core/i18n/message.ts";
import { checkEventEnds, checkEventLinks, eventTranslations } from "./check.ts";
import { eventCalendar, sessionCalendar } from "./ics.ts";
import { EVENTS_FOLDER, type EventSource, loadEvents } from "./load.ts";
import { EVENTS } from "./entries.ts";
import { EVENTS_COLLECTION, linkEvents } from "./model.ts";
import { eventOver, leavesCalendar } from "./timing.ts";
import { EVENTS_PATH } from "./routes.ts";
import { scheduleJson } from "./schedule.ts";
import { eventStructuredData } from "./structured-data.ts";
import { agendaCalendarOutput, eventSections } from "./subscription.ts";
import { type EventView, eventViews } from "./views.ts";

const eventsOf = (model: { content: ModelBuilder["content"] }) =>
  (model.content.data.get("events") as EventSource[] | undefined) ?? [];

/** An announcement is featured until the last of the events it announces is over. */
function announcedUntil(post: Post, model: ModelBuilder) {
  const announced = eventsOf(model).filter((event) => event.announcements.includes(post.translationKey));
  return newest(...announced.map(eventOver));
}

export default defineFeature<EventSource[]>({
  name: "events",
  // A post announcing an event; the newest is featured on the home page until its event is over.
  kinds: [{ name: "announcement", featured: true, featuredUntil: announcedUntil }],
  paths: [EVENTS_PATH],
  watch: [EVENTS_FOLDER],
  load: (context, content, problems) => loadEvents(context.root, content.site, content.languages, problems),
  collections: (events) => [
    {
      name: EVENTS_COLLECTION,
      itemName: msg`an event`,
      expected: msg`the name of a file in ${EVENTS_FOLDER}/ without .yaml`,
      items: new Map(
        events.map((event) => [event.id, { file: event.file, traits: event.official ? ["official"] : [] }]),
      ),
      describe: (edition, id) => EVENTS.get(edition)?.find((event) => event.id === id),
    },
  ],
  check: (content, events) => [...checkEventLinks(content, events), ...checkEventEnds(events)],
  translations: eventTranslations,
  // An event moves to the past events once it is over, and leaves the agenda calendar later: a scheduled build must run then.
  nextChange: (model) =>
    (model.data("events") as EventSource[])
      .flatMap((event) => [eventOver(event), leavesCalendar(event)])
      .filter((moment) => moment > model.now)
      .sort((a, b) => a.toMillis() - b.toMillis())[0],
  link: linkEvents,
  views: eventViews,
  sections: eventSections,
  structuredData: { event: (view, model) => eventStructuredData((view as EventView).event, model) },
  outputs: (model) =>
    Object.values(model.editions).flatMap((edition) => [
      agendaCalendarOutput(edition, model),
      ...EVENTS.require(edition).flatMap((event) => {
        const origin = { feature: "events", file: event.source.file };
        return [
          {
            url: event.calendarUrl,
            type: "text/calendar",
            origin,
            produce: () => eventCalendar(event, edition, model),
          },
          ...event.days
            .flatMap((day) => day.sessions)
            .map((session) => ({
              url: session.calendarUrl,
              type: "text/calendar",
              origin,
              produce: () => sessionCalendar(event, session, edition, model),
            })),
          // A programme for conference apps only when there is a programme.
          ...(event.days.length
            ? [
                {
                  url: event.scheduleUrl,
                  type: "application/json",
                  origin,
                  produce: () => scheduleJson(event, edition, model),
                },
              ]
            : []),
        ];
      }),
    ]),
});
