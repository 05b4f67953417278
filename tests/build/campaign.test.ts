// The campaign site on real builds at two clocks: the next events on the home page and then not, the agenda calendar (ical.js), ends carried by every output, menus from data.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCalendar } from "../helpers/ical.ts";
import { copyProject, runBuild, runScript } from "../helpers/project.ts";

const BEFORE = "2025-02-01T12:00+01:00";
/** After every sample event, and less than three months after: they are past, and still in the agenda calendar. */
const AFTER = "2025-02-12T12:00+01:00";

/** An event whose organisers gave its end and its sessions' ends. */
const WORKSHOP = `title: { fr: Atelier d'écriture, en: Writing workshop }
description: { fr: Écrire ensemble nos prochains tracts., en: Writing our next leaflets together. }
start: 2025-02-05T18:00
end: 2025-02-05T20:00
place: { name: Salle des fêtes, locality: Paris }
updated: 2025-01-30
sessions:
  - { start: 2025-02-05T18:00, end: 2025-02-05T19:00, id: lire, title: Lire }
  - { start: 2025-02-05T19:00, end: 2025-02-05T20:00, id: ecrire, title: Écrire }
`;
/** One whose file says nothing of its end: `check` asks for it. */
const MEETING = `title: Réunion publique
description: Une réunion publique.
start: 2025-02-06T19:00
place: { locality: Lyon }
updated: 2025-01-30
sessions:
  - { start: 2025-02-06T19:00, id: accueil, title: Accueil }
`;
const NAVIGATION = `menu:
  - section: events
  - page: soutenir
footer:
  - page: legal-notice
  - url: https://dons.example.org/
    label: { fr: Faire un don, en: Donate }
  - url: https://mastodon.example/@collectif
    label: Mastodon
    rel: me
  - email: contact@example.org
    label: { fr: Nous écrire, en: Write to us }
    languages: [fr]
callToAction:
  text: { fr: Soutenez-nous., en: Support us. }
  links:
    - { url: https://dons.example.org/, label: { fr: Faire un don, en: Donate } }
`;

let root: string;
const builds: Record<string, { code: number; stderr: string }> = {};
const page = async (build: string, url: string) =>
  cheerio.load(await readFile(path.join(root, build, url, "index.html"), "utf8"));
const file = (build: string, url: string) => readFile(path.join(root, build, url), "utf8");

beforeAll(async () => {
  root = await copyProject();
  await writeFile(path.join(root, "_data/events/atelier-2025.yaml"), WORKSHOP);
  await writeFile(path.join(root, "_data/events/reunion-2025.yaml"), MEETING);
  await writeFile(path.join(root, "_data/navigation.yaml"), NAVIGATION);
  await writeFile(
    path.join(root, "pages/fr/soutenir.md"),
    "---\ntitle: Nous soutenir\ndescription: Comment soutenir le collectif.\ntranslationKey: soutenir\nupdated: 2025-01-30\n---\nMerci.\n",
  );
  for (const [build, now] of [
    ["_before", BEFORE],
    ["_after", AFTER],
  ] as const) {
    builds[build] = await runBuild(root, build, { TRACT_NOW: now });
    expect(builds[build].code, builds[build].stderr).toBe(0);
  }
}, 180_000);

describe("the home page", () => {
  it("leads with the next events before they happen, and no longer shows them once they are over", async () => {
    const before = await page("_before", "fr");
    const cards = before(".next-events .event-card").toArray();
    expect(cards.map((card) => before(card).find("h3 a").attr("href"))).toEqual([
      "/fr/agenda/atelier-2025/",
      "/fr/agenda/reunion-2025/",
      "/fr/agenda/contre-sommet-2025/",
    ]);
    const workshop = before(cards[0]);
    expect(workshop.find("time").text()).toBe("mercredi 5 février 2025, 18\u202Fh\u2009–\u200920\u202Fh");
    expect(workshop.find(".event-card-where").text()).toBe("Salle des fêtes, Paris");
    expect(workshop.find('a[type="text/calendar"]').attr("href")).toBe("/fr/agenda/atelier-2025/atelier-2025.ics");
    expect(before(".featured h3 a").attr("href"), "the announcement of an event to come").toBe("/fr/contre-sommet-ia/");
    expect(before("main > section").first().is(".next-events"), "before the posts").toBe(true);
    expect(before(".site-title img.site-logo").attr("src"), "the logo of _data/site.yaml").toBe(
      "/assets/press/logo.svg",
    );

    const after = await page("_after", "fr");
    expect(after(".next-events .event-card").length).toBe(0);
    expect(after(".next-events").text()).toContain("Aucun rendez-vous annoncé pour l’instant.");
    expect(after(".featured").length, "an announcement whose events are over is no longer featured").toBe(0);
    expect(after('.post-list a[href="/fr/contre-sommet-ia/"]').length, "it is still among the latest posts").toBe(1);
  });

  it("shows the call to action from _data/navigation.yaml, in each language", async () => {
    const fr = await page("_before", "fr");
    expect(fr(".call-to-action p").text()).toBe("Soutenez-nous.");
    expect(fr(".call-to-action a").attr("href")).toBe("https://dons.example.org/");
    expect((await page("_before", "en"))(".call-to-action a").text()).toBe("Donate");
  });
});

