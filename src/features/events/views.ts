// The agenda's pages: per language, the agenda (upcoming events, then past ones) and one page per event.
import type { ViewBuilder } from "../../core/model/views.ts";
import type { View } from "../../core/model/types.ts";
import type { EventEntry } from "./model.ts";

declare module "../../core/model/types.ts" {
  interface ViewKinds {
    /** The agenda: upcoming events soonest first, then past events latest first. */
    events: { upcoming: EventEntry[]; past: EventEntry[] };
    event: { event: EventEntry };
  }
}

export const eventViews: ViewBuilder = (factory) => {
  const views: View[] = [];
  const agendas = factory.everyLanguage((s) => s.routes.events());
  for (const section of factory.sections) {
    const t = (key: string, values?: Record<string, string>) => section.strings.t(key, values);
    const upcoming = section.events.filter((event) => !event.past);
    const past = section.events.filter((event) => event.past).reverse();
    views.push(factory.make(section, "events", { url: section.routes.events(), upcoming, past }, { title: t("events.title"), description: t("events.description") }, agendas));
    for (const event of section.events) {
      const alternates = factory.everyLanguage((s) => s.routes.event(event.id));
      views.push(factory.make(section, "event", { url: event.url, event }, { title: t("event.documentTitle", { title: event.title.text }), description: event.description.text }, alternates));
    }
  }
  return views;
};
