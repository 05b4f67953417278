// The schema of an event file (_data/events/<id>.yaml): texts, times in the event's zone, place, organisers, sessions.
import { z } from "zod";
import type { DateTime } from "luxon";
import { expecting, languageCode, slug, strictBoolean, text, timeZone } from "../../core/content/schema.ts";
import { quote } from "../../core/content/problems.ts";
import { slugify } from "../../core/content/slug.ts";
import { parseContentDate } from "../../core/dates/parse.ts";
import { localizedSchema } from "./localized.ts";
import { numbered, sessionName } from "./numbered.ts";

export const EVENT_STATUSES = ["scheduled", "cancelled", "postponed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const SESSION_TYPES = ["talk", "round-table", "workshop", "other"] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

export interface EventSchemaOptions {
  /** The site's zone: the default of `timezone:`. */
  zone: string;
  /** Declared language codes, the default one first. */
  languages: string[];
}

const webAddress = (expected: string) => z.url({ protocol: /^https?$/, error: expecting(expected, "a web address") });

/** A name alone (`- Anti-Tech Resistance`) or a mapping with more about it. */
function nameOr<T extends z.ZodObject>(object: T, expected: string) {
  return z.union([text(expected).transform((name) => ({ name })), object], { error: expecting(expected, "a name or a mapping") });
}

function rawSchema({ zone, languages }: EventSchemaOptions) {
  const localized = (expected: string) => localizedSchema(expected, languages);
  const speaker = nameOr(
    z
      .strictObject({
        name: text("the speaker's name").optional(),
        organisation: text("the speaker's organisation, e.g. Extinction Rebellion").optional(),
        /** Announced but not confirmed yet. */
        tentative: strictBoolean.default(false),
      })
      .refine((value) => value.name || value.organisation, { error: "has neither name nor organisation (expected at least one of them)" }),
    "a speaker: a name, or { name: …, organisation: … }",
  );
  const session = z.strictObject(
    {
      id: slug("a short stable name for the session, used in calendar UIDs and addresses, e.g. ia-et-extractivisme").optional(),
      start: moment("a date-time, e.g. 2025-02-08T13:00"),
      end: z.unknown().optional(),
      title: localized("the session's title"),
      description: localized("a sentence or two about the session").optional(),
      note: localized("a short remark shown with the speakers, e.g. other groups to be announced").optional(),
      type: z.enum(SESSION_TYPES, { error: expecting(`one of ${SESSION_TYPES.join(", ")}`, "a known type") }).default("talk"),
      /** The language spoken, when it differs from the event's. */
      language: languageCode.optional(),
      speakers: z.array(speaker, { error: expecting("a list of speakers", "a list") }).default([]),
    },
    { error: expecting("a session with start and title", "a session") },
  );
  const place = z
    .strictObject(
      {
        name: localized("the venue's name, e.g. Grand Palais").optional(),
        /** Where exactly to meet, when the venue alone does not say it. */
        directions: localized("where exactly to meet, e.g. in front of the main entrance").optional(),
        street: text("the street address, e.g. 5 parvis Alan-Turing").optional(),
        postalCode: text("the postal code, e.g. 75013").optional(),
        locality: text("the town or city, e.g. Paris"),
        country: z.string({ error: expecting("a two-letter country code, e.g. FR", "a country code") }).regex(/^[A-Z]{2}$/, { error: (issue) => `${quote(issue.input)} is not a country code (expected two capital letters, e.g. FR)` }).optional(),
        lat: z.number({ error: expecting("a latitude in degrees, e.g. 48.8661", "a latitude") }).min(-90).max(90).optional(),
        lon: z.number({ error: expecting("a longitude in degrees, e.g. 2.3125", "a longitude") }).min(-180).max(180).optional(),
      },
      { error: expecting("a place with at least its locality, e.g. { name: Grand Palais, locality: Paris }", "a place") },
    )
    .refine((value) => (value.lat === undefined) === (value.lon === undefined), { error: "has only one of lat and lon (expected both, or neither: the map link then searches the address)", path: ["lat"] });
  const organiser = nameOr(z.strictObject({ name: text("the organiser's name"), url: webAddress("the organiser's web site").optional() }), "an organiser: a name, or { name: …, url: … }");

  return z.strictObject({
    title: localized("the event's title"),
    description: localized("a one- or two-sentence summary, used in lists, meta tags and calendars"),
    /** An event the collective answers (an official summit): its page lists the rebuttals that answer it. */
    official: strictBoolean.default(false),
    status: z.enum(EVENT_STATUSES, { error: expecting(`one of ${EVENT_STATUSES.join(", ")}`, "a known status") }).default("scheduled"),
    timezone: timeZone.default(zone),
    start: moment("2025-02-08 or 2025-02-08T13:00"),
    end: z.unknown().optional(),
    updated: moment("the day this file last changed, e.g. 2025-01-27 (calendar apps use it to spot changes)"),
    /** The language spoken, when known. */
    language: languageCode.optional(),
    /** The event's own page elsewhere (the organisers' announcement, an official site). */
    url: webAddress("the address of the event's own page, e.g. https://…").optional(),
    place,
    organisers: z.array(organiser, { error: expecting("a list of organisers", "a list") }).default([]),
    /** Posts announcing the event, by translationKey. */
    announcements: z.array(slug("the translationKey of a post announcing the event"), { error: expecting("a list of translationKeys, e.g. [contre-sommet-2025]", "a list") }).default([]),
    sessions: z.array(z.unknown(), { error: expecting("a list of sessions, each starting with `- start:`", "a list") }).transform(numbered(session)).default([]),
  }, { error: (issue) => (issue.code === "invalid_type" ? "is not a list of `field: value` lines (expected an event: title, description, start, updated, place…)" : undefined) });
}

/** A date or time, read once the event's time zone is known; here only its presence is checked. */
const moment = (expected: string) => z.unknown().nonoptional({ error: `missing (expected ${expected})` });

type RawEvent = z.output<ReturnType<typeof rawSchema>>;
type RawSession = RawEvent["sessions"][number];

export interface Session extends Omit<RawSession, "id" | "start" | "end"> {
  id: string;
  start: DateTime;
  end?: DateTime | undefined;
}

export interface EventData extends Omit<RawEvent, "start" | "end" | "updated" | "sessions"> {
  start: DateTime;
  /** For a whole-day event, the last day (inclusive), at midnight. */
  end?: DateTime | undefined;
  /** Whole days, without times (written as dates only). */
  allDay: boolean;
  /** When the event's data last changed: calendars' DTSTAMP and LAST-MODIFIED. */
  updated: DateTime;
  sessions: Session[];
}

type Context = z.RefinementCtx;

/** Reads a date or time in `zone`; `subject` ("session 2") starts the message when the field is a session's. */
function readTime(raw: unknown, zone: string, path: (string | number)[], ctx: Context, expected = "2025-02-08 or 2025-02-08T13:00", subject?: string): DateTime | undefined {
  const result = raw === undefined ? { ok: false as const, message: `missing (expected ${expected})` } : parseContentDate(raw, zone);
  if (result.ok) return result.value;
  ctx.addIssue({ code: "custom", path, message: subject ? `${subject}: ${result.message}` : result.message, input: raw });
  return undefined;
}

const isDateOnly = (raw: unknown) => typeof raw === "string" && DATE_ONLY.test(raw);
const shown = (time: DateTime, dateOnly: boolean) => (dateOnly ? time.toISODate() : time.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: false }));

