// Dates in both languages: reading ISO 8601 in the site's zone, formatting with luxon per locale.
import { describe, expect, it } from "vitest";
import { buildClock, parseContentDate } from "../../src/core/dates/parse.ts";
import { DateFormats } from "../../src/core/dates/format.ts";
import { BuildMemo } from "../../src/core/build/build-memo.ts";

const zone = "Europe/Paris";

function parsed(text: string) {
  const result = parseContentDate(text, zone);
  if (!result.ok) throw new Error(result.message);
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
      if (!result.ok) expect(result.message).toBe(`${JSON.stringify(bad)} is not a date (expected 2025-02-08 or 2025-02-08T13:00+01:00)`);
    }
    expect(parseContentDate(20250208, zone).ok).toBe(false);
  });

  it("takes the build's clock from TRACT_NOW when set", () => {
    expect(buildClock({ TRACT_NOW: "2025-02-07T09:00+01:00" }).toUTC().toISO()).toBe("2025-02-07T08:00:00.000Z");
    expect(() => buildClock({ TRACT_NOW: "hier" })).toThrow(/TRACT_NOW: "hier" is not a date-time/);
  });
});

describe("DateFormats", () => {
  const date = parsed("2025-02-08T13:00");
  const dates = new DateFormats(zone, new BuildMemo());
  const formatDate = (value: Parameters<DateFormats["format"]>[0], locale: string, _zone: string, style?: Parameters<DateFormats["format"]>[2]) => dates.format(value, locale, style);
  const isoDateTime = (value: Parameters<DateFormats["iso"]>[0], _zone: string) => dates.iso(value);

  it("writes dates in French and English", () => {
    expect(formatDate(date, "fr-FR", zone)).toBe("8 février 2025");
    expect(formatDate(date, "en-GB", zone)).toBe("8 February 2025");
  });

  it("writes times in the site's zone", () => {
    expect(formatDate(date.toUTC(), "fr-FR", zone, "time")).toBe("13:00");
    expect(formatDate(date, "en-GB", zone, "time")).toBe("13:00");
  });

  it("gives the machine-readable form for <time datetime>", () => {
    expect(isoDateTime(date, zone)).toBe("2025-02-08T13:00:00+01:00");
    expect(isoDateTime(new Date("2025-02-08T12:00:00Z"), zone)).toBe("2025-02-08T13:00:00+01:00");
  });
});
