// An event's programme as schedule.json, the format conference apps read offline (frab / pretalx, as c3voc's schema describes it).
import { v5 as uuidV5 } from "uuid";
import type { DateTime } from "luxon";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition } from "../../core/model/types.ts";
import { calendarUid } from "./ics.ts";
import type { EventEntry, SessionEntry } from "./entries.ts";

const hhmm = (hours: number, minutes: number) =>
  `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;

/** "01:15"; "00:00" when the end is not known (the format requires a duration, and tract never guesses an end). */
function duration(session: SessionEntry): string {
  if (!session.end) return "00:00";
  const { hours, minutes } = session.end.diff(session.start, ["hours", "minutes"]).toObject();
  return hhmm(hours ?? 0, Math.round(minutes ?? 0));
}

/** c3voc's schema allows letters, digits and underscores in an acronym (a hyphen only first). */
const acronymOf = (id: string) => id.replace(/-/g, "_");

const dayIso = (day: DateTime) => day.toISO({ suppressMilliseconds: true }) ?? "";

export function scheduleJson(event: EventEntry, edition: Edition, model: SiteModel): string {
  const host = new URL(model.site.url).hostname;
  const namespace = uuidV5(model.site.url, uuidV5.URL);
  const acronym = acronymOf(event.id);
  const room = event.place.name?.text ?? event.place.locality;
  const sessions = event.days.flatMap((day) => day.sessions);
  const first = event.start.startOf("day");
  const last = event.lastDay;
  const dayCount = Math.round(last.diff(first, "days").days) + 1;

  const talk = (session: SessionEntry) => {
    const guid = uuidV5(calendarUid(host, event.id, session.id), namespace);
    return {
      guid,
      // An integer id is required too; taken from the guid, so it is as stable.
      id: (parseInt(guid.slice(0, 8), 16) % 2_147_483_646) + 1,
      date: session.startIso,
      start: session.start.toFormat("HH:mm"),
      duration: duration(session),
      room,
      slug: `${acronym}-${session.id}`,
      url: model.absoluteUrl(`${event.url}#${session.anchor}`),
      title: session.title.text,
      subtitle: session.originalTitle?.text ?? null,
      track: null,
      type: session.type,
      // The language spoken; empty when the event file does not say it.
      language: session.language ?? "",
      abstract: session.description?.text ?? null,
      description: session.note?.text ?? null,
      persons: session.speakers.map((speaker) => ({ name: speaker.label })),
      links: [],
    };
  };

  const days = Array.from({ length: dayCount }, (_, index) => {
    const date = first.plus({ days: index });
    return {
      index: index + 1,
      date: date.toISODate(),
      day_start: dayIso(date),
      day_end: dayIso(date.plus({ days: 1 })),
      rooms: { [room]: sessions.filter((session) => session.start.hasSame(date, "day")).map(talk) },
    };
  });

  const schedule = {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "tract" },
    schedule: {
      // Changes whenever the event file's `updated:` does, so apps know to refresh.
      version: event.source.updated.toISO({ suppressMilliseconds: true }),
      base_url: model.absoluteUrl(edition.routes.home()),
      conference: {
        acronym,
        title: event.title.text,
        description: event.description.text,
        start: event.startIso,
        end: last.toISODate(),
        daysCount: dayCount,
        timeslot_duration: "00:05",
        time_zone_name: event.source.timezone,
        url: model.absoluteUrl(event.url),
        days,
      },
    },
  };
  return `${JSON.stringify(schedule, null, 2)}\n`;
}
