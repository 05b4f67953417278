// Eleventy plugin: each event's files in each language — its calendar, one calendar per session, its schedule.json.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import type { SiteModel } from "../../core/model/site-model.ts";
import type { LanguageSection } from "../../core/model/types.ts";
import { EVENTS_FOLDER } from "./load.ts";
import { eventCalendar, sessionCalendar } from "./ics.ts";
import { scheduleJson } from "./schedule.ts";

interface OutputFile {
  url: string;
  content: string;
}

/** Every event file of every language, from the published model (the same one the pages are built from). */
function eventFiles(sections: LanguageSection[], model: SiteModel): OutputFile[] {
  return sections.flatMap((section) =>
    section.events.flatMap((event) => [
      { url: event.calendarUrl, content: eventCalendar(event, section, model) },
      ...event.days.flatMap((day) => day.sessions).map((session) => ({ url: session.calendarUrl, content: sessionCalendar(event, session, section, model) })),
      // A programme for conference apps only when there is a programme.
      ...(event.days.length ? [{ url: event.scheduleUrl, content: scheduleJson(event, section, model) }] : []),
    ]),
  );
}

export default function eventsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addWatchTarget(`./${EVENTS_FOLDER}/`);
  eleventyConfig.addTemplate("tract/event-files.njk", "{{ file.content | safe }}", {
    pagination: {
      data: "tract.sections",
      resolve: "values",
      size: 1,
      alias: "file",
      addAllPagesToCollections: false,
      before: (sections: LanguageSection[], data: { tract: SiteModel }) => eventFiles(sections, data.tract),
    },
    permalink: "{{ file.url }}",
    eleventyExcludeFromCollections: true,
  });
}
