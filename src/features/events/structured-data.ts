// schema.org Event JSON-LD for an event page: its sessions as subEvent, place, organisers, status and attendance mode.
import type { SiteModel } from "../../core/contract.ts";
import type { EventEntry, Speaker } from "./entries.ts";

const STATUS: Record<EventEntry["status"], string> = {
  scheduled: "https://schema.org/EventScheduled",
  cancelled: "https://schema.org/EventCancelled",
  postponed: "https://schema.org/EventPostponed",
};

function place(event: EventEntry) {
  const { place } = event;
  return {
    "@type": "Place",
    name: place.name?.text ?? place.locality,
    address: {
      "@type": "PostalAddress",
      streetAddress: place.street,
      postalCode: place.postalCode,
      addressLocality: place.locality,
      addressCountry: place.country,
    },
    ...(place.lat !== undefined && place.lon !== undefined
      ? { geo: { "@type": "GeoCoordinates", latitude: place.lat, longitude: place.lon } }
      : {}),
  };
}

function performer(speaker: Speaker) {
  const organisation = speaker.organisation && { "@type": "Organization", name: speaker.organisation };
  return speaker.name
    ? { "@type": "Person", name: speaker.name, ...(organisation ? { affiliation: organisation } : {}) }
    : organisation;
}

/** A list, or nothing: schema.org and Google read an empty array as a property without value. */
const listOrNothing = <T>(items: T[]): T[] | undefined => (items.length ? items : undefined);

/**
 * The Event node; the page's own fields (context, url, inLanguage) come from the caller. A whole-day event ends on
 * its last day (its start's when it has no `end:`); an unknown end time is left out, never guessed.
 */
export function eventStructuredData(event: EventEntry, model: SiteModel): Record<string, unknown> {
  const shared = {
    eventStatus: STATUS[event.status],
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: place(event),
  };
  const sessions = event.days.flatMap((day) => day.sessions);
  return {
    "@type": "Event",
    name: event.title.text,
    description: event.description.text,
    startDate: event.startIso,
    endDate: event.allDay ? (event.end ?? event.start).toISODate() : event.end?.toISO({ suppressMilliseconds: true }),
    ...shared,
    image: model.absoluteUrl(model.site.image),
    organizer: listOrNothing(
      event.organisers.map((organiser) => ({ "@type": "Organization", name: organiser.name, url: organiser.url })),
    ),
    sameAs: event.externalUrl,
    subEvent: listOrNothing(
      sessions.map((session) => ({
        "@type": "Event",
        name: session.title.text,
        url: model.absoluteUrl(`${event.url}#${session.anchor}`),
        startDate: session.startIso,
        endDate: session.endIso,
        inLanguage: session.language,
        performer: listOrNothing(session.speakers.map(performer)),
        ...shared,
      })),
    ),
  };
}