/** The event's days, in its zone: from its first to its last (inclusive). */
function eventDays(start: DateTime, end: DateTime | undefined) {
  return { first: start.startOf("day"), last: (end ?? start).endOf("day") };
}

function readSessions(raw: RawEvent, start: DateTime, end: DateTime | undefined, allDay: boolean, defaultLanguage: string, ctx: Context): Session[] {
  const zone = raw.timezone;
  const days = eventDays(start, end);
  const oneDay = days.first.hasSame(days.last, "day");
  const dayText = oneDay ? `on ${days.first.toISODate()}` : `between ${days.first.toISODate()} and ${days.last.toISODate()}`;
  const seen = new Map<string, number>();
  const sessions: Session[] = [];
  raw.sessions.forEach((session, index) => {
    const report = (field: string, message: string, input: unknown) => ctx.addIssue({ code: "custom", path: ["sessions", index, field], message: `${sessionName(index)}: ${message}`, input });
    const id = session.id ?? slugify(session.title[defaultLanguage] ?? "");
    if (!id) {
      report("title", `${quote(session.title[defaultLanguage])} gives no id: it has no letter or digit to make one from (expected \`id:\`, e.g. id: ouverture)`, session.title);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) report(session.id ? "id" : "title", `gives the id ${quote(id)}, already used by ${sessionName(first)} (expected an id of its own: add \`id:\` to one of them)`, id);
    seen.set(id, index);
    const sessionStart = readTime(session.start, zone, ["sessions", index, "start"], ctx, "a date-time, e.g. 2025-02-08T13:00", sessionName(index));
    const sessionEnd = session.end === undefined ? undefined : readTime(session.end, zone, ["sessions", index, "end"], ctx, "a date-time, e.g. 2025-02-08T14:00", sessionName(index));
    if (!sessionStart) return;
    if (isDateOnly(session.start)) {
      report("start", `${quote(session.start)} has no time (expected a date-time, e.g. ${start.toISODate()}T13:00)`, session.start);
      return;
    }
    if (sessionStart < days.first || sessionStart > days.last) {
      report("start", `${quote(session.start)} is not ${oneDay ? "on the event's day" : "during the event's days"} (expected a time ${dayText}, in ${zone})`, session.start);
    } else if (!allDay && sessionStart < start) {
      report("start", `${quote(session.start)} is before the event's start (expected ${shown(start, false)} or later)`, session.start);
    } else if (!allDay && end && sessionStart > end) {
      report("start", `${quote(session.start)} is after the event's end (expected ${shown(end, false)} or earlier)`, session.start);
    }
    if (sessionEnd && sessionEnd <= sessionStart) {
      report("end", `${quote(session.end)} is not after the session's start (expected a time after ${shown(sessionStart, false)})`, session.end);
    } else if (sessionEnd && (allDay ? sessionEnd > days.last : end && sessionEnd > end)) {
      report("end", `${quote(session.end)} is after the event's end (expected ${allDay ? `a time ${dayText}` : `${shown(end as DateTime, false)} or earlier`})`, session.end);
    }
    sessions.push({ ...session, id, start: sessionStart, end: sessionEnd });
  });
  return sessions.sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** An event file: times written without an offset are read in the event's `timezone` (the site's by default). */
