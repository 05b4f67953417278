// Builds the entries of one language's pages from the event files: texts in the page's language, times in the event's zone, the map link.
import type { DateTime } from "luxon";
import type { Edition } from "../../core/model/types.ts";
import { typeset } from "../../core/typography/french.ts";
import type { EventEntry, ProgrammeDay, SessionEntry, Speaker } from "./entries.ts";
import { formatDay, formatTime, formatWhen, isoTime, languageName, zoneName } from "./format.ts";
import type { EventSource } from "./load.ts";
import { type LocalText, type Localized, pick } from "./localized.ts";
import { eventOver, lastDay } from "./timing.ts";
import { eventRoutes } from "./routes.ts";
import type { Session } from "./fields.ts";

function mapUrl(place: EventSource["place"], defaultLanguage: string): string | undefined {
  if (place.lat !== undefined && place.lon !== undefined)
    return `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=18/${place.lat}/${place.lon}`;
  // A town alone is no help on a map.
  if (!place.name && !place.street) return undefined;
  const query = [
    place.name?.[defaultLanguage],
    place.street,
    [place.postalCode, place.locality].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

export class EntryBuilder {
  private readonly locale: string;
  private readonly lang: string;

  constructor(
    private readonly edition: Edition,
    private readonly defaultLanguage: string,
  ) {
    this.locale = edition.language.locale;
    this.lang = edition.language.code;
  }

  text(value: Localized): LocalText;
  text(value: Localized | undefined): LocalText | undefined;
  text(value: Localized | undefined): LocalText | undefined {
    return value && pick(value, this.lang, this.defaultLanguage);
  }

  speaker(given: { name?: string | undefined; organisation?: string | undefined; tentative?: boolean }): Speaker {
    const name = given.name && typeset(given.name, this.lang);
    const organisation = given.organisation && typeset(given.organisation, this.lang);
    const tentative = given.tentative ?? false;
    const who = name && organisation ? `${name} (${organisation})` : (name ?? organisation ?? "");
    return {
      name,
      organisation,
      tentative,
      label: tentative ? `${who} (${this.edition.strings.t("event.tentative")})` : who,
    };
  }

  session(event: EventSource, session: Session): SessionEntry {
    const language = session.language ?? event.language;
    const title = this.text(session.title);
    const original = language && language !== this.lang ? session.title[language] : undefined;
    const files = eventRoutes(this.edition.routes).files(event.id);
    return {
      id: session.id,
      anchor: `session-${session.id}`,
      start: session.start,
      end: session.end,
      startIso: isoTime(session.start, false),
      endIso: session.end && isoTime(session.end, false),
      time: formatTime(session, this.locale),
      title,
      originalTitle:
        original && original !== title.text && language ? { text: original, lang: language, foreign: true } : undefined,
      description: this.text(session.description),
      note: this.text(session.note),
      type: session.type,
      language,
      speakers: session.speakers.map((speaker) => this.speaker(speaker)),
      calendarUrl: files.session(session.id),
      calendarFile: `${event.id}-${session.id}.ics`,
    };
  }

  days(event: EventSource): ProgrammeDay[] {
    const days = new Map<string, ProgrammeDay>();
    for (const session of event.sessions) {
      const date = session.start.startOf("day");
      const iso = date.toISODate() ?? "";
      const day = days.get(iso) ?? { iso, label: formatDay(date, this.locale), sessions: [] };
      day.sessions.push(this.session(event, session));
      days.set(iso, day);
    }
    return [...days.values()];
  }

  event(event: EventSource, now: DateTime): EventEntry {
    const { strings } = this.edition;
    const routes = eventRoutes(this.edition.routes);
    const files = routes.files(event.id);
    const { place } = event;
    return {
      source: event,
      id: event.id,
      url: routes.event(event.id),
      title: this.text(event.title),
      description: this.text(event.description),
      official: event.official,
      status: event.status,
      past: eventOver(event) < now,
      allDay: event.allDay,
      start: event.start,
      end: event.end,
      lastDay: lastDay(event),
      startIso: isoTime(event.start, event.allDay),
      when: formatWhen(event, event.allDay, this.locale, strings),
      spokenLanguage:
        event.language && event.language !== this.lang ? languageName(event.language, this.locale) : undefined,
      zoneName: zoneName(event.start, this.locale),
      place: {
        ...place,
        name: this.text(place.name),
        directions: this.text(place.directions),
        mapUrl: mapUrl(place, this.defaultLanguage),
      },
      organisers: event.organisers.map((organiser) => ({ ...organiser, name: typeset(organiser.name, this.lang) })),
      externalUrl: event.url,
      days: this.days(event),
      calendarUrl: files.calendar,
      calendarFile: `${event.id}.ics`,
      scheduleUrl: files.schedule,
      announcements: [],
      answers: [],
    };
  }
}
