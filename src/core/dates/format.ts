// Formats dates for readers per locale ("1er février 2025", "13 h", "1 February 2025"), in the site's time zone.
import { DateTime } from "luxon";
import type { BuildMemo } from "../build/build-memo.ts";
import { formatMoment } from "./locale-format.ts";

export type DateStyle = "long" | "short" | "time" | "year" | "month";

const FORMATS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: DateTime.DATE_FULL,
  short: DateTime.DATE_MED,
  time: DateTime.TIME_SIMPLE,
  year: { year: "numeric" },
  month: { month: "long", year: "numeric" },
};

export type DateValue = DateTime | Date | string;

export function toDateTime(value: DateValue, zone: string): DateTime {
  if (DateTime.isDateTime(value)) return value.setZone(zone);
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone });
  return DateTime.fromISO(value, { zone });
}

/**
 * Dates as the site shows them. Each date is shown on many pages (its post, lists, topics, archive, feeds): it is
 * formatted once per moment, locale and style, as luxon and Intl are costly when called for every listing.
 */
export class DateFormats {
  constructor(
    readonly zone: string,
    private readonly memo: BuildMemo<string, string>,
  ) {}

  private cached(value: DateValue, variant: string, format: (date: DateTime) => string): string {
    return this.memo.get(`${typeof value === "string" ? value : value.valueOf()}|${this.zone}|${variant}`, () =>
      format(toDateTime(value, this.zone)),
    );
  }

  format(value: DateValue, locale: string, style: DateStyle = "long"): string {
    return this.cached(value, `${locale}|${style}`, (date) => formatMoment(date, locale, FORMATS[style]));
  }

  /** Machine-readable form for `<time datetime>` and structured data. */
  iso(value: DateValue): string {
    return this.cached(value, "iso", (date) => date.toISO({ suppressMilliseconds: true }) ?? "");
  }
}
