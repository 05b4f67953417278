// The agenda, event pages, calendars and schedules, and the rebuttals of the built sample site, read with real parsers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { type HtmlPage, htmlPages, listFiles } from "../helpers/site.ts";
import { lineProblems, parseCalendar } from "../helpers/ical.ts";

const siteDir = inject("siteDir");
const SITE_ORIGIN = "https://tract.example.org";
const COUNTER_SUMMIT = { fr: "/fr/agenda/contre-sommet-2025/", en: "/en/events/contre-sommet-2025/" };
let byUrl: Map<string, HtmlPage>;
let files: string[];
const read = (url: string) => readFile(path.join(siteDir, url), "utf8");

beforeAll(async () => {
  byUrl = new Map((await htmlPages(siteDir)).map((page) => [page.url, page]));
  files = await listFiles(siteDir);
});

describe("calendars", () => {
  const calendars = () => files.filter((file) => file.endsWith(".ics"));

  it("are valid iCalendar: every file parses, ends lines with CRLF, folds them at 75 octets, and gives each event its own UID", async () => {
    expect(calendars().length).toBeGreaterThanOrEqual(2 * (4 + 6));
    for (const file of calendars()) {
      const text = await readFile(file, "utf8");
      expect(lineProblems(text), file).toEqual([]);
      const events = parseCalendar(text);
      // The agenda one subscribes to holds only upcoming and recent events: none at today's clock.
      if (!file.endsWith(`${path.sep}agenda.ics`)) expect(events.length, file).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.uid)).size, file).toBe(events.length);
      for (const event of events) expect(event.uid, file).toMatch(/^[a-z0-9.-]+@tract\.example\.org$/);
    }
    const text = await read(`${COUNTER_SUMMIT.fr}contre-sommet-2025.ics`);
    expect(
      text.split("\r\n").some((line) => line.startsWith(" ")),
      "long lines are folded",
    ).toBe(true);
  });

  it("holds the event and each session, at the right time in UTC, with summaries in the page's language", async () => {
    const fr = parseCalendar(await read(`${COUNTER_SUMMIT.fr}contre-sommet-2025.ics`));
    expect(fr.map((e) => e.uid)).toEqual([
      "contre-sommet-2025@tract.example.org",
      ...[
        "ia-et-extractivisme",
        "perte-des-savoirs",
        "vivre-et-penser",
        "ce-que-l-ia-ne-peut-pas-faire",
        "reguler-l-ia",
        "stopper-l-ia",
      ].map((id) => `contre-sommet-2025.${id}@tract.example.org`),
    ]);
    // 13:00 in Paris on 8 February 2025 (winter time, UTC+1) is 12:00 UTC.
    expect(fr.map((e) => e.start.toJSDate().toISOString())).toEqual(
      ["12:00", "12:00", "13:00", "14:15", "14:50", "15:25", "16:00"].map((t) => `2025-02-08T${t}:00.000Z`),
    );
    expect(fr[1]!.start.zone?.tzid).toBe("UTC");
    expect(fr[5]!.summary).toBe("Peut-on réguler l’IA\u202F?");
    expect(fr[1]!.summary).toBe("IA & Extractivisme — On touche le fond mais on creuse encore");
    expect(fr[1]!.description).toContain("Avec Barth (Extinction Rebellion)");
    const en = parseCalendar(await read(`${COUNTER_SUMMIT.en}contre-sommet-2025.ics`));
    expect(en[5]!.summary).toBe("Can AI be regulated?");
    expect(en[1]!.description).toContain("IA & Extractivisme — On touche le fond mais on creuse encore");
    expect(
      en.map((e) => e.uid),
      "the same UIDs in every language",
    ).toEqual(fr.map((e) => e.uid));
  });

  it("escapes text: commas and semicolons in the raw file, restored by the parser", async () => {
    const text = await read(`${COUNTER_SUMMIT.fr}contre-sommet-2025.ics`);
    expect(text).toContain("SUMMARY:IA\\, vers une perte des savoirs");
    expect(parseCalendar(text)[2]!.summary).toBe("IA, vers une perte des savoirs");
    // The calendar's name too, which ical-generator leaves to its caller.
    const session = await read(`${COUNTER_SUMMIT.fr}sessions/perte-des-savoirs.ics`);
    expect(session).toContain(
      "\r\nNAME:IA\\, vers une perte des savoirs\r\nX-WR-CALNAME:IA\\, vers une perte des savoirs\r\n",
    );
  });

  it("dates DTSTAMP from the event file's `updated:`, never from the build's clock, and invents no end", async () => {
    const events = parseCalendar(await read(`${COUNTER_SUMMIT.fr}contre-sommet-2025.ics`));
    for (const event of events) expect(event.stamp).toBe("2025-01-27T09:00:00Z");
    expect(events.map((e) => e.end)).toEqual(events.map(() => null));
  });

  it("writes whole-day events as dates, the last day included", async () => {
    const [summit] = parseCalendar(await read("/fr/agenda/sommet-action-ia-2025/sommet-action-ia-2025.ics"));
    expect(summit!.start.isDate).toBe(true);
    expect(summit!.start.toString()).toBe("2025-02-10");
    expect(summit!.end!.toString()).toBe("2025-02-12");
    expect(summit!.summary).toBe("Sommet pour l’action sur l’intelligence artificielle");
  });

  it("gives each session its own file, with the UID it has in the event's calendar", async () => {
    const [session] = parseCalendar(await read(`${COUNTER_SUMMIT.fr}sessions/reguler-l-ia.ics`));
    expect(session!.uid).toBe("contre-sommet-2025.reguler-l-ia@tract.example.org");
    expect(session!.start.toJSDate().toISOString()).toBe("2025-02-08T15:25:00.000Z");
  });
});