export function eventSchema(options: EventSchemaOptions) {
  return rawSchema(options).transform((raw, ctx): EventData => {
    const zone = raw.timezone;
    const start = readTime(raw.start, zone, ["start"], ctx);
    const end = raw.end === undefined ? undefined : readTime(raw.end, zone, ["end"], ctx);
    const updated = readTime(raw.updated, zone, ["updated"], ctx, "the day this file last changed, e.g. 2025-01-27 (calendar apps use it to spot changes)");
    if (!start || !updated || (raw.end !== undefined && !end)) return z.NEVER;
    const allDay = isDateOnly(raw.start);
    if (end && isDateOnly(raw.end) !== allDay) {
      const message = allDay
        ? `${quote(raw.end)} has a time but start has none (expected a date, e.g. ${start.toISODate()}, for a whole-day event)`
        : `${quote(raw.end)} has no time but start has one (expected a date-time, e.g. ${start.toISODate()}T18:00)`;
      ctx.addIssue({ code: "custom", path: ["end"], message, input: raw.end });
      return z.NEVER;
    }
    if (end && (allDay ? end < start : end <= start)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: `${quote(raw.end)} is before start (expected ${allDay ? "a date on or after" : "a time after"} ${shown(start, allDay)})`, input: raw.end });
      return z.NEVER;
    }
    const sessions = readSessions(raw, start, end, allDay, options.languages[0] ?? "", ctx);
    return { ...raw, start, end, allDay, updated, sessions };
  });
}
