// The schema of an event file (_data/events/<id>.yaml): its fields validated, its times read in the event's zone, its sessions checked.
import { z } from "zod";
import { quote } from "../../core/content/problems.ts";
import { type EventData, type EventSchemaOptions, UNKNOWN_END, rawSchema } from "./fields.ts";
import { isDateOnly, readSessions, readTime, shown } from "./sessions.ts";
import { msg } from "../../core/i18n/message.ts";
import { addProblem } from "../../core/content/schema.ts";

/** An event file: times written without an offset are read in the event's `timezone` (the site's by default). */
export function eventSchema(options: EventSchemaOptions) {
  return rawSchema(options).transform((raw, ctx): EventData => {
    const zone = raw.timezone;
    const endUnknown = raw.end === UNKNOWN_END;
    const start = readTime(raw.start, zone, ["start"], ctx);
    const end = raw.end === undefined || endUnknown ? undefined : readTime(raw.end, zone, ["end"], ctx);
    const updated = readTime(
      raw.updated,
      zone,
      ["updated"],
      ctx,
      msg`the day this file last changed, e.g. 2025-01-27 (calendar apps use it to spot changes)`,
    );
    if (!start || !updated || (raw.end !== undefined && !endUnknown && !end)) return z.NEVER;
    const allDay = isDateOnly(raw.start);
    if (end && isDateOnly(raw.end) !== allDay) {
      const message = allDay
        ? msg`${quote(raw.end)} has a time but start has none (expected a date, e.g. ${start.toISODate() ?? ""}, for a whole-day event)`
        : msg`${quote(raw.end)} has no time but start has one (expected a date-time, e.g. ${start.toISODate() ?? ""}T18:00)`;
      addProblem(ctx, message, ["end"], raw.end);
      return z.NEVER;
    }
    if (end && (allDay ? end < start : end <= start)) {
      addProblem(
        ctx,
        allDay
          ? msg`${quote(raw.end)} is before start (expected a date on or after ${shown(start, allDay) ?? ""})`
          : msg`${quote(raw.end)} is before start (expected a time after ${shown(start, allDay) ?? ""})`,
        ["end"],
        raw.end,
      );
      return z.NEVER;
    }
    const sessions = readSessions(raw, start, end, allDay, options.languages[0] ?? "", ctx);
    return { ...raw, start, end, endUnknown, allDay, updated, sessions };
  });
}
