// The message catalogue: every message of the code has its French text, the writer's language is chosen as documented, zod's words never reach the writer.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { messagesIn, readTranslations, writerLanguage } from "../../src/core/i18n/catalogue.ts";
import { PLACEHOLDER, msg, ordinal, plural } from "../../src/core/i18n/message.ts";
import { fieldLabel, formatProblem } from "../../src/core/content/problems.ts";
import { zodProblems } from "../../src/core/content/zod-problems.ts";
import { messageTemplates } from "../helpers/message-templates.ts";

const placeholders = (template: string) => [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();

describe("the French catalogue (src/messages/fr.yaml)", () => {
  const french = readTranslations("fr");
  const templates = messageTemplates();

  it("has a translation for every message of the code", () => {
    const missing = templates.filter(({ template }) => !french.has(template)).map((t) => `${t.where}: ${t.template}`);
    expect(missing).toEqual([]);
    expect(templates.length).toBeGreaterThan(300);
  });

  it("keeps no translation of a message the code no longer has", () => {
    const used = new Set(templates.map((t) => t.template));
    expect([...french.keys()].filter((template) => !used.has(template))).toEqual([]);
  });

  it("gives every translation the values of its English template, none lost and none invented", () => {
    const wrong = [...french].filter(([english, translated]) => {
      return placeholders(english).join() !== placeholders(translated).join();
    });
    expect(wrong).toEqual([]);
  });
});

describe("rendering a message", () => {
  const fr = messagesIn("fr");
  const problem = msg`${'"x"'} is not a slug (expected ${msg`lowercase letters, digits and hyphens, e.g. retour-du-charbon`})`;

  it("fills the English template, or its translation, with the values, translating the messages among them", () => {
    expect(String(problem)).toBe(
      '"x" is not a slug (expected lowercase letters, digits and hyphens, e.g. retour-du-charbon)',
    );
    expect(fr.render(problem)).toBe(
      '"x" n’est pas un slug (attendu : des minuscules, des chiffres et des traits d’union, par exemple retour-du-charbon)',
    );
  });

  it("counts with each language's plural rules, and positions from 1", () => {
    const count = (n: number) => plural(n, msg`${n} problem`, msg`${n} problems`);
    expect([0, 1, 2].map((n) => messagesIn("en").render(msg`${count(n)}`))).toEqual([
      "0 problems",
      "1 problem",
      "2 problems",
    ]);
    expect([0, 1, 2].map((n) => fr.render(msg`${count(n)}`))).toEqual(["0 problème", "1 problème", "2 problèmes"]);
    expect(fieldLabel("sessions.1.speakers.0.name")).toBe("sessions #2 › speakers #1 › name");
    expect(fieldLabel("sessions.1.id", fr)).toBe("sessions n° 2 › id");
    expect(messagesIn("en").render(msg`${ordinal(2)}`)).toBe("2nd");
  });

  it("writes one line per problem: file, line, field, message", () => {
    const line = { file: "posts/fr/a.md", line: 3, field: "slug", message: problem, severity: "error" as const };
    expect(formatProblem(line, fr)).toMatch(/^posts\/fr\/a\.md:3: slug: "x" n’est pas un slug/);
  });
});

describe("the writer's language", () => {
  it("is --messages, then TRACT_MESSAGES, then the locale, then the site's default language, then English", () => {
    expect(writerLanguage("fr", {}, "en")).toBe("en");
    expect(writerLanguage("fr", { TRACT_MESSAGES: "en", LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(writerLanguage("fr", { LANG: "en_GB.UTF-8" })).toBe("en");
    expect(writerLanguage("en", { LC_ALL: "C.UTF-8", LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(writerLanguage("fr", { LANG: "C.UTF-8" })).toBe("fr");
    expect(writerLanguage("fr", { LANG: "de_DE.UTF-8" })).toBe("fr");
    expect(writerLanguage("es", {})).toBe("en");
  });
});

describe("zod's own words", () => {
  it("never reach the writer: a check without a message of its own is said in plain words", () => {
    const schema = z.strictObject({
      updated: z.unknown().nonoptional(),
      count: z.int(),
      tags: z.array(z.string()).min(2),
    });
    const result = schema.safeParse({ count: "x", tags: ["a"], titel: "t" });
    expect(result.success).toBe(false);
    const lines = zodProblems("a.md", result.error!, {}, ["updated", "count", "tags", "title"], {
      count: "x",
      tags: ["a"],
    }).map((p) => formatProblem(p));
    expect(lines).toEqual([
      "a.md: updated: missing (expected a value here)",
      'a.md: count: "x" is not a number',
      "a.md: tags: has too few items (expected at least 2)",
      "a.md: titel: unknown field (did you mean title?) (expected one of updated, count, tags, title)",
    ]);
    expect(lines.join("\n")).not.toMatch(/Invalid|nonoptional|received/);
  });
});
