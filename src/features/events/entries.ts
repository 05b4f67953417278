// What an event page shows of an event in one language: its texts picked, times formatted, place, programme and linked posts.
import type { DateTime } from "luxon";
import { Slot } from "../../core/slots.ts";
import type { LocalText } from "./localized.ts";
import type { EventSource } from "./load.ts";
import type { SessionType } from "./fields.ts";

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
