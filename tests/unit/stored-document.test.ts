// Documents kept between builds: what the cache gives back is the document as read, dates with their zone and locale, empty fields and all.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { restoreDocument, storeDocument } from "../../src/core/content/stored-document.ts";

describe("a stored document", () => {
  it("comes back with the same dates (instant, zone, locale), nested fields and undefined fields", () => {
    const date = DateTime.fromISO("2025-02-08T18:30", { zone: "Europe/Paris" });
    const fixed = DateTime.fromISO("2025-02-07T09:00+01:00", { setZone: true });
    const french = DateTime.fromISO("2025-03-30T02:30", { zone: "Europe/Paris", locale: "fr" });
    const document = {
      title: "Le charbon revient",
      date,
      embargo: undefined,
      tags: ["énergie", "charbon"],
      fields: { event: { sessions: [{ start: fixed, end: undefined, room: null }] }, summary: french, count: 3 },
    };
    const restored = restoreDocument(storeDocument(document)!) as typeof document;
    expect(restored.date.equals(date)).toBe(true);
    expect(restored.date.zoneName).toBe("Europe/Paris");
    expect(restored.fields.event.sessions[0]!.start.equals(fixed)).toBe(true);
    expect(restored.fields.summary.locale).toBe("fr");
    expect(restored.fields.summary.equals(french)).toBe(true);
    expect(Object.keys(restored)).toEqual(Object.keys(document));
    expect("embargo" in restored && restored.embargo === undefined).toBe(true);
    expect(restored.fields.event.sessions[0]).toHaveProperty("end", undefined);
    expect({ ...restored, date: undefined, fields: undefined }).toEqual({
      ...document,
      date: undefined,
      fields: undefined,
    });
  });

  it("is not stored when it holds what JSON would not give back as it was", () => {
    expect(storeDocument({ at: new Date(0) })).toBeUndefined();
    expect(storeDocument({ seen: new Set(["a"]) })).toBeUndefined();
    expect(storeDocument({ ratio: Number.NaN })).toBeUndefined();
    expect(storeDocument({ invalid: DateTime.invalid("no date") })).toBeUndefined();
    expect(storeDocument({ "\u0000date": "a field named like a marker" })).toBeUndefined();
  });
});