describe("the agenda calendar", () => {
  it("holds every upcoming and recent event and session, with the UIDs of their own files and DTEND where an end is known", async () => {
    for (const [lang, agenda] of [
      ["fr", "fr/agenda"],
      ["en", "en/events"],
    ] as const) {
      const subscribed = parseCalendar(await file("_before", `${agenda}/agenda.ics`));
      const ids = ["atelier-2025", "contre-sommet-2025", "rassemblement-agaip-2025", "reunion-2025"];
      const official = ["sommet-action-ia-2025", "sommet-action-ia-business-day-2025"];
      const own = (
        await Promise.all([...ids, ...official].map(async (id) => file("_before", `${agenda}/${id}/${id}.ics`)))
      ).flatMap(parseCalendar);
      expect(subscribed.map((event) => event.uid).sort(), lang).toEqual(own.map((event) => event.uid).sort());
      expect(subscribed.length).toBe(6 + 6 + 2 + 1);
      const byUid = new Map(subscribed.map((event) => [event.uid, event]));
      expect(byUid.get("atelier-2025@tract.example.org")!.end!.toJSDate().toISOString()).toBe(
        "2025-02-05T19:00:00.000Z",
      );
      expect(byUid.get("atelier-2025.lire@tract.example.org")!.end!.toJSDate().toISOString()).toBe(
        "2025-02-05T18:00:00.000Z",
      );
      expect(byUid.get("sommet-action-ia-2025@tract.example.org")!.end!.toString()).toBe("2025-02-12");
      expect(byUid.get("contre-sommet-2025@tract.example.org")!.end, "tract never invents an end").toBeNull();
    }
    const text = await file("_before", "fr/agenda/agenda.ics");
    expect(text).toContain("X-WR-CALNAME:Agenda — Contre l’IA et son monde\r\n");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT3H\r\n");
    // Once over, events stay in it for a while: a subscriber's calendar keeps them.
    expect(parseCalendar(await file("_after", "fr/agenda/agenda.ics")).length).toBe(15);
  });

  it("is linked as webcal:// and https:// from the agenda and the Subscribe page", async () => {
    for (const url of ["fr/agenda", "fr/s-abonner"]) {
      const $ = await page("_before", url);
      expect($('a[href="webcal://tract.example.org/fr/agenda/agenda.ics"]').length, url).toBe(1);
      expect($('a[href="/fr/agenda/agenda.ics"]').text(), url).toBe("https://tract.example.org/fr/agenda/agenda.ics");
    }
  });
});

