// The files the published site holds besides its pages and assets: feeds, calendars, programmes, press room downloads.
import type { SiteModel } from "./site-model.ts";

/** Files every build writes at the root. */
export const ROOT_FILES = ["/sitemap.xml", "/robots.txt"];

/** Every generated file's address (not the pages: those are the model's views). */
export function publishedFiles(model: Pick<SiteModel, "feeds" | "sections">): string[] {
  return [
    ...model.feeds.flatMap((feed) => [feed.url, ...(feed.stylesheet ? [feed.stylesheet] : [])]),
    ...Object.values(model.sections).flatMap((section) => [
      ...section.events.flatMap((event) => [event.calendarUrl, ...(event.days.length ? [event.scheduleUrl] : []), ...event.days.flatMap((day) => day.sessions.map((session) => session.calendarUrl))]),
      ...(section.press ? [section.press.kitUrl, ...section.press.files.keys(), ...section.press.releases.map((release) => release.pdfUrl)] : []),
    ]),
    ...ROOT_FILES,
  ];
}
