// Event dates and times for readers, in the page's locale and the event's own zone ("samedi 8 février 2025, à partir de 13 h").
import { DateTime } from "luxon";
import { formatMoment, formatSpan } from "../../core/dates/locale-format.ts";
import type { Strings } from "../../core/i18n/strings.ts";

const DAY_AND_TIME = { ...DateTime.DATE_HUGE, ...DateTime.TIME_SIMPLE };

/** A span of time, or its start alone when its end is not known (tract never guesses an end). */
export interface Span {
  start: DateTime;
  end?: DateTime | undefined;
}

function range(span: Required<Span>, locale: string, format: Intl.DateTimeFormatOptions): string {
  return formatSpan(span.start, span.end, locale, format);
}

/** When an event takes place: whole days ("lundi 10 – mardi 11 février 2025"), or a day with times. */
export function formatWhen(span: Span, allDay: boolean, locale: string, strings: Strings): string {
  const { start, end } = span;
  if (allDay)
    return end && !end.hasSame(start, "day")
      ? range({ start, end }, locale, DateTime.DATE_HUGE)
      : formatMoment(start, locale, DateTime.DATE_HUGE);
  if (end) return range({ start, end }, locale, DAY_AND_TIME);
  return strings.t("event.from", {
    date: formatMoment(start, locale, DateTime.DATE_HUGE),
    time: formatTime({ start }, locale),
  });
}

/** A session's time in a programme: "13 h" / "13:00", or "13 h – 14 h" / "13:00–14:00" when its end is known. */
export function formatTime(span: Span, locale: string): string {
  return span.end
    ? range({ start: span.start, end: span.end }, locale, DateTime.TIME_SIMPLE)
    : formatMoment(span.start, locale, DateTime.TIME_SIMPLE);
}

export function formatDay(day: DateTime, locale: string): string {
  return formatMoment(day, locale, DateTime.DATE_HUGE);
}

/** The zone's name for readers, e.g. "heure d’Europe centrale", "Central European Time". */
export function zoneName(at: DateTime, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: at.zoneName ?? "UTC",
    timeZoneName: "longGeneric",
  }).formatToParts(at.toJSDate());
  return parts.find((part) => part.type === "timeZoneName")?.value ?? at.zoneName ?? "UTC";
}

/** A language's name in the reader's locale ("français", "French"). */
export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
}

/** Machine-readable form for `<time datetime>` and structured data: a date for whole days, else a date-time with its offset. */
export function isoTime(time: DateTime, allDay: boolean): string {
  return (allDay ? time.toISODate() : time.toISO({ suppressMilliseconds: true })) ?? "";
}