describe("ends", () => {
  it("are carried by every output when given: calendars, schedule.json, the page and its JSON-LD", async () => {
    const workshop = await page("_before", "fr/agenda/atelier-2025");
    expect(workshop("table.programme tbody th time").first().text()).toBe("18\u202Fh\u2009–\u200919\u202Fh");
    const data = JSON.parse(workshop('script[type="application/ld+json"]').text());
    expect(data.endDate).toBe("2025-02-05T20:00:00+01:00");
    expect(data.subEvent.map((session: { endDate: string }) => session.endDate)).toEqual([
      "2025-02-05T19:00:00+01:00",
      "2025-02-05T20:00:00+01:00",
    ]);
    expect(data.subEvent[0].performer, "no empty list").toBeUndefined();
    const schedule = JSON.parse(await file("_before", "fr/agenda/atelier-2025/schedule.json"));
    const talks = schedule.schedule.conference.days[0].rooms["Salle des fêtes"];
    expect(talks.map((talk: { duration: string }) => talk.duration)).toEqual(["01:00", "01:00"]);
    const session = parseCalendar(await file("_before", "fr/agenda/atelier-2025/sessions/ecrire.ics"));
    expect(session[0]!.end!.toJSDate().toISOString()).toBe("2025-02-05T19:00:00.000Z");
    const official = JSON.parse(
      (await page("_before", "fr/agenda/sommet-action-ia-business-day-2025"))(
        'script[type="application/ld+json"]',
      ).text(),
    );
    expect(official.endDate, "a whole day ends on that day").toBe("2025-02-11");
    expect("subEvent" in official, "no empty list").toBe(false);
  });

  it("are asked for by the build and `npm run check` when a timed event or session has none", async () => {
    const missing = [
      "_data/events/reunion-2025.yaml: end: missing: calendar apps then show it lasting all day, an hour or no time at all, and schedule.json gives it a duration of 00:00 (expected end: 2025-02-06T20:00, or end: unknown when the organisers announced none)",
      "_data/events/reunion-2025.yaml: sessions #1 › end: missing: calendar apps then show it lasting all day, an hour or no time at all, and schedule.json gives it a duration of 00:00 (expected end: 2025-02-06T20:00, or end: unknown when the organisers announced none)",
    ];
    for (const line of missing) expect(builds._before!.stderr).toContain(`[tract] warning: ${line}`);
    expect(builds._before!.stderr, "the sample's events say `end: unknown`").not.toContain(
      "contre-sommet-2025.yaml: end",
    );
    const check = await runScript(root, "src/cli/check.ts", [], { TRACT_NOW: BEFORE });
    expect(check.code, "warnings only").toBe(0);
    expect(check.stdout).toContain("sessions #1 › end: missing: calendar apps then show it");
  });
});

describe("menus from data", () => {
  it("change with _data/navigation.yaml: a page in one line, rel=me, e-mail, links per language", async () => {
    const fr = await page("_before", "fr");
    const hrefs = ($: cheerio.CheerioAPI, selector: string) =>
      $(selector)
        .toArray()
        .map((a) => $(a).attr("href"));
    expect(hrefs(fr, ".site-nav a")).toEqual(["/fr/agenda/", "/fr/soutenir/"]);
    expect(fr('.site-nav a[href="/fr/soutenir/"]').text()).toBe("Nous soutenir");
    expect(hrefs(fr, ".site-footer nav a")).toEqual([
      "/fr/mentions-legales/",
      "https://dons.example.org/",
      "https://mastodon.example/@collectif",
      "mailto:contact@example.org",
    ]);
    expect(fr('.site-footer a[rel="me"]').attr("href")).toBe("https://mastodon.example/@collectif");
    const en = await page("_before", "en");
    expect(hrefs(en, ".site-nav a"), "the page is not written in English").toEqual(["/en/events/"]);
    expect(hrefs(en, ".site-footer nav a")).toEqual([
      "/en/legal-notice/",
      "https://dons.example.org/",
      "https://mastodon.example/@collectif",
    ]);
    expect((await page("_before", "fr/soutenir"))('.site-nav a[aria-current="page"]').attr("href")).toBe(
      "/fr/soutenir/",
    );
  });

  it("stop the build on a link that leads nowhere, naming the file, the field and the fix", async () => {
    const errors = async (navigation: string) => {
      await writeFile(path.join(root, "_data/navigation.yaml"), navigation);
      const failed = await runBuild(root, "_bad");
      expect(failed.code).toBe(1);
      return failed.stderr.split("\n").filter((line) => line.startsWith("_data/navigation.yaml"));
    };
    expect(await errors("menu:\n  - url: https://example.org/\n  - { section: events, page: soutenir }\n")).toEqual([
      "_data/navigation.yaml:1: menu #1 › label: missing (expected the text of the link, e.g. label: { fr: Faire un don, en: Donate })",
      "_data/navigation.yaml:1: menu #2: has section and page (expected one of section, page, url or email)",
    ]);
    expect(
      await errors(
        "menu:\n  - section: evenements\n  - page: nulle-part\nfooter:\n  - { section: posts, label: { de: Beiträge } }\n",
      ),
    ).toEqual([
      '_data/navigation.yaml: menu #1 › section: "evenements" is not a section of the site (expected one of home, posts, tags, archive, press, events, rebuttals, subscribe, search)',
      '_data/navigation.yaml: menu #2 › page: "nulle-part" is not the translationKey of any page (expected one of the pages in pages/: about, legal-notice, soutenir)',
      '_data/navigation.yaml: footer #1 › label › de: "de" is not a declared language (expected one of fr, en)',
    ]);
  });
});
