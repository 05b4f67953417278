// Dates in both languages: reading ISO 8601 in the site's zone, formatting with luxon per locale.
import { describe, expect, it } from "vitest";
import { buildClock, parseContentDate, zoneProblem } from "../../src/core/dates/parse.ts";
import { DateTime } from "luxon";
import { DateFormats } from "../../src/core/dates/format.ts";
import { formatMoment, formatSpan } from "../../src/core/dates/locale-format.ts";
import { BuildMemo } from "../../src/core/build/build-memo.ts";

const zone = "Europe/Paris";

/** A result with its message in English, as the writer reads it. */
function inWords(result: ReturnType<typeof parseContentDate>) {
  return result.ok ? result : { ok: false as const, message: String(result.message) };
}

function parsed(text: string) {
  const result = parseContentDate(text, zone);
  if (!result.ok) throw new Error(String(result.message));
  return result.value;
}

describe("parseContentDate", () => {
  it("reads a date or a time without offset in the site's zone", () => {
    expect(parsed("2025-02-08").toISO()).toBe("2025-02-08T00:00:00.000+01:00");
    expect(parsed("2025-02-08T13:00").toUTC().toISO()).toBe("2025-02-08T12:00:00.000Z");
    expect(parsed("2025-07-08 13:00").toUTC().toISO()).toBe("2025-07-08T11:00:00.000Z");
  });

  it("keeps an explicit offset", () => {
    expect(parsed("2025-02-08T13:00+05:30").toUTC().toISO()).toBe("2025-02-08T07:30:00.000Z");
    expect(parsed("2025-02-08T13:00:00Z").toUTC().toISO()).toBe("2025-02-08T13:00:00.000Z");
  });

  it("rejects impossible and non-ISO dates with the expected form", () => {
    for (const bad of ["2025-02-31", "2025-13-01", "8 février 2025", "2025-W06", "2025-02-08T25:00"]) {
      const result = parseContentDate(bad, zone);
      expect(result.ok, bad).toBe(false);
      if (!result.ok)
        expect(String(result.message)).toBe(
          `${JSON.stringify(bad)} is not a date (expected 2025-02-08 or 2025-02-08T13:00+01:00)`,
        );
    }
    expect(parseContentDate(20250208, zone).ok).toBe(false);
  });

  it("reads offsets written Z, ±HH:MM or ±HHMM, from -12:00 to +14:00, and refuses any other", () => {
    expect(parsed("2025-02-08T13:00+0530").toUTC().toISO()).toBe("2025-02-08T07:30:00.000Z");
    expect(parsed("2025-02-08T13:00+14:00").toUTC().toISO()).toBe("2025-02-07T23:00:00.000Z");
    expect(parsed("2025-02-08T13:00-12:00").toUTC().toISO()).toBe("2025-02-09T01:00:00.000Z");
    for (const offset of ["+99:99", "+24:00", "+14:01", "-15:00", "-12:30", "+01:60"]) {
      const result = inWords(parseContentDate(`2025-02-08T13:00${offset}`, zone));
      expect(result, offset).toEqual({
        ok: false,
        message: `"2025-02-08T13:00${offset}" has the offset ${offset}, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)`,
      });
    }
    // A bare ±HH is no offset: it is what made "2030-02-07" look like a date with the offset -07.
    expect(parseContentDate("2025-02-08T13:00+01", zone).ok).toBe(false);
    expect(parseContentDate("2025-02-08+01:00", zone).ok).toBe(false);
  });

  it("requires a date, a time and an offset where one is required (embargo)", () => {
    const embargo = (text: string) => inWords(parseContentDate(text, zone, true));
    expect(embargo("2030-02-07")).toEqual({
      ok: false,
      message: '"2030-02-07" has no time (expected a date, a time and an offset, e.g. 2025-02-07T09:00+01:00)',
    });
    expect(embargo("2030-02-07T09:00")).toEqual({
      ok: false,
      message:
        '"2030-02-07T09:00" has no time zone offset (expected a date-time with its offset, e.g. 2025-02-07T09:00+01:00)',
    });
    expect(embargo("2030-02-07T09:00+99:99").ok).toBe(false);
    const at = embargo("2030-02-07T09:00-05:00");
    expect(at.ok && at.value.toUTC().toISO()).toBe("2030-02-07T14:00:00.000Z");
  });

  it("refuses a local time that does not exist (skipped when the clocks go forward), not an hour later", () => {
    expect(inWords(parseContentDate("2025-03-30T02:30", zone))).toEqual({
      ok: false,
      message:
        '"2025-03-30T02:30" does not exist in Europe/Paris: the clocks go forward at that time (expected a time before or after the change, e.g. 2025-03-30T03:30)',
    });
    expect(parsed("2025-03-30T02:30+01:00").toUTC().toISO()).toBe("2025-03-30T01:30:00.000Z");
    expect(parseContentDate("2025-02-08T24:00", zone).ok).toBe(false);
  });

  it("takes the build's clock from TRACT_NOW when set", () => {
    expect(buildClock(zone, { TRACT_NOW: "2025-02-07T09:00+01:00" }).toUTC().toISO()).toBe("2025-02-07T08:00:00.000Z");
    // Without an offset, TRACT_NOW is a time in the site's zone, whatever the machine's.
    expect(buildClock(zone, { TRACT_NOW: "2025-02-07T09:00" }).toUTC().toISO()).toBe("2025-02-07T08:00:00.000Z");
    expect(buildClock("America/Montreal", { TRACT_NOW: "2025-02-07T09:00" }).toUTC().toISO()).toBe(
      "2025-02-07T14:00:00.000Z",
    );
    expect(buildClock(zone, {}).zoneName).toBe(zone);
    expect(() => buildClock(zone, { TRACT_NOW: "2025-02-07T09:00+99:99" })).toThrow(
      'TRACT_NOW: "2025-02-07T09:00+99:99" has the offset +99:99',
    );
    expect(() => buildClock(zone, { TRACT_NOW: "hier" })).toThrow(
      'TRACT_NOW: "hier" is not a date (expected e.g. 2025-02-07T09:00+01:00, or 2025-02-07T09:00 in the site\'s time zone, Europe/Paris)',
    );
  });
});

