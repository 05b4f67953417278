// The schema of the press room's data (_data/press.yaml): contacts, boilerplate, facts, terms, logos, photos and brochure, per language.
import { type Message, msg } from "../../core/i18n/message.ts";
import path from "node:path";
import { z } from "zod";
import { quote } from "../../core/content/problems.ts";
import { addProblem, contentDate, expecting, says, saysOf, text } from "../../core/content/schema.ts";

/**
 * A text given once per language of the press room: each of them, and no other. The press room's
 * languages are those `boilerplate` is written in (a language added to the site without press texts
 * simply has no press room yet).
 */
function perLanguage<T extends z.ZodType>(languages: string[], value: T, expected: Message) {
  return z
    .record(z.string(), value, {
      error: expecting(
        msg`${expected}, one per language (${languages.map((l) => `${l}: …`).join(", ")})`,
        msg`a text per language`,
      ),
    })
    .superRefine((given, ctx) => {
      for (const lang of languages) {
        if (!(lang in given)) addProblem(ctx, msg`missing (expected ${expected} in language "${lang}")`, [lang]);
      }
      for (const key of Object.keys(given)) {
        if (!languages.includes(key))
          addProblem(
            ctx,
            msg`${quote(key)} is not a language of the press room (expected one of ${languages.join(", ")}: the languages of _data/languages.yaml that boilerplate is written in)`,
            [key],
            key,
          );
      }
    });
}

/** The declared languages the "about us" text is written in. */
export function pressLanguages(data: Record<string, unknown>, declared: string[]): string[] {
  const boilerplate = data.boilerplate;
  const given = boilerplate && typeof boilerplate === "object" ? Object.keys(boilerplate) : [];
  return declared.filter((lang) => given.includes(lang));
}

/** A file under /assets/ with one of the given extensions. */
function assetFile(extensions: string[], example: string) {
  const what = msg`a file under /assets/ ending in ${extensions.map((e) => `.${e}`).join(" or ")}`;
  const isAsset = (file: string) => file.startsWith("/assets/") && !file.split("/").includes("..");
  return text(msg`${what}, e.g. ${example}`).refine(
    (file) => isAsset(file) && extensions.includes(path.extname(file).slice(1).toLowerCase()),
    saysOf((input) => msg`${quote(input)} is not ${what} (expected e.g. ${example})`),
  );
}

const PHONE = /^\+\d[\d ().-]{5,}$/;

export function pressSchema(languages: string[], zone: string) {
  const licence = z.strictObject(
    {
      name: text(msg`the licence's name, e.g. CC BY 4.0`),
      url: z.url({
        error: expecting(msg`the licence's address, e.g. https://creativecommons.org/licenses/by/4.0/`, msg`a URL`),
      }),
    },
    {
      error: expecting(
        msg`a licence: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }`,
        msg`a licence`,
      ),
    },
  );
  const media = (file: z.ZodType<string>) =>
    z.strictObject({
      file,
      caption: perLanguage(languages, text(msg`a caption`), msg`a caption`),
      alt: perLanguage(
        languages,
        text(msg`a description of the image for people who cannot see it`),
        msg`a description of the image for people who cannot see it`,
      ),
      credit: text(msg`who made it, as it must be credited, e.g. the collective's name`),
      licence,
    });
  return z.strictObject({
    updated: contentDate(zone),
    contacts: z
      .array(
        z
          .strictObject({
            name: text(msg`the contact's name`),
            familyName: text(msg`the part of the name to sort by, e.g. Exemple`).optional(),
            role: perLanguage(languages, text(msg`the contact's role`), msg`the contact's role, e.g. Press relations`),
            email: z.email({ error: expecting(msg`an email address`, msg`an email address`) }),
            phone: text(msg`an international phone number, e.g. +33 1 99 00 00 00`).regex(
              PHONE,
              saysOf(
                (input) =>
                  msg`${quote(input)} is not an international phone number (expected + and the country code, e.g. +33 1 99 00 00 00)`,
              ),
            ),
            languages: z
              .array(
                z.string().regex(
                  /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
                  saysOf((input) => msg`${quote(input)} is not a language code (expected e.g. fr, en, es)`),
                ),
                { error: expecting(msg`the languages the contact speaks, e.g. [fr, en]`, msg`a list of languages`) },
              )
              .min(1, says(msg`is empty (expected the languages the contact speaks, e.g. [fr, en])`)),
          })
          .refine((contact) => !contact.familyName || contact.name.includes(contact.familyName), {
            path: ["familyName"],
            ...saysOf(
              (input) =>
                msg`${quote((input as { familyName?: string }).familyName ?? "")} is not part of the contact's name (expected the part of name: to sort by, as written there)`,
            ),
          }),
        { error: expecting(msg`a list of press contacts`, msg`a list`) },
      )
      .min(1, says(msg`is empty (expected at least one press contact)`)),
    boilerplate: perLanguage(
      languages,
      text(msg`the collective's "about us" text`),
      msg`the collective's "about us" text, in Markdown`,
    ).refine(
      (given) => Object.keys(given).length > 0,
      says(
        msg`is empty (expected the collective's "about us" text in Markdown, in each language that has a press room, e.g. fr: …)`,
      ),
    ),
    facts: perLanguage(
      languages,
      z
        .array(z.strictObject({ label: text(msg`a short label, e.g. Founded`), value: text(msg`the fact`) }), {
          error: expecting(msg`a list of \`- label: … value: …\` facts`, msg`a list`),
        })
        .min(1, says(msg`is empty (expected at least one fact)`)),
      msg`a fact sheet`,
    ),
    usage: perLanguage(languages, text(msg`how journalists may use the texts`), msg`how journalists may use the texts`),
    logos: z
      .array(
        media(assetFile(["svg", "png"], "/assets/press/logo.svg")).extend({
          pngWidth: z
            .int({ error: expecting(msg`a width in pixels, e.g. 1200`, msg`a whole number`) })
            .min(16, says(msg`is below 16 (expected a width in pixels, e.g. 1200)`))
            .max(8000, says(msg`is above 8000 (expected a width in pixels, e.g. 1200)`))
            .default(1200),
        }),
        { error: expecting(msg`a list of logos`, msg`a list`) },
      )
      .default([]),
    photos: z
      .array(media(assetFile(["jpg", "jpeg", "png", "webp"], "/assets/press/photos/rally.jpg")), {
        error: expecting(msg`a list of photos`, msg`a list`),
      })
      .default([]),
    brochure: z
      .strictObject({
        file: assetFile(["pdf"], "/assets/press/brochure.pdf"),
        title: perLanguage(languages, text(msg`the brochure's title`), msg`the brochure's title`),
      })
      .optional(),
  });
}

export type PressData = z.output<ReturnType<typeof pressSchema>>;
