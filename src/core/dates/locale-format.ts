// Dates and times as a locale writes them: Intl's parts, then the language's own rules (French "1er mars", "13 h", "15 h 15").
import type { DateTime } from "luxon";

/** French puts a narrow no-break space on each side of the "h" of an hour. */
const NNBSP = "\u202F";

type Part = Intl.DateTimeFormatPart;

const isFrench = (locale: string) => /^fr(?:-|$)/i.test(locale);

/**
 * French rules on Intl's parts: the first of a month written out is "1er" ("1er décembre", never "1 décembre"), and
 * an hour is "13 h" or "15 h 15" (never "13:00"), so pages, feeds, PDFs and calendars all read the same.
 */
function frenchText(parts: Part[], monthInWords: boolean): string {
  let text = "";
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as Part;
    const next = parts[index + 1];
    const minute = parts[index + 2];
    if (part.type === "day" && monthInWords && Number(part.value) === 1) text += "1er";
    else if (part.type === "hour" && next?.type === "literal" && minute?.type === "minute") {
      text += `${Number(part.value)}${NNBSP}h${minute.value === "00" ? "" : `${NNBSP}${minute.value}`}`;
      index += 2;
    } else if (part.type === "hour") text += `${Number(part.value)}${NNBSP}h`;
    else text += part.value;
  }
  return text;
}

function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // French writes hours from 0 to 23: no "AM/PM" whatever the options say.
  return new Intl.DateTimeFormat(locale, {
    ...options,
    timeZone: zone,
    ...(isFrench(locale) ? { hour12: false } : {}),
  });
}

function written(parts: Part[], locale: string, options: Intl.DateTimeFormatOptions): string {
  if (!isFrench(locale)) return parts.map((part) => part.value).join("");
  return frenchText(parts, options.month === "long" || options.month === "short");
}

/** One moment, in its own time zone, as `locale` writes it. */
export function formatMoment(moment: DateTime, locale: string, options: Intl.DateTimeFormatOptions): string {
  const { zone, date } = wallClock(moment);
  return written(formatter(locale, zone, options).formatToParts(date), locale, options);
}

/** A span, its shared parts written once ("lundi 10 – mardi 11 février 2025", "13 h – 14 h 30"). */
export function formatSpan(
  start: DateTime,
  end: DateTime,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  const from = wallClock(start);
  const parts = formatter(locale, from.zone, options).formatRangeToParts(
    from.date,
    wallClock(end.setZone(start.zone)).date,
  );
  return written(parts, locale, options);
}

/** Intl needs a zone name: a moment read with a fixed offset (+05:30) is written as that wall-clock time in UTC. */
function wallClock(moment: DateTime): { zone: string; date: Date } {
  if (moment.zone.type !== "fixed") return { zone: moment.zoneName ?? "UTC", date: moment.toJSDate() };
  return { zone: "UTC", date: new Date(moment.toMillis() + moment.offset * 60_000) };
}