describe("time zone settings", () => {
  it("accepts the database's place names and UTC", () => {
    for (const name of [
      "Europe/Paris",
      "Europe/Moscow",
      "America/Argentina/Buenos_Aires",
      "America/Port-au-Prince",
      "Europe/Kyiv",
      "Asia/Calcutta",
      "UTC",
    ])
      expect(zoneProblem(name), name).toBeUndefined();
  });

  it("refuses offsets, abbreviations and the machine's zone, which luxon would take", () => {
    for (const name of [
      "UTC+3",
      "+03:00",
      "utc+03:00",
      "CET",
      "EST",
      "EST5EDT",
      "GMT",
      "Etc/GMT+3",
      "US/Eastern",
      "local",
      "system",
    ]) {
      expect(String(zoneProblem(name)), name).toBe(
        `${JSON.stringify(name)} is not a time zone name (expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal: an offset such as UTC+3 or +03:00, or an abbreviation such as CET, names no place whose summer time tract could follow)`,
      );
    }
  });

  it("refuses unknown places and names in another case, with the fix", () => {
    expect(String(zoneProblem("Europe/Pariss"))).toBe(
      '"Europe/Pariss" is not a known time zone (expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal)',
    );
    expect(String(zoneProblem("Paris"))).toBe(
      '"Paris" is not a time zone name (expected the city with its area, Europe/Paris)',
    );
    expect(String(zoneProblem("moscow"))).toBe(
      '"moscow" is not a time zone name (expected the city with its area, Europe/Moscow)',
    );
    expect(String(zoneProblem("europe/paris"))).toBe(
      '"europe/paris" is not written as the time zone database writes it (expected Europe/Paris)',
    );
  });
});

describe("DateFormats", () => {
  const date = parsed("2025-02-08T13:00");
  const dates = new DateFormats(zone, new BuildMemo());
  const formatDate = (
    value: Parameters<DateFormats["format"]>[0],
    locale: string,
    _zone: string,
    style?: Parameters<DateFormats["format"]>[2],
  ) => dates.format(value, locale, style);
  const isoDateTime = (value: Parameters<DateFormats["iso"]>[0], _zone: string) => dates.iso(value);

  it("writes dates in French and English", () => {
    expect(formatDate(date, "fr-FR", zone)).toBe("8 février 2025");
    expect(formatDate(date, "en-GB", zone)).toBe("8 February 2025");
  });

  it("writes times in the site's zone, in French as French writes them: 13 h, 15 h 15, narrow no-break spaces", () => {
    expect(formatDate(date.toUTC(), "fr-FR", zone, "time")).toBe("13\u202Fh");
    expect(formatDate(parsed("2025-02-08T09:05"), "fr-FR", zone, "time")).toBe("9\u202Fh\u202F05");
    expect(formatDate(date, "en-GB", zone, "time")).toBe("13:00");
  });

  it('writes the first of a month "1er" in French, in every style that spells the month out', () => {
    const first = parsed("2025-12-01T13:00");
    expect(formatDate(first, "fr-FR", zone)).toBe("1er décembre 2025");
    expect(formatDate(first, "fr-FR", zone, "short")).toBe("1er déc. 2025");
    expect(formatDate(parsed("2025-12-11"), "fr-FR", zone)).toBe("11 décembre 2025");
    expect(formatDate(parsed("2025-12-21"), "fr-FR", zone)).toBe("21 décembre 2025");
    expect(formatDate(first, "en-GB", zone)).toBe("1 December 2025");
  });

  it("writes spans and moments with their own zone: whole days, hours, a fixed offset", () => {
    const start = parsed("2025-03-01T13:00");
    expect(formatSpan(start, parsed("2025-03-01T14:30"), "fr-FR", DateTime.TIME_SIMPLE)).toBe(
      "13\u202Fh\u2009–\u200914\u202Fh\u202F30",
    );
    expect(formatSpan(parsed("2025-02-28"), parsed("2025-03-01"), "fr-FR", DateTime.DATE_HUGE)).toBe(
      "vendredi 28 février\u2009–\u2009samedi 1er mars 2025",
    );
    expect(formatMoment(start, "fr-FR", { ...DateTime.DATE_HUGE, ...DateTime.TIME_SIMPLE })).toBe(
      "samedi 1er mars 2025 à 13\u202Fh",
    );
    // Written with an offset and no place: that wall-clock time, not the machine's nor UTC.
    const offset = DateTime.fromISO("2025-02-08T13:30+05:30", { setZone: true });
    expect(formatMoment(offset, "en-GB", DateTime.TIME_SIMPLE)).toBe("13:30");
  });

  it("gives the machine-readable form for <time datetime>", () => {
    expect(isoDateTime(date, zone)).toBe("2025-02-08T13:00:00+01:00");
    expect(isoDateTime(new Date("2025-02-08T12:00:00Z"), zone)).toBe("2025-02-08T13:00:00+01:00");
  });
});
