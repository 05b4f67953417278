// Text given once for every language ("Grand Palais") or per language ({ fr: …, en: … }), and its pick for a page.
import { z } from "zod";
import { addProblem, expecting, text } from "../../core/content/schema.ts";
import { type Message, msg } from "../../core/i18n/message.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";
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
export function localizedSchema(expected: Message, languages: string[]) {
  const [defaultLanguage] = languages;
  return z
    .union([text(expected), z.record(z.string(), text(expected))], {
      error: expecting(msg`${expected}: one text, or one per language, e.g. { fr: …, en: … }`, msg`text`),
    })
    .superRefine((value, ctx) => {
      if (typeof value === "string") return;
      for (const key of Object.keys(value)) {
        if (!languages.includes(key))
          addProblem(
            ctx,
            msg`${quote(key)} is not a declared language${didYouMean(key, languages)} (expected one of ${languages.join(", ")})`,
            [key],
            key,
          );
      }
      if (defaultLanguage && !(defaultLanguage in value)) {
        addProblem(
          ctx,
          msg`missing (expected the text in ${defaultLanguage}, the default language, which stands in for missing translations)`,
          [defaultLanguage],
        );
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