/** c3voc's JSON schema for schedule.json (https://c3voc.de/schedule/schema.json), in zod. */
const talk = z.strictObject({
  id: z.int().min(1),
  guid: z.uuid(),
  date: z.iso.datetime({ offset: true }),
  // "HH:MM", as frab and pretalx write it.
  start: z.string().regex(/^\d{2}:\d{2}$/),
  duration: z.string().regex(/^[0-9]+:[0-9]{2}$/),
  room: z.string(),
  slug: z.string().regex(/^[a-z0-9_-]+[a-z0-9]$/),
  url: z.url(),
  title: z.string().min(1),
  subtitle: z.string().nullable(),
  track: z.string().nullable(),
  type: z.string(),
  language: z.string(),
  abstract: z.string().nullable(),
  description: z.string().nullable().optional(),
  persons: z.array(z.looseObject({ name: z.string().min(1) })),
  links: z.array(z.unknown()),
});
const scheduleFile = z.strictObject({
  $schema: z.string().optional(),
  generator: z.looseObject({ name: z.string() }).optional(),
  schedule: z.looseObject({
    version: z.string(),
    base_url: z.url().optional(),
    conference: z.strictObject({
      acronym: z.string().regex(/^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/),
      title: z.string(),
      description: z.string().optional(),
      start: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
      end: z.iso.date(),
      daysCount: z.int(),
      timeslot_duration: z.string(),
      time_zone_name: z.string().regex(/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/),
      url: z.url().optional(),
      days: z.array(
        z.strictObject({
          index: z.int(),
          date: z.iso.date(),
          day_start: z.iso.datetime({ offset: true }),
          day_end: z.iso.datetime({ offset: true }),
          rooms: z.record(z.string(), z.array(talk)),
        }),
      ),
    }),
  }),
});

