// The agenda's addresses in one language: /fr/agenda/, its calendar, /fr/agenda/<id>/ and each event's calendars and programme.
import type { Routes } from "../../core/i18n/routes.ts";

export const EVENTS_PATH = "events";

export function eventRoutes(routes: Routes) {
  const agenda = routes.path(EVENTS_PATH);
  const event = (id: string) => `${agenda}${id}/`;
  return {
    agenda,
    event,
    /** The calendar one subscribes to: every upcoming and recent event and session. */
    calendar: `${agenda}agenda.ics`,
    /** An event's calendar, one calendar per session, and its programme for conference apps. */
    files: (id: string) => ({
      calendar: `${event(id)}${id}.ics`,
      session: (session: string) => `${event(id)}sessions/${session}.ics`,
      schedule: `${event(id)}schedule.json`,
    }),
  };
}
