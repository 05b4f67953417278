// An event's times and programme read from its file: each time in the event's zone, each session on the event's days, each id once.
import type { z } from "zod";
import type { DateTime } from "luxon";
import { quote } from "../../core/content/problems.ts";
import { slugify } from "../../core/content/slug.ts";
import { parseContentDate } from "../../core/dates/parse.ts";
import { DATE_ONLY, type RawEvent, type Session, UNKNOWN_END } from "./fields.ts";
import { sessionName } from "./numbered.ts";
import { type Message, msg } from "../../core/i18n/message.ts";
import { addProblem } from "../../core/content/schema.ts";

type Context = z.RefinementCtx;

/** Reads a date or time in `zone`. */
export function readTime(
  raw: unknown,
  zone: string,
  path: (string | number)[],
  ctx: Context,
  expected: Message = msg`2025-02-08 or 2025-02-08T13:00`,
): DateTime | undefined {
  const result =
    raw === undefined
      ? { ok: false as const, message: msg`missing (expected ${expected})` }
      : parseContentDate(raw, zone, false, expected);
  if (result.ok) return result.value;
  addProblem(ctx, result.message, path, raw);
  return undefined;
}

export const isDateOnly = (raw: unknown) => typeof raw === "string" && DATE_ONLY.test(raw);
export const shown = (time: DateTime, dateOnly: boolean) =>
  dateOnly ? time.toISODate() : time.toISO({ suppressMilliseconds: true, suppressSeconds: true, includeOffset: false });

/** The event's days, in its zone: from its first to its last (inclusive). */
function eventDays(start: DateTime, end: DateTime | undefined) {
  return { first: start.startOf("day"), last: (end ?? start).endOf("day") };
}

export function readSessions(
  raw: RawEvent,
  start: DateTime,
  end: DateTime | undefined,
  allDay: boolean,
  defaultLanguage: string,
  ctx: Context,
): Session[] {
  const zone = raw.timezone;
  const days = eventDays(start, end);
  const oneDay = days.first.hasSame(days.last, "day");
  const dayText = oneDay
    ? msg`on ${days.first.toISODate() ?? ""}`
    : msg`between ${days.first.toISODate() ?? ""} and ${days.last.toISODate() ?? ""}`;
  const seen = new Map<string, number>();
  const sessions: Session[] = [];
  raw.sessions.forEach((session, index) => {
    const report = (field: string, message: Message, input: unknown) =>
      addProblem(ctx, message, ["sessions", index, field], input);
    const id = session.id ?? slugify(session.title[defaultLanguage] ?? "");
    if (!id) {
      report(
        "title",
        msg`${quote(session.title[defaultLanguage])} gives no id: it has no letter or digit to make one from (expected \`id:\`, e.g. id: ouverture)`,
        session.title,
      );
      return;
    }
    const first = seen.get(id);
    if (first !== undefined)
      report(
        session.id ? "id" : "title",
        msg`gives the id ${quote(id)}, already used by ${sessionName(first)} (expected an id of its own: add \`id:\` to one of them)`,
        id,
      );
    seen.set(id, index);
    const sessionStart = readTime(
      session.start,
      zone,
      ["sessions", index, "start"],
      ctx,
      msg`a date-time, e.g. 2025-02-08T13:00`,
    );
    const endUnknown = session.end === UNKNOWN_END;
    const sessionEnd =
      session.end === undefined || endUnknown
        ? undefined
        : readTime(session.end, zone, ["sessions", index, "end"], ctx, msg`a date-time, e.g. 2025-02-08T14:00`);
    if (!sessionStart) return;
    if (isDateOnly(session.start)) {
      report(
        "start",
        msg`${quote(session.start)} has no time (expected a date-time, e.g. ${start.toISODate() ?? ""}T13:00)`,
        session.start,
      );
      return;
    }
    if (sessionStart < days.first || sessionStart > days.last) {
      report(
        "start",
        msg`${quote(session.start)} is not ${oneDay ? msg`on the event's day` : msg`during the event's days`} (expected a time ${dayText}, in ${zone})`,
        session.start,
      );
    } else if (!allDay && sessionStart < start) {
      report(
        "start",
        msg`${quote(session.start)} is before the event's start (expected ${shown(start, false) ?? ""} or later)`,
        session.start,
      );
    } else if (!allDay && end && sessionStart > end) {
      report(
        "start",
        msg`${quote(session.start)} is after the event's end (expected ${shown(end, false) ?? ""} or earlier)`,
        session.start,
      );
    }
    if (sessionEnd && sessionEnd <= sessionStart) {
      report(
        "end",
        msg`${quote(session.end)} is not after the session's start (expected a time after ${shown(sessionStart, false) ?? ""})`,
        session.end,
      );
    } else if (sessionEnd && (allDay ? sessionEnd > days.last : end && sessionEnd > end)) {
      report(
        "end",
        allDay
          ? msg`${quote(session.end)} is after the event's end (expected a time ${dayText})`
          : msg`${quote(session.end)} is after the event's end (expected ${shown(end as DateTime, false) ?? ""} or earlier)`,
        session.end,
      );
    }
    sessions.push({ ...session, id, start: sessionStart, end: sessionEnd, endUnknown, index });
  });
  return sessions.sort((a, b) => a.start.toMillis() - b.start.toMillis());
}
