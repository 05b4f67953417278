// Text given once for every language ("Grand Palais") or per language ({ fr: …, en: … }), and its pick for a page.
import { z } from "zod";
import { expecting, text } from "../../core/content/schema.ts";
import { quote } from "../../core/content/problems.ts";
import { typeset } from "../../core/typography/french.ts";

/** Typeset text by language code; the default language is always there. */
export type Localized = Record<string, string>;

/** A text in a page: in the page's language, or in the default language (then `foreign`, so it is marked with `lang`). */
export interface LocalText {
  text: string;
  lang: string;
  foreign: boolean;
}

/**
 * A plain text applies to every language (names, places); a map gives one text per declared language and
 * must hold the default language's, which stands in for a missing translation.
 */
export function localizedSchema(expected: string, languages: string[]) {
  const [defaultLanguage] = languages;
  return z
    .union([text(expected), z.record(z.string(), text(expected))], {
      error: expecting(`${expected}: one text, or one per language, e.g. { fr: …, en: … }`, "text"),
    })
    .superRefine((value, ctx) => {
      if (typeof value === "string") return;
      for (const key of Object.keys(value)) {
        if (!languages.includes(key))
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `${quote(key)} is not a declared language (expected one of ${languages.join(", ")})`,
            input: key,
          });
      }
      if (defaultLanguage && !(defaultLanguage in value)) {
        ctx.addIssue({
          code: "custom",
          path: [defaultLanguage],
          message: `missing (expected the text in ${defaultLanguage}, the default language, which stands in for missing translations)`,
          input: undefined,
        });
      }
    })
    .transform((value): Localized => {
      const entries =
        typeof value === "string" ? languages.map((lang) => [lang, value] as const) : Object.entries(value);
      return Object.fromEntries(entries.map(([lang, entry]) => [lang, typeset(entry, lang)]));
    });
}

/** The text for a page in `lang`, falling back to the default language. */
export function pick(value: Localized, lang: string, defaultLanguage: string): LocalText {
  const own = value[lang];
  if (own !== undefined) return { text: own, lang, foreign: false };
  return { text: value[defaultLanguage] ?? "", lang: defaultLanguage, foreign: true };
}
