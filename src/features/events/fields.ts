// The fields of an event file (_data/events/<id>.yaml) as written: texts, times, place, organisers, sessions; and the types they become.
import { type Message, issueText, msg } from "../../core/i18n/message.ts";
import { z } from "zod";
import type { DateTime } from "luxon";
import {
  expecting,
  languageCode,
  says,
  saysOf,
  slug,
  strictBoolean,
  text,
  timeZone,
} from "../../core/content/schema.ts";
import { quote } from "../../core/content/problems.ts";
import { localizedSchema } from "./localized.ts";
import { numbered } from "./numbered.ts";

export const EVENT_STATUSES = ["scheduled", "cancelled", "postponed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const SESSION_TYPES = ["talk", "round-table", "workshop", "other"] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
/** `end: unknown`: the organisers gave no end time (for an event, also for its sessions without an `end:`), so `check` does not ask for one. */
export const UNKNOWN_END = "unknown";

export interface EventSchemaOptions {
  /** The site's zone: the default of `timezone:`. */
  zone: string;
  /** Declared language codes, the default one first. */
  languages: string[];
}

const webAddress = (expected: Message) =>
  z.url({ protocol: /^https?$/, error: expecting(expected, msg`a web address`) });

/** A name alone (`- Anti-Tech Resistance`) or a mapping with more about it. */
function nameOr<T extends z.ZodObject>(object: T, expected: Message) {
  return z.union([text(expected).transform((name) => ({ name })), object], {
    error: expecting(expected, msg`a name or a mapping`),
  });
}

export function rawSchema({ zone, languages }: EventSchemaOptions) {
  const localized = (expected: Message) => localizedSchema(expected, languages);
  const speaker = nameOr(
    z
      .strictObject({
        name: text(msg`the speaker's name`).optional(),
        organisation: text(msg`the speaker's organisation, e.g. Extinction Rebellion`).optional(),
        /** Announced but not confirmed yet. */
        tentative: strictBoolean.default(false),
      })
      .refine(
        (value) => value.name || value.organisation,
        says(msg`has neither name nor organisation (expected at least one of them)`),
      ),
    msg`a speaker: a name, or { name: …, organisation: … }`,
  );
  const session = z.strictObject(
    {
      id: slug(
        msg`a short stable name for the session, used in calendar UIDs and addresses, e.g. ia-et-extractivisme`,
      ).optional(),
      start: moment(msg`a date-time, e.g. 2025-02-08T13:00`),
      end: z.unknown().optional(),
      title: localized(msg`the session's title`),
      description: localized(msg`a sentence or two about the session`).optional(),
      note: localized(msg`a short remark shown with the speakers, e.g. other groups to be announced`).optional(),
      type: z
        .enum(SESSION_TYPES, { error: expecting(msg`one of ${SESSION_TYPES.join(", ")}`, msg`a known type`) })
        .default("talk"),
      /** The language spoken, when it differs from the event's. */
      language: languageCode.optional(),
      speakers: z.array(speaker, { error: expecting(msg`a list of speakers`, msg`a list`) }).default([]),
    },
    { error: expecting(msg`a session with start and title`, msg`a session`) },
  );
  const place = z
    .strictObject(
      {
        name: localized(msg`the venue's name, e.g. Grand Palais`).optional(),
        /** Where exactly to meet, when the venue alone does not say it. */
        directions: localized(msg`where exactly to meet, e.g. in front of the main entrance`).optional(),
        street: text(msg`the street address, e.g. 5 parvis Alan-Turing`).optional(),
        postalCode: text(msg`the postal code, e.g. 75013`).optional(),
        locality: text(msg`the town or city, e.g. Paris`),
        country: z
          .string({ error: expecting(msg`a two-letter country code, e.g. FR`, msg`a country code`) })
          .regex(
            /^[A-Z]{2}$/,
            saysOf((input) => msg`${quote(input)} is not a country code (expected two capital letters, e.g. FR)`),
          )
          .optional(),
        lat: z
          .number({ error: expecting(msg`a latitude in degrees, e.g. 48.8661`, msg`a latitude`) })
          .min(-90, says(msg`is below -90 (expected a latitude in degrees, e.g. 48.8661)`))
          .max(90, says(msg`is above 90 (expected a latitude in degrees, e.g. 48.8661)`))
          .optional(),
        lon: z
          .number({ error: expecting(msg`a longitude in degrees, e.g. 2.3125`, msg`a longitude`) })
          .min(-180, says(msg`is below -180 (expected a longitude in degrees, e.g. 2.3125)`))
          .max(180, says(msg`is above 180 (expected a longitude in degrees, e.g. 2.3125)`))
          .optional(),
      },
      {
        error: expecting(
          msg`a place with at least its locality, e.g. { name: Grand Palais, locality: Paris }`,
          msg`a place`,
        ),
      },
    )
    .refine((value) => (value.lat === undefined) === (value.lon === undefined), {
      ...says(msg`has only one of lat and lon (expected both, or neither: the map link then searches the address)`),
      path: ["lat"],
    });
  const organiser = nameOr(
    z.strictObject({
      name: text(msg`the organiser's name`),
      url: webAddress(msg`the organiser's web site`).optional(),
    }),
    msg`an organiser: a name, or { name: …, url: … }`,
  );

  return z.strictObject(
    {
      title: localized(msg`the event's title`),
      description: localized(msg`a one- or two-sentence summary, used in lists, meta tags and calendars`),
      /** An event the collective answers (an official summit): its page lists the rebuttals that answer it. */
      official: strictBoolean.default(false),
      status: z
        .enum(EVENT_STATUSES, { error: expecting(msg`one of ${EVENT_STATUSES.join(", ")}`, msg`a known status`) })
        .default("scheduled"),
      timezone: timeZone.default(zone),
      start: moment(msg`2025-02-08 or 2025-02-08T13:00`),
      end: z.unknown().optional(),
      updated: moment(msg`the day this file last changed, e.g. 2025-01-27 (calendar apps use it to spot changes)`),
      /** The language spoken, when known. */
      language: languageCode.optional(),
      /** The event's own page elsewhere (the organisers' announcement, an official site). */
      url: webAddress(msg`the address of the event's own page, e.g. https://…`).optional(),
      place,
      organisers: z.array(organiser, { error: expecting(msg`a list of organisers`, msg`a list`) }).default([]),
      /** Posts announcing the event, by translationKey. */
      announcements: z
        .array(slug(msg`the translationKey of a post announcing the event`), {
          error: expecting(msg`a list of translationKeys, e.g. [contre-sommet-2025]`, msg`a list`),
        })
        .default([]),
      sessions: z
        .array(z.unknown(), { error: expecting(msg`a list of sessions, each starting with \`- start:\``, msg`a list`) })
        .transform(numbered(session))
        .default([]),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? issueText(
              msg`is not a list of \`field: value\` lines (expected an event: title, description, start, updated, place…)`,
            )
          : undefined,
    },
  );
}

/** A date or time, read once the event's time zone is known; here only its presence is checked. */
const moment = (expected: Message) => z.unknown().nonoptional(says(msg`missing (expected ${expected})`));

export type RawEvent = z.output<ReturnType<typeof rawSchema>>;
export type RawSession = RawEvent["sessions"][number];

export interface Session extends Omit<RawSession, "id" | "start" | "end"> {
  id: string;
  start: DateTime;
  end?: DateTime | undefined;
  /** `end: unknown`: known to have no announced end. */
  endUnknown: boolean;
  /** Its place in the file's list, from 0 (sessions are sorted by time; messages name them as written). */
  index: number;
}

export interface EventData extends Omit<RawEvent, "start" | "end" | "updated" | "sessions"> {
  start: DateTime;
  /** For a whole-day event, the last day (inclusive), at midnight. */
  end?: DateTime | undefined;
  /** `end: unknown`: the organisers announced no end, for the event nor for its sessions without one. */
  endUnknown: boolean;
  /** Whole days, without times (written as dates only). */
  allDay: boolean;
  /** When the event's data last changed: calendars' DTSTAMP and LAST-MODIFIED. */
  updated: DateTime;
  sessions: Session[];
}
