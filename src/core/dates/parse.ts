// Reads ISO 8601 dates from content strictly; a date or time written without an offset is in the site's time zone.
import { DateTime, IANAZone } from "luxon";
import { type Message, msg } from "../i18n/message.ts";
import { BuildError } from "../content/problems.ts";

/**
 * A date, or a date and a time (seconds and fractions optional), then an optional offset: `Z`, `±HH:MM` or `±HHMM`
 * (RFC 3339 and ISO 8601 extended or basic). A bare `±HH` is not an offset here: it made `2030-02-07` read as
 * 2030-02 with the offset -07.
 */
const ISO_SHAPE =
  /^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<hour>[01]\d|2[0-3]):(?<minute>[0-5]\d)(?::[0-5]\d(?:\.\d{1,9})?)?(?<offset>Z|[+-]\d{2}:?\d{2})?)?$/;

const DATE_TIME_WITH_OFFSET = msg`a date, a time and an offset, e.g. 2025-02-07T09:00+01:00`;

/** The offsets in use on Earth: from UTC−12:00 (Baker Island) to UTC+14:00 (Line Islands). */
const OFFSET_RANGE = { min: -12 * 60, max: 14 * 60 };

export type DateResult = { ok: true; value: DateTime } | { ok: false; message: Message };

const failure = (message: Message): DateResult => ({ ok: false, message });

/** Minutes east of UTC for `Z`, `+05:30` or `-0300`; undefined when the minutes part is not a minute. */
function offsetMinutes(offset: string): number | undefined {
  if (offset === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (minutes > 59) return undefined;
  return (offset.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Reads a date. With `requireOffset`, only a date, a time and an explicit offset are accepted (embargo times must
 * not depend on any time zone setting).
 */
export function parseContentDate(
  raw: unknown,
  zone: string,
  requireOffset = false,
  expected: Message = msg`2025-02-08 or 2025-02-08T13:00+01:00`,
): DateResult {
  const notADate = msg`${JSON.stringify(raw) ?? String(raw)} is not a date (expected ${requireOffset ? DATE_TIME_WITH_OFFSET : expected})`;
  if (typeof raw !== "string") return failure(notADate);
  const text = raw.trim();
  const shape = ISO_SHAPE.exec(text)?.groups;
  if (!shape) return failure(notADate);
  const { hour, minute, offset } = shape;
  if (offset !== undefined) {
    const minutes = offsetMinutes(offset);
    if (minutes === undefined || minutes < OFFSET_RANGE.min || minutes > OFFSET_RANGE.max) {
      return failure(
        msg`${JSON.stringify(raw)} has the offset ${offset}, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)`,
      );
    }
  }
  if (requireOffset && hour === undefined)
    return failure(msg`${JSON.stringify(raw)} has no time (expected ${DATE_TIME_WITH_OFFSET})`);
  if (requireOffset && offset === undefined)
    return failure(
      msg`${JSON.stringify(raw)} has no time zone offset (expected a date-time with its offset, e.g. 2025-02-07T09:00+01:00)`,
    );
  const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone });
  if (!parsed.isValid) return failure(notADate);
  // A local time in the hour skipped when clocks go forward does not exist: luxon would quietly move it an hour on.
  if (
    offset === undefined &&
    hour !== undefined &&
    (parsed.hour !== Number(hour) || parsed.minute !== Number(minute))
  ) {
    return failure(
      msg`${JSON.stringify(raw)} does not exist in ${zone}: the clocks go forward at that time (expected a time before or after the change, e.g. ${parsed.toFormat("yyyy-MM-dd'T'HH:mm")})`,
    );
  }
  return { ok: true, value: parsed };
}

/** The places of the IANA time zone database (any case here: a wrong case gets its own message); names outside them (US/Eastern, Etc/GMT+3, CET, EST) are aliases or fixed offsets. */
const ZONE_AREAS = [
  "Africa",
  "America",
  "Antarctica",
  "Arctic",
  "Asia",
  "Atlantic",
  "Australia",
  "Europe",
  "Indian",
  "Pacific",
];
const ZONE_SHAPE = new RegExp(`^(?:${ZONE_AREAS.join("|")})(?:/[A-Za-z0-9_+-]+){1,2}$`, "i");

/** Why a time zone setting is refused, or undefined when it is an IANA place name the runtime knows (or UTC). */
export function zoneProblem(zone: string): Message | undefined {
  const expected = msg`expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal`;
  if (zone === "UTC") return undefined;
  if (!ZONE_SHAPE.test(zone)) {
    // "Paris" alone: the database's name for it is the fix.
    const city = Intl.supportedValuesOf("timeZone").find((name) =>
      name.toLowerCase().endsWith(`/${zone.toLowerCase()}`),
    );
    if (city) return msg`${JSON.stringify(zone)} is not a time zone name (expected the city with its area, ${city})`;
    return msg`${JSON.stringify(zone)} is not a time zone name (${expected}: an offset such as UTC+3 or +03:00, or an abbreviation such as CET, names no place whose summer time tract could follow)`;
  }
  if (!IANAZone.isValidZone(zone)) return msg`${JSON.stringify(zone)} is not a known time zone (${expected})`;
  // The runtime reads names in any case; other tools (calendar apps, schedule readers) need the name as the database writes it.
  const resolved = new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase())
    return msg`${JSON.stringify(zone)} is not written as the time zone database writes it (expected ${resolved})`;
  return undefined;
}

/** Reads TRACT_NOW: like a content date; without an offset it is in the site's time zone. */
export function parseClock(text: string, zone: string): DateResult {
  const expected = msg`e.g. 2025-02-07T09:00+01:00, or 2025-02-07T09:00 in the site's time zone, ${zone}`;
  const result = parseContentDate(text, zone, false, expected);
  return result.ok ? result : failure(msg`TRACT_NOW: ${result.message}`);
}

/** The build's clock: now, or TRACT_NOW (for previews and tests), read in the site's time zone `zone`. Throws on a bad TRACT_NOW. */
export function buildClock(zone: string, env: NodeJS.ProcessEnv = process.env): DateTime {
  const forced = env.TRACT_NOW;
  if (!forced) return DateTime.now().setZone(zone);
  const result = parseClock(forced, zone);
  if (!result.ok) throw new BuildError(result.message);
  return result.value;
}
