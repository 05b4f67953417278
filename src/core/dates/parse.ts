// Reads ISO 8601 dates from content; a date or time written without an offset is in the site's time zone.
import { DateTime } from "luxon";

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const DATE_EXPECTATION = "expected 2025-02-08 or 2025-02-08T13:00+01:00";

export type DateResult = { ok: true; value: DateTime } | { ok: false; message: string };

const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Reads a date; with `requireOffset`, only a date-time with an explicit offset is accepted (embargo times must be unambiguous). */
export function parseContentDate(raw: unknown, zone: string, requireOffset = false): DateResult {
  if (typeof raw !== "string") {
    return { ok: false, message: `${JSON.stringify(raw)} is not a date (${DATE_EXPECTATION})` };
  }
  const text = raw.trim();
  const parsed = ISO_SHAPE.test(text) ? DateTime.fromISO(text.replace(" ", "T"), { zone }) : undefined;
  if (!parsed?.isValid) {
    return { ok: false, message: `${JSON.stringify(raw)} is not a date (${DATE_EXPECTATION})` };
  }
  if (requireOffset && !HAS_OFFSET.test(text)) {
    return { ok: false, message: `${JSON.stringify(raw)} has no time zone offset (expected a date-time with its offset, e.g. 2025-02-07T09:00+01:00)` };
  }
  return { ok: true, value: parsed };
}

/** Whether a time zone name is one the runtime knows (e.g. Europe/Paris). */
export function isKnownZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The build's clock: now, or TRACT_NOW for previews and tests. */
export function buildClock(env: NodeJS.ProcessEnv = process.env): DateTime {
  const forced = env.TRACT_NOW;
  if (!forced) return DateTime.now();
  const parsed = DateTime.fromISO(forced, { setZone: true });
  if (!parsed.isValid) {
    throw new Error(`TRACT_NOW: ${JSON.stringify(forced)} is not a date-time (expected e.g. 2025-02-07T09:00+01:00)`);
  }
  return parsed;
}
