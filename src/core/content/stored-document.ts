// A read document as the cache stores it: JSON that keeps its dates (with their zone and locale) and its empty fields, or nothing when it holds anything else.
import { DateTime } from "luxon";

/** The key of the markers below: no field of a document is named with a NUL. */
const MARK = "\u0000";

type Stored = null | boolean | number | string | Stored[] | { [key: string]: Stored };

/** Thrown inside `encode` for a value JSON would not give back as it was: the document is then not stored. */
class NotStorable extends Error {}

function encode(value: unknown): Stored {
  if (value === undefined) return { [MARK]: "undefined" };
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new NotStorable();
    return value;
  }
  if (DateTime.isDateTime(value)) {
    // The instant in milliseconds: read back without parsing (luxon parses an ISO date two to three times slower).
    const date = { ms: value.toMillis(), zone: value.zoneName, locale: value.locale };
    if (!value.isValid || !date.zone || !decodeDate(date).equals(value)) throw new NotStorable();
    return { [MARK]: "date", ...date };
  }
  if (Array.isArray(value)) return value.map(encode);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (typeof value !== "object" || (prototype !== Object.prototype && prototype !== null)) throw new NotStorable();
  const stored: Record<string, Stored> = {};
  for (const [key, field] of Object.entries(value)) {
    if (key.includes(MARK)) throw new NotStorable();
    stored[key] = encode(field);
  }
  return stored;
}

function decodeDate(date: { ms: number; zone: string | null; locale: string | null }): DateTime {
  return DateTime.fromMillis(date.ms, { zone: date.zone!, ...(date.locale ? { locale: date.locale } : {}) });
}

function decode(stored: Stored): unknown {
  if (stored === null || typeof stored !== "object") return stored;
  if (Array.isArray(stored)) return stored.map(decode);
  const mark = stored[MARK];
  if (mark === "undefined") return undefined;
  if (mark === "date") return decodeDate(stored as unknown as Parameters<typeof decodeDate>[0]);
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(stored)) value[key] = decode(field);
  return value;
}

/** `value` as stored text, or undefined when it holds something JSON cannot give back as it is (a class instance…). */
export function storeDocument(value: unknown): string | undefined {
  try {
    return JSON.stringify(encode(value));
  } catch (error) {
    if (error instanceof NotStorable) return undefined;
    throw error;
  }
}

/** The value `storeDocument` stored, as it was: the same dates, zones and locales, and fields left undefined. */
export function restoreDocument(text: string): unknown {
  return decode(JSON.parse(text) as Stored);
}