describe("schedule.json", () => {
  it("has the frab / pretalx shape, with stable UUIDs shared by every language", async () => {
    const fr = scheduleFile.parse(JSON.parse(await read(`${COUNTER_SUMMIT.fr}schedule.json`)));
    const en = scheduleFile.parse(JSON.parse(await read(`${COUNTER_SUMMIT.en}schedule.json`)));
    const talks = (schedule: typeof fr) =>
      schedule.schedule.conference.days.flatMap((day) => Object.values(day.rooms).flat());
    expect(fr.schedule.conference).toMatchObject({
      acronym: "contre_sommet_2025",
      daysCount: 1,
      time_zone_name: "Europe/Paris",
      start: "2025-02-08T13:00:00+01:00",
      end: "2025-02-08",
    });
    expect(talks(fr).map((t) => [t.start, t.title])).toEqual([
      ["13:00", "IA & Extractivisme — On touche le fond mais on creuse encore"],
      ["14:00", "IA, vers une perte des savoirs"],
      ["15:15", "L’IA modifie notre manière de vivre et de penser"],
      ["15:50", "Ce que l’IA ne peut pas faire"],
      ["16:25", "Peut-on réguler l’IA\u202F?"],
      ["17:00", "Comment stopper l’IA"],
    ]);
    expect(talks(fr)[0]!.date).toBe("2025-02-08T13:00:00+01:00");
    expect(talks(fr)[1]!.persons.map((p) => p.name)).toEqual([
      "Le Chiffon",
      "Lève les yeux",
      "Les amis de la décroissance",
      "Solidaires / Sud (à confirmer)",
    ]);
    expect(talks(en)[4]).toMatchObject({
      title: "Can AI be regulated?",
      subtitle: "Peut-on réguler l’IA\u202F?",
      language: "fr",
      url: `${SITE_ORIGIN}${COUNTER_SUMMIT.en}#session-reguler-l-ia`,
    });
    expect(new Set(talks(fr).map((t) => t.guid)).size).toBe(6);
    for (const t of talks(fr))
      expect(t.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(talks(en).map((t) => t.guid)).toEqual(talks(fr).map((t) => t.guid));
  });

  it("is written only for events with a programme", () => {
    expect(files.some((file) => file.endsWith(path.join("sommet-action-ia-2025", "schedule.json")))).toBe(false);
  });
});

describe("event pages", () => {
  it("show the programme as a table of local times, with speakers, their organisations and a calendar file per session", () => {
    const page = byUrl.get(COUNTER_SUMMIT.fr)!;
    const rows = page.$("table.programme tbody tr").toArray();
    // French hours, "13 h" and "15 h 15", held together by narrow no-break spaces.
    expect(rows.map((row) => page.$(row).find("th time").text())).toEqual(
      ["13 h", "14 h", "15 h 15", "15 h 50", "16 h 25", "17 h"].map((time) => time.replace(/ /g, "\u202F")),
    );
    expect(rows.map((row) => page.$(row).find("th time").attr("datetime"))[0]).toBe("2025-02-08T13:00:00+01:00");
    expect(page.$(rows[0]).find("td").last().text().trim()).toBe("Barth, Extinction Rebellion");
    expect(page.$(rows[1]).find("td").last().text()).toContain("Solidaires / Sud (à confirmer)");
    for (const row of rows) {
      const link = page.$(row).find("a.add-session");
      expect(link.attr("download"), "saved as a file").toMatch(/^contre-sommet-2025-[a-z-]+\.ics$/);
      expect(files).toContain(path.join(siteDir, link.attr("href")!));
    }
    expect(page.$(".event-facts dd").first().text()).toBe("samedi 8 février 2025, à partir de 13\u202Fh");
    const en = byUrl.get(COUNTER_SUMMIT.en)!;
    expect(en.$(".event-facts dd").first().text()).toBe("Saturday, 8 February 2025, from 13:00");
    expect(en.$("table.programme tbody tr td .hint[lang=fr]").first().text()).toBe(
      "(IA & Extractivisme — On touche le fond mais on creuse encore)",
    );
  });

  it("link to the place on OpenStreetMap with a plain link, and load nothing from another host", () => {
    const summit = byUrl.get("/fr/agenda/sommet-action-ia-2025/")!;
    expect(summit.$(".event-facts a[href*='openstreetmap']").attr("href")).toBe(
      "https://www.openstreetmap.org/search?query=Grand%20Palais%2C%20Paris",
    );
    const counter = byUrl.get(COUNTER_SUMMIT.fr)!;
    expect(counter.$("a[href*='openstreetmap']").length, "no map for a town alone").toBe(0);
    expect(counter.$(".event-facts").text()).toContain("adresse précise non communiquée");
    for (const page of [summit, counter]) {
      expect(page.$("iframe, embed, object").length).toBe(0);
      expect(
        page
          .$("[src]")
          .toArray()
          .filter((el) => /^(https?:)?\/\//.test(page.$(el).attr("src")!)),
      ).toEqual([]);
    }
  });

  it("link to their announcements, and official events to the rebuttals answering them", () => {
    const counter = byUrl.get(COUNTER_SUMMIT.fr)!;
    expect(counter.$("#announcements + ul a").attr("href")).toBe("/fr/contre-sommet-ia/");
    const summit = byUrl.get("/en/events/sommet-action-ia-2025/")!;
    expect(summit.$("#rebuttals + ul a").attr("href")).toBe("/en/official-summit-rebuttal/");
    expect(byUrl.get(COUNTER_SUMMIT.en)!.$("#rebuttals").length, "only official events list rebuttals").toBe(0);
  });

  it("carry schema.org Event JSON-LD with the sessions as subEvent", () => {
    const page = byUrl.get(COUNTER_SUMMIT.en)!;
    const data = JSON.parse(page.$('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "AI counter-summit: why and how to resist the algorithmic dictatorship",
      url: `${SITE_ORIGIN}${COUNTER_SUMMIT.en}`,
      inLanguage: "en",
      startDate: "2025-02-08T13:00:00+01:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        name: "Paris",
        address: { "@type": "PostalAddress", addressLocality: "Paris", addressCountry: "FR" },
      },
      organizer: [{ "@type": "Organization", name: "Anti-Tech Resistance", url: "https://antitechresistance.org/" }],
    });
    expect(data.endDate, "no end is invented").toBeUndefined();
    expect(data.subEvent).toHaveLength(6);
    expect(data.subEvent[0]).toMatchObject({
      "@type": "Event",
      name: "AI and extractivism: we have hit rock bottom, and we keep digging",
      startDate: "2025-02-08T13:00:00+01:00",
      inLanguage: "fr",
      performer: [
        { "@type": "Person", name: "Barth", affiliation: { "@type": "Organization", name: "Extinction Rebellion" } },
      ],
    });
    const summit = JSON.parse(
      byUrl.get("/fr/agenda/sommet-action-ia-2025/")!.$('script[type="application/ld+json"]').text(),
    );
    expect(summit).toMatchObject({
      "@type": "Event",
      startDate: "2025-02-10",
      endDate: "2025-02-11",
      location: { name: "Grand Palais" },
    });
  });

  it("are listed on the agenda of each language, with their alternates", () => {
    for (const [lang, agenda] of [
      ["fr", "/fr/agenda/"],
      ["en", "/en/events/"],
    ] as const) {
      const page = byUrl.get(agenda)!;
      const links = page
        .$("main h3 a")
        .toArray()
        .map((a) => page.$(a).attr("href"));
      expect(links.sort()).toEqual(
        [
          "contre-sommet-2025",
          "rassemblement-agaip-2025",
          "sommet-action-ia-2025",
          "sommet-action-ia-business-day-2025",
        ].map((id) => `${agenda}${id}/`),
      );
      expect(
        byUrl
          .get(COUNTER_SUMMIT[lang])!
          .$(`link[rel=alternate][hreflang=${lang === "fr" ? "en" : "fr"}]`)
          .attr("href"),
      ).toBe(`${SITE_ORIGIN}${COUNTER_SUMMIT[lang === "fr" ? "en" : "fr"]}`);
    }
    expect(
      byUrl
        .get("/fr/")!
        .$(".site-nav a")
        .toArray()
        .map((a) => byUrl.get("/fr/")!.$(a).attr("href")),
    ).toEqual(expect.arrayContaining(["/fr/agenda/", "/fr/reponses/"]));
  });
});

describe("rebuttals", () => {
  it("show each claim as a cited quotation, followed by the section that answers it", () => {
    const page = byUrl.get("/fr/reponse-au-sommet-officiel/")!;
    const points = page.$("section.rebuttal-point").toArray();
    expect(points.map((point) => page.$(point).attr("aria-labelledby"))).toEqual([
      "agir-pour-l-ia-ou-agir-sur-elle",
      "une-opportunite-economique-pour-qui",
    ]);
    for (const point of points) {
      const section = page.$(point);
      expect(section.children().first().is("h2")).toBe(true);
      const claim = section.find(".claim");
      // The official programme's address and the day it was read were not recorded: neither is made up.
      expect(claim.find("blockquote").attr("cite")).toBeUndefined();
      expect(claim.find("cite").text()).toBe("Programme officiel du sommet");
      expect(claim.find("cite a, time").length).toBe(0);
      expect(claim.next().is(".answer"), "the answer follows the claim").toBe(true);
      expect(claim.next().find("p").length).toBeGreaterThan(1);
    }
    // Word for word (typographic apostrophes and spaces aside), as the official presentation of the Business Day has it.
    expect(
      page
        .$(points[1])
        .find("blockquote")
        .text()
        .replace(/[\u202F\u00A0]/g, " ")
        .replace(/’/g, "'"),
    ).toBe(
      "Les 10 et 11 février 2025, la France accueillera le Sommet pour l'action sur l'intelligence artificielle (IA). Dans ce cadre, une journée « Business Day » rassemblera les acteurs économiques français et internationaux le 11 février à la Station F, afin de mettre en avant les opportunités offertes par l'IA pour le développement et la transformation des entreprises.",
    );
    const en = byUrl.get("/en/official-summit-rebuttal/")!;
    const quoted = en.$("section.rebuttal-point").eq(1).find(".claim");
    expect(quoted.find("blockquote").attr("lang"), "quoted in the language it was written in").toBe("fr");
    expect(quoted.find("blockquote").text()).toContain("mettre en avant les opportunités offertes par l’IA");
    expect(quoted.find(".claim-translation").text()).toMatch(/^Our translation: On 10 and 11 February 2025/);
    expect(quoted.find("blockquote .claim-translation").length, "a translation is never the quotation").toBe(0);
    expect(
      page.$("h2#ce-que-nous-proposons").parent().is("section.rebuttal-point"),
      "a section without a claim stays as it is",
    ).toBe(false);
    expect(
      page
        .$(".rebuttal-events a")
        .toArray()
        .map((a) => page.$(a).attr("href")),
    ).toEqual(["/fr/agenda/sommet-action-ia-2025/", "/fr/agenda/sommet-action-ia-business-day-2025/"]);
  });

  it("are listed on the rebuttals index of each language", () => {
    for (const [index, post] of [
      ["/fr/reponses/", "/fr/reponse-au-sommet-officiel/"],
      ["/en/rebuttals/", "/en/official-summit-rebuttal/"],
    ]) {
      const page = byUrl.get(index!)!;
      expect(
        page
          .$("main h2 a")
          .toArray()
          .map((a) => page.$(a).attr("href")),
      ).toEqual([post]);
      expect(page.$("main .post-meta a").length).toBe(2);
    }
  });
});
