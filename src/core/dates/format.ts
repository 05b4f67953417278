// Formats dates for readers per locale with luxon ("8 février 2025", "8 February 2025").
import { DateTime } from "luxon";
import { BuildMemo } from "../build/build-memo.ts";

export type DateStyle = "long" | "short" | "time" | "year" | "month";

const FORMATS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: DateTime.DATE_FULL,
  short: DateTime.DATE_MED,
  time: DateTime.TIME_SIMPLE,
  year: { year: "numeric" },
  month: { month: "long", year: "numeric" },
};

export function toDateTime(value: DateTime | Date | string, zone: string): DateTime {
  if (DateTime.isDateTime(value)) return value.setZone(zone);
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
  return DateTime.fromISO(value, { zone });
}

/**
 * Each date is shown on many pages (its post, lists, topics, archive, feeds): formatted once per
 * moment, locale, zone and style, as luxon and Intl are costly when called for every listing.
 */
const formatted = new BuildMemo<string, string>();

function memo(value: DateTime | Date | string, zone: string, variant: string, format: (date: DateTime) => string): string {
  return formatted.get(`${typeof value === "string" ? value : value.valueOf()}|${zone}|${variant}`, () => format(toDateTime(value, zone)));
}

export function formatDate(value: DateTime | Date | string, locale: string, zone: string, style: DateStyle = "long"): string {
  return memo(value, zone, `${locale}|${style}`, (date) => date.setLocale(locale).toLocaleString(FORMATS[style]));
}

/** Machine-readable form for `<time datetime>` and structured data. */
export function isoDateTime(value: DateTime | Date | string, zone: string): string {
  return memo(value, zone, "iso", (date) => date.toISO({ suppressMilliseconds: true }) ?? "");
}
