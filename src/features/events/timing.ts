// When an event is over: at its end, or without one at the end of its last day (tract never guesses an end time).
import type { DateTime } from "luxon";
import type { EventSource } from "./load.ts";

/** The start of the event's last day: its end's, or its last session's, or its start's. */
export function lastDay(event: EventSource): DateTime {
  return [event.end ?? event.start, ...event.sessions.map((s) => s.end ?? s.start)]
    .reduce((a, b) => (b > a ? b : a))
    .startOf("day");
}

/** The moment an event is over: its end, or without one the end of its last day (tract never guesses an end time). */
export function eventOver(event: EventSource): DateTime {
  return event.end && !event.allDay ? event.end : lastDay(event).endOf("day");
}

/** How long an event stays in the agenda one subscribes to once it is over: recent events, then only upcoming ones. */
export const RECENT_IN_CALENDAR = { months: 3 } as const;

/** The moment an event leaves the agenda calendar (a scheduled build removes it then). */
export function leavesCalendar(event: EventSource): DateTime {
  return eventOver(event).plus(RECENT_IN_CALENDAR);
}
