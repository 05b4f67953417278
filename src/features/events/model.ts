// Events in the published model: per language, with texts picked, times formatted, posts linked, and upcoming or past decided once from the build clock.
import type { DateTime } from "luxon";
import type { Edition, Post } from "../../core/model/types.ts";
import type { ModelBuilder } from "../../core/contract.ts";
import { Slot } from "../../core/slots.ts";
import { eventRoutes } from "./routes.ts";
import { type LocalText, type Localized, pick } from "./localized.ts";
import type { EventSource } from "./load.ts";
import type { Session, SessionType } from "./schema.ts";
import { typeset } from "../../core/typography/french.ts";
import { formatDay, formatTime, formatWhen, isoTime, languageName, zoneName } from "./format.ts";

/** A post linked from an event page: in the page's language, or else in the language it exists in (`foreign`). */
export interface PostRef {
  title: string;
  url: string;
  lang: string;
  /** In another language than the page's: named by `languageName`, in that language. */
  foreign: boolean;
  languageName: string;
  date: DateTime;
}

export interface Speaker {
  name?: string | undefined;
  organisation?: string | undefined;
  tentative: boolean;
  /** For plain-text outputs (calendars, schedule.json): "Barth (Extinction Rebellion)", "Solidaires / Sud (à confirmer)". */
  label: string;
}

export interface SessionEntry {
  id: string;
  /** The programme row's id, for links to one session. */
  anchor: string;
  start: DateTime;
  end?: DateTime | undefined;
  startIso: string;
  endIso?: string | undefined;
  /** "13:00" or "13:00 – 14:00", in the event's zone. */
  time: string;
  title: LocalText;
  /** The title in the language spoken, when the page is in another one. */
  originalTitle?: LocalText | undefined;
  description?: LocalText | undefined;
  note?: LocalText | undefined;
  type: SessionType;
  /** The language spoken (the session's, else the event's), when known. */
  language?: string | undefined;
  speakers: Speaker[];
  calendarUrl: string;
  /** The name a browser saves the session's calendar under. */
  calendarFile: string;
}

export interface ProgrammeDay {
  /** The day as YYYY-MM-DD, for `<time datetime>`. */
  iso: string;
  label: string;
  sessions: SessionEntry[];
}

export interface PlaceEntry {
  name?: LocalText | undefined;
  directions?: LocalText | undefined;
  street?: string | undefined;
  postalCode?: string | undefined;
  locality: string;
  country?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  /** A plain link to OpenStreetMap: the point when coordinates are known, else a search for the address. */
  mapUrl?: string | undefined;
}

/** One event as a page in one language shows it. */
export interface EventEntry {
  source: EventSource;
  id: string;
  url: string;
  title: LocalText;
  description: LocalText;
  official: boolean;
  status: EventSource["status"];
  /** Over at the build's clock: decided here, once, for every output. */
  past: boolean;
  allDay: boolean;
  start: DateTime;
  end?: DateTime | undefined;
  /** The start of its last day, in its zone. */
  lastDay: DateTime;
  startIso: string;
  when: string;
  /** The language spoken, named in the page's language, when it is known and not the page's. */
  spokenLanguage?: string | undefined;
  zoneName: string;
  place: PlaceEntry;
  organisers: { name: string; url?: string | undefined }[];
  externalUrl?: string | undefined;
  days: ProgrammeDay[];
  calendarUrl: string;
  calendarFile: string;
  scheduleUrl: string;
  announcements: PostRef[];
  /** For official events: the posts that answer it (rebuttals naming it in their `events:`). */
  answers: PostRef[];
}

/** Every event, soonest first, as one language's pages show it (on each edition). */
export const EVENTS = new Slot<EventEntry[]>("events");

/** The start of the event's last day: its end's, or its last session's, or its start's. */
function lastDay(event: EventSource): DateTime {
  return [event.end ?? event.start, ...event.sessions.map((s) => s.end ?? s.start)].reduce((a, b) => (b > a ? b : a)).startOf("day");
}

/** The moment an event is over: its end, or without one the end of its last day (tract never guesses an end time). */
export function eventOver(event: EventSource): DateTime {
  return event.end && !event.allDay ? event.end : lastDay(event).endOf("day");
}

/** For each key, its post in `lang`, or else in the first language that has it. */
function postsFor(keys: Iterable<string>, byKey: ReadonlyMap<string, Post[]>, lang: string, names: Map<string, string>): PostRef[] {
  return [...new Set(keys)].flatMap((key) => {
    const versions = byKey.get(key) ?? [];
    const post = versions.find((p) => p.lang === lang) ?? versions[0];
    if (!post) return [];
    return [{ title: post.title, url: post.url, lang: post.lang, foreign: post.lang !== lang, languageName: names.get(post.lang) ?? post.lang, date: post.date }];
  });
}

function mapUrl(place: EventSource["place"], defaultLanguage: string): string | undefined {
  if (place.lat !== undefined && place.lon !== undefined) return `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=18/${place.lat}/${place.lon}`;
  // A town alone is no help on a map.
  if (!place.name && !place.street) return undefined;
  const query = [place.name?.[defaultLanguage], place.street, [place.postalCode, place.locality].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

class EntryBuilder {
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
    return { name, organisation, tentative, label: tentative ? `${who} (${this.edition.strings.t("event.tentative")})` : who };
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
      originalTitle: original && original !== title.text && language ? { text: original, lang: language, foreign: true } : undefined,
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
      spokenLanguage: event.language && event.language !== this.lang ? languageName(event.language, this.locale) : undefined,
      zoneName: zoneName(event.start, this.locale),
      place: { ...place, name: this.text(place.name), directions: this.text(place.directions), mapUrl: mapUrl(place, this.defaultLanguage) },
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
        answers: event.official ? postsFor(model.referrers(EVENTS_COLLECTION, event.id).map((post) => post.translationKey), model.byKey, lang, names) : [],
      })),
    );
  }
}

/** The name under which posts reference events (a rebuttal's `events:`). */
export const EVENTS_COLLECTION = "events";
