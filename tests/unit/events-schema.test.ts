// Bad event files and bad rebuttal claims give one clear line naming the file and the field; good ones give none.
import { describe, expect, it } from "vitest";
import { errorLines, fixtureProject, modelFor, postSource } from "../helpers/fixture.ts";
import { EVENTS } from "../../src/features/events/entries.ts";

/** A valid event file (YAML); `extra` lines are appended or replace the top-level field they name. */
function eventSource(fields: Record<string, string | undefined> = {}): string {
  const defaults: Record<string, string> = {
    title: "{ fr: Un contre-sommet, en: A counter-summit }",
    description: "{ fr: Un après-midi de débats., en: An afternoon of debates. }",
    start: "2025-02-08T13:00",
    updated: "2025-01-27",
    place: "{ locality: Paris }",
    sessions:
      "\n  - { start: 2025-02-08T13:00, title: Ouverture }\n  - { start: 2025-02-08T14:00, end: 2025-02-08T15:00, title: { fr: Table ronde, en: Round table } }",
  };
  return Object.entries({ ...defaults, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
}

const FILE = "_data/events/contre-sommet.yaml";
const eventErrors = (fields: Record<string, string | undefined>, files: Record<string, string> = {}) =>
  errorLines({ [FILE]: eventSource(fields), ...files });

describe("event files", () => {
  it("accepts a valid event", async () => {
    expect(await eventErrors({})).toEqual([]);
  });

  it("reports an end before the start", async () => {
    expect(await eventErrors({ end: "2025-02-08T12:00" })).toEqual([
      `${FILE}:9: end: "2025-02-08T12:00" is before start (expected a time after 2025-02-08T13:00)`,
    ]);
    expect(await eventErrors({ start: "2025-02-10", end: "2025-02-09", sessions: undefined })).toEqual([
      `${FILE}:6: end: "2025-02-09" is before start (expected a date on or after 2025-02-10)`,
    ]);
  });

  it("reports an unknown time zone", async () => {
    expect(await eventErrors({ timezone: "Europe/Pariss" })).toEqual([
      `${FILE}:9: timezone: "Europe/Pariss" is not a known time zone (expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal)`,
    ]);
  });

  it("reads times without offset in the event's own zone, the site's by default", async () => {
    const startsOf = async (fields: Record<string, string>) => {
      const { model } = await modelFor(await fixtureProject({ [FILE]: eventSource(fields) }));
      return EVENTS.require(model!.edition("fr"))[0]!.days[0]!.sessions.map((session) => session.start.toUTC().toISO());
    };
    expect(await startsOf({})).toEqual(["2025-02-08T12:00:00.000Z", "2025-02-08T13:00:00.000Z"]);
    expect(await startsOf({ timezone: "America/Montreal" })).toEqual([
      "2025-02-08T18:00:00.000Z",
      "2025-02-08T19:00:00.000Z",
    ]);
  });

  it("reports a session outside its event's day, before its start or ending before it begins", async () => {
    expect(await eventErrors({ sessions: "\n  - { start: 2025-02-09T13:00, title: Le lendemain }" })).toEqual([
      `${FILE}:6: sessions #1 › start: "2025-02-09T13:00" is not on the event's day (expected a time on 2025-02-08, in Europe/Paris)`,
    ]);
    expect(await eventErrors({ sessions: "\n  - { start: 2025-02-08T12:00, title: Trop tôt }" })).toEqual([
      `${FILE}:6: sessions #1 › start: "2025-02-08T12:00" is before the event's start (expected 2025-02-08T13:00 or later)`,
    ]);
    expect(
      await eventErrors({ sessions: "\n  - { start: 2025-02-08T14:00, end: 2025-02-08T13:30, title: À l'envers }" }),
    ).toEqual([
      `${FILE}:6: sessions #1 › end: "2025-02-08T13:30" is not after the session's start (expected a time after 2025-02-08T14:00)`,
    ]);
    expect(
      await eventErrors({
        start: "2025-02-10",
        end: "2025-02-11",
        sessions: "\n  - { start: 2025-02-12T10:00, title: Après }",
      }),
    ).toEqual([
      `${FILE}:6: sessions #1 › start: "2025-02-12T10:00" is not during the event's days (expected a time between 2025-02-10 and 2025-02-11, in Europe/Paris)`,
    ]);
  });

  it("reports a whole-day start with a timed end, and a session without time", async () => {
    expect(await eventErrors({ start: "2025-02-10", end: "2025-02-11T18:00", sessions: undefined })).toEqual([
      `${FILE}:6: end: "2025-02-11T18:00" has a time but start has none (expected a date, e.g. 2025-02-10, for a whole-day event)`,
    ]);
    expect(await eventErrors({ sessions: "\n  - { start: 2025-02-08, title: Sans heure }" })).toEqual([
      `${FILE}:6: sessions #1 › start: "2025-02-08" has no time (expected a date-time, e.g. 2025-02-08T13:00)`,
    ]);
  });

  it("reports texts without the default language, in an undeclared language, and two sessions with one id", async () => {
    expect(await eventErrors({ title: "{ en: Only English }" })).toEqual([
      `${FILE}:1: title › fr: missing (expected the text in fr, the default language, which stands in for missing translations)`,
    ]);
    expect(await eventErrors({ title: "{ fr: Un titre, de: Ein Titel }" })).toEqual([
      `${FILE}:1: title › de: "de" is not a declared language (expected one of fr, en)`,
    ]);
    expect(
      await eventErrors({
        sessions: "\n  - { start: 2025-02-08T13:00, title: Débat }\n  - { start: 2025-02-08T14:00, title: Débat }",
      }),
    ).toEqual([
      `${FILE}:6: sessions #2 › title: gives the id "debat", already used by session 1 (expected an id of its own: add \`id:\` to one of them)`,
    ]);
  });

  it("names the session by its place in the file for an empty, a non-slug or a missing id, and for any other field", async () => {
    const second = (session: string) =>
      eventErrors({ sessions: `\n  - { start: 2025-02-08T13:00, title: Ouverture }\n  - ${session}` });
    const idExpectation =
      "expected a short stable name for the session, used in calendar UIDs and addresses, e.g. ia-et-extractivisme";
    expect(await second('{ start: 2025-02-08T14:00, title: Débat, id: "" }')).toEqual([
      `${FILE}:6: sessions #2 › id: "" is not a slug (${idExpectation})`,
    ]);
    expect(await second('{ start: 2025-02-08T14:00, title: Débat, id: "Table Ronde" }')).toEqual([
      `${FILE}:6: sessions #2 › id: "Table Ronde" is not a slug (${idExpectation})`,
    ]);
    // A title without letter or digit made an empty id, and a calendar at sessions/.ics.
    expect(await second('{ start: 2025-02-08T14:00, title: "!!!" }')).toEqual([
      `${FILE}:6: sessions #2 › title: "!!!" gives no id: it has no letter or digit to make one from (expected \`id:\`, e.g. id: ouverture)`,
    ]);
    expect(await second("{ title: Débat }")).toEqual([
      `${FILE}:6: sessions #2 › start: missing (expected a date-time, e.g. 2025-02-08T13:00)`,
    ]);
    expect(await second("{ start: 2025-02-08T14:00, title: Débat, salle: B }")).toEqual([
      `${FILE}:6: sessions #2 › salle: unknown field (expected one of id, start, end, title, description, note, type, language, speakers)`,
    ]);
    expect(await second("{ start: 2025-02-08T14:00+99:99, title: Débat }")).toEqual([
      `${FILE}:6: sessions #2 › start: "2025-02-08T14:00+99:99" has the offset +99:99, which no place uses (expected an offset from -12:00 to +14:00, e.g. +01:00)`,
    ]);
    expect(await second("null")).toEqual([
      `${FILE}:6: sessions #2: null is not a session (expected a session with start and title)`,
    ]);
  });

  it("refuses offsets and abbreviations as time zones, naming the file", async () => {
    const message = (zone: string) =>
      `${FILE}:9: timezone: "${zone}" is not a time zone name (expected a place name of the time zone database, e.g. Europe/Paris, Europe/Moscow or America/Montreal: an offset such as UTC+3 or +03:00, or an abbreviation such as CET, names no place whose summer time tract could follow)`;
    for (const zone of ["UTC+3", "+03:00", "CET"])
      expect(await eventErrors({ timezone: `"${zone}"` })).toEqual([message(zone)]);
  });

  it("says what a file that is no mapping, or misses its start, should hold", async () => {
    expect(await errorLines({ [FILE]: "- Contre-sommet\n- Paris\n" })).toEqual([
      `${FILE}: is not a list of \`field: value\` lines (expected an event: title, description, start, updated, place…)`,
    ]);
    expect(await eventErrors({ start: undefined, place: undefined })).toEqual([
      `${FILE}: start: missing (expected 2025-02-08 or 2025-02-08T13:00)`,
      `${FILE}: place: missing (expected a place with at least its locality, e.g. { name: Grand Palais, locality: Paris })`,
    ]);
  });

  it("names a folder that takes the name of an event file, instead of failing without a file name", async () => {
    expect(await errorLines({ "_data/events/dossier.yaml/notes.txt": "" })).toEqual([
      "_data/events/dossier.yaml: cannot be read (EISDIR: expected a YAML file the build can read)",
    ]);
  });

  it("reports a place with half its coordinates, and an unknown field", async () => {
    expect(await eventErrors({ place: "{ locality: Paris, lat: 48.8 }" })).toEqual([
      `${FILE}:5: place › lat: has only one of lat and lon (expected both, or neither: the map link then searches the address)`,
    ]);
    expect(await eventErrors({ lieu: "Paris" })).toEqual([`${FILE}:9: lieu: unknown field`]);
  });

  it("reports an announcement that names no post, and accepts one that does", async () => {
    expect(await eventErrors({ announcements: "[contre-sommet]" })).toEqual([
      `${FILE}: announcements #1: "contre-sommet" is not the translationKey of any post (expected the translationKey of a post in posts/ announcing this event)`,
    ]);
    expect(
      await eventErrors(
        { announcements: "[contre-sommet]" },
        { "posts/fr/annonce.md": postSource({ translationKey: "contre-sommet", kind: "announcement" }) },
      ),
    ).toEqual([]);
  });

  it("reports a file name that cannot be an address", async () => {
    expect(await errorLines({ "_data/events/Contre Sommet.yaml": eventSource() })).toEqual([
      `_data/events/Contre Sommet.yaml: the file name "Contre Sommet" is not a slug (expected lowercase letters, digits and hyphens, e.g. contre-sommet-2025.yaml: it is the event's address)`,
    ]);
  });
});

/** A rebuttal post answering the official event `sommet` with the given claims (YAML list items). */
function rebuttal(claims: string | undefined, extra: Record<string, string> = {}): string {
  const body = "Intro.\n\n## Une opportunité pour qui ?\n\nNotre réponse.\n";
  return postSource(
    {
      kind: "rebuttal",
      translationKey: "reponse",
      events: "[sommet]",
      ...(claims === undefined ? {} : { claims }),
      ...extra,
    },
    body,
  );
}
const CLAIM = `{ quote: "Une chance pour les entreprises", by: Les organisateurs, source: { name: Site du sommet, url: "https://example.org/sommet" }, date: 2025-01-20, answer: une-opportunite-pour-qui }`;
const official = {
  "_data/events/sommet.yaml": eventSource({
    official: "true",
    start: "2025-02-10",
    end: "2025-02-11",
    sessions: undefined,
  }),
};
const rebuttalErrors = (claims: string | undefined, extra: Record<string, string> = {}) =>
  errorLines({ ...official, "posts/fr/reponse.md": rebuttal(claims, extra) });

describe("rebuttal claims", () => {
  it("accepts a rebuttal whose claims are each answered by one of its sections", async () => {
    expect(await rebuttalErrors(`[${CLAIM}]`)).toEqual([]);
  });

  it("reports a claim without a source, and takes a source named without the URL nobody recorded", async () => {
    expect(await rebuttalErrors(`[${CLAIM.replace(/source: \{[^}]*\}, /, "")}]`)).toEqual([
      "posts/fr/reponse.md:8: claims #1 › source: missing (expected where the claim was made: its name, and its URL when known, e.g. { name: Site officiel du sommet, url: https://… })",
    ]);
    expect(await rebuttalErrors(`[${CLAIM.replace(', url: "https://example.org/sommet"', "")}]`)).toEqual([]);
    expect(
      await rebuttalErrors(`[${CLAIM.replace('url: "https://example.org/sommet"', 'url: "www.elysee.fr"')}]`),
    ).toEqual([
      'posts/fr/reponse.md:8: claims #1 › source › url: "www.elysee.fr" is not a web address (expected the address of the page quoted, e.g. https://www.elysee.fr/…)',
    ]);
  });

  it("takes an undated claim (nobody invents a date), and reports one made after the post", async () => {
    expect(await rebuttalErrors(`[${CLAIM.replace("date: 2025-01-20, ", "")}]`)).toEqual([]);
    expect(await rebuttalErrors(`[${CLAIM.replace("date: 2025-01-20", "date: 2025-03-01")}]`)).toEqual([
      'posts/fr/reponse.md:8: claims #1 › date: "2025-03-01" is after the post\'s date (expected a claim made before 2025-02-08, when the post answers it)',
    ]);
  });

  it("reports a claim whose answer is not a section of the post", async () => {
    expect(await rebuttalErrors(`[${CLAIM.replace("answer: une-opportunite-pour-qui", "answer: pour-qui")}]`)).toEqual([
      'posts/fr/reponse.md:8: claims #1 › answer: "pour-qui" is not a section of this post (expected the id of one of its ## headings: une-opportunite-pour-qui)',
    ]);
  });

  it("reports a rebuttal without claims, and claims on another kind of post", async () => {
    expect(await rebuttalErrors(undefined)).toEqual([
      "posts/fr/reponse.md: claims: missing (expected the claims this rebuttal answers: quote, by, source, date and answer for each)",
    ]);
    expect(await errorLines({ "posts/fr/billet.md": postSource({ claims: `[${CLAIM}]` }) })).toEqual([
      "posts/fr/billet.md:6: claims: is only for rebuttals (expected kind: rebuttal, or no claims)",
    ]);
  });

  it("reports answered events that do not exist or are not official", async () => {
    expect(await rebuttalErrors(`[${CLAIM}]`, { events: "[sommet-inconnu]" })).toEqual([
      'posts/fr/reponse.md:7: events #1: "sommet-inconnu" is not an event (expected the name of a file in _data/events/ without .yaml: sommet)',
    ]);
    const ours = { "_data/events/sommet.yaml": eventSource() };
    expect(await errorLines({ ...ours, "posts/fr/reponse.md": rebuttal(`[${CLAIM}]`) })).toEqual([
      'posts/fr/reponse.md:7: events #1: "sommet" is not an official event (expected an event with `official: true` in _data/events/sommet.yaml: rebuttals answer official events)',
    ]);
  });
});
