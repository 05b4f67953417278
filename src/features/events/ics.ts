// iCalendar files (RFC 5545) with ical-generator: an event and each of its sessions as VEVENTs, or one session alone, in one language.
import { ICalCalendar, ICalEventStatus, escape, type ICalEventData } from "ical-generator";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition } from "../../core/model/types.ts";
import type { EventEntry, SessionEntry } from "./entries.ts";

const STATUS: Record<EventEntry["status"], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
};

/** What every VEVENT of one language's calendars needs to know. */
interface CalendarContext {
  host: string;
  edition: Edition;
  absoluteUrl: (url: string) => string;
}

function contextFor(edition: Edition, model: SiteModel): CalendarContext {
  return { host: new URL(model.site.url).hostname, edition, absoluteUrl: (url) => model.absoluteUrl(url) };
}

/**
 * UIDs come from the event's id, the session's id and the site's host: the same in every language and every
 * build, so a calendar that imports the file twice updates its entries instead of doubling them.
 */
export function calendarUid(host: string, eventId: string, sessionId?: string): string {
  return `${sessionId ? `${eventId}.${sessionId}` : eventId}@${host}`;
}

/** LOCATION: the venue (or the town when it has no name) on the first line, then what else is known of the address. */
function location(event: EventEntry) {
  const { place } = event;
  const title = place.name?.text ?? place.locality;
  const town = [place.postalCode, place.name ? place.locality : undefined].filter(Boolean).join(" ");
  const address = [place.directions?.text, place.street, town].filter(Boolean).join(", ");
  return {
    title,
    ...(address ? { address } : {}),
    ...(place.lat !== undefined && place.lon !== undefined ? { geo: { lat: place.lat, lon: place.lon } } : {}),
  };
}

/**
 * Fields every VEVENT of the event shares. DTSTAMP and LAST-MODIFIED are the event file's `updated:`, never
 * the build's clock, so two builds of the same data give the same bytes.
 */
function shared(event: EventEntry): Partial<ICalEventData> {
  return {
    stamp: event.source.updated,
    lastModified: event.source.updated,
    location: location(event),
    status: STATUS[event.status],
  };
}

function eventData(event: EventEntry, context: CalendarContext): ICalEventData {
  const url = context.absoluteUrl(event.url);
  const organisers = event.organisers.length
    ? context.edition.strings.t("event.organisedBy", { names: event.organisers.map((o) => o.name).join(", ") })
    : undefined;
  return {
    ...shared(event),
    id: calendarUid(context.host, event.id),
    summary: event.title.text,
    description: [event.description.text, organisers, url].filter(Boolean).join("\n\n"),
    url,
    allDay: event.allDay,
    start: event.start,
    // A whole-day event's DTEND is the day after its last day (RFC 5545: the end is exclusive).
    end: event.allDay ? (event.end ?? event.start).plus({ days: 1 }) : event.end,
  };
}

function sessionData(event: EventEntry, session: SessionEntry, context: CalendarContext): ICalEventData {
  const url = context.absoluteUrl(`${event.url}#${session.anchor}`);
  const speakers = session.speakers.length
    ? context.edition.strings.t("event.withSpeakers", { names: session.speakers.map((s) => s.label).join(", ") })
    : undefined;
  return {
    ...shared(event),
    id: calendarUid(context.host, event.id, session.id),
    summary: session.title.text,
    description: [
      session.originalTitle?.text,
      speakers,
      session.note?.text,
      session.description?.text,
      event.title.text,
      url,
    ]
      .filter(Boolean)
      .join("\n\n"),
    url,
    start: session.start,
    end: session.end,
  };
}

/** What a calendar one subscribes to says besides its events: its own address and how often apps should fetch it. */
interface Subscription {
  source: string;
  url: string;
  description: string;
  ttlSeconds: number;
}

function calendar(
  name: string,
  context: CalendarContext,
  events: ICalEventData[],
  subscription?: Subscription,
): string {
  const lang = context.edition.language.code;
  // ical-generator writes NAME, X-WR-CALNAME and X-WR-CALDESC as given: escape their commas and semicolons here.
  const ics = new ICalCalendar({
    prodId: { company: context.host, product: "tract", language: lang.toUpperCase() },
    name: escape(name, false),
    ...(subscription
      ? {
          source: subscription.source,
          url: subscription.url,
          description: escape(subscription.description, false),
          ttl: subscription.ttlSeconds,
        }
      : {}),
    events,
  });
  // toString() folds lines at 75 octets with CRLF; RFC 5545 also ends the last line with CRLF.
  return `${ics.toString()}\r\n`;
}

function eventAndSessions(event: EventEntry, context: CalendarContext): ICalEventData[] {
  const sessions = event.days.flatMap((day) => day.sessions);
  return [eventData(event, context), ...sessions.map((session) => sessionData(event, session, context))];
}

/** The event and each session, in the edition's language. */
export function eventCalendar(event: EventEntry, edition: Edition, model: SiteModel): string {
  return calendar(event.title.text, contextFor(edition, model), eventAndSessions(event, contextFor(edition, model)));
}

/**
 * The agenda one subscribes to: `events` and their sessions, with the UIDs of the events' own files, so an event
 * imported from its page is updated by the subscription instead of doubled.
 */
export function agendaCalendar(
  events: EventEntry[],
  edition: Edition,
  model: SiteModel,
  subscription: Subscription & { name: string },
): string {
  const context = contextFor(edition, model);
  return calendar(
    subscription.name,
    context,
    events.flatMap((event) => eventAndSessions(event, context)),
    subscription,
  );
}

/** One session alone: the "add to calendar" file of a programme row. Same UID as in the event's calendar. */
export function sessionCalendar(event: EventEntry, session: SessionEntry, edition: Edition, model: SiteModel): string {
  const context = contextFor(edition, model);
  return calendar(session.title.text, context, [sessionData(event, session, context)]);
}
