// vCard 4.0 (RFC 6350) for press contacts: escaping, folding, CRLF, and a real parser's reading of the result.
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { escapeText, foldLine, telUri, vCard, vCards } from "../../src/features/press/vcard.ts";

const contact = {
  uid: "urn:uuid:1f0e4d2a-5b7c-5d3e-9f10-2a3b4c5d6e7f",
  name: "Camille Exemple",
  familyName: "Exemple",
  givenNames: "Camille",
  role: "Relations presse, porte-parole; intérim",
  organisation: "Contre l’IA et son monde; Paris",
  email: "presse@example.org",
  phone: "+33 1 99 00 12 34",
  languages: ["fr", "en"],
  url: "https://tract.example.org/fr/presse/",
};

describe("vCard", () => {
  it("escapes backslashes, commas and newlines in text, and semicolons in the fields of compound properties", () => {
    expect(escapeText("a\\b, c; d\ne")).toBe("a\\\\b\\, c; d\\ne");
    expect(escapeText("a; b", true)).toBe("a\\; b");
  });

  it("folds lines longer than 75 octets without splitting a UTF-8 character", () => {
    const line = `NOTE:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(physical.map((part, index) => (index ? part.slice(1) : part)).join("")).toBe(line);
    expect(foldLine("FN:Short")).toBe("FN:Short");
  });

  it("writes phone numbers as tel: URIs", () => {
    expect(telUri("+33 1 99 00 12 34")).toBe("tel:+33-1-99-00-12-34");
    expect(telUri("+1 (555) 010.0199")).toBe("tel:+1-555-010-0199");
  });

  it("ends every line with CRLF and reads back through ical.js with the same values", () => {
    const card = vCard(contact);
    expect(card.endsWith("\r\n")).toBe(true);
    expect(card.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [kind, properties] = ICAL.parse(card) as [string, [string, Record<string, unknown>, string, ...string[]][]];
    expect(kind).toBe("vcard");
    const value = (name: string) => properties.filter((p) => p[0] === name).map((p) => p.slice(3).join(","));
    expect(value("version")).toEqual(["4.0"]);
    expect(value("fn")).toEqual(["Camille Exemple"]);
    expect(value("title")).toEqual(["Relations presse, porte-parole; intérim"]);
    expect(value("org")).toEqual(["Contre l’IA et son monde; Paris"]);
    expect(value("email")).toEqual(["presse@example.org"]);
    expect(value("tel")).toEqual(["tel:+33-1-99-00-12-34"]);
    expect(value("lang")).toEqual(["fr", "en"]);
    expect(properties.find((p) => p[0] === "tel")?.[2]).toBe("uri");
    expect(value("uid")).toEqual([contact.uid]);
    expect(value("n")).toEqual(["Exemple,Camille,,,"]);
  });

  it("gives the phone its two types as a list of values, never as one quoted value strict readers take for one type", () => {
    const card = vCard(contact);
    expect(card).toContain("TEL;VALUE=uri;TYPE=work,voice:tel:+33-1-99-00-12-34\r\n");
    expect(card).not.toMatch(/TYPE="/);
    const [, properties] = ICAL.parse(card) as [string, [string, Record<string, unknown>, string, string][]];
    expect(properties.find((p) => p[0] === "tel")?.[1]).toEqual({ type: ["work", "voice"] });
  });

  it("puts several cards in one file", () => {
    const parsed = ICAL.parse(vCards([contact, { ...contact, name: "Sam Exemple" }])) as unknown[];
    expect(parsed).toHaveLength(2);
  });
});
