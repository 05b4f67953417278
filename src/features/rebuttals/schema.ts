// The `claims:` a rebuttal post declares: each claim quoted word for word, who made it, where (a name, its URL when known), when if known, and the section answering it.
import { msg } from "../../core/i18n/message.ts";
import { z } from "zod";
import { addProblem, contentDate, expecting, languageCode, slug, text } from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";

export function claimSchema(zone: string) {
  const source = z.strictObject(
    {
      name: text(msg`the name of the page or document quoted, e.g. Site officiel du sommet`),
      /** Only when it is known: a source whose address was not recorded is named without one. */
      url: z
        .url({
          protocol: /^https?$/,
          error: expecting(msg`the address of the page quoted, e.g. https://www.elysee.fr/…`, msg`a web address`),
        })
        .optional(),
    },
    {
      error: expecting(
        msg`where the claim was made: its name, and its URL when known, e.g. { name: Site officiel du sommet, url: https://… }`,
        msg`a source`,
      ),
    },
  );
  return z
    .strictObject(
      {
        quote: text(msg`the claim, word for word as its authors wrote or said it`),
        by: text(msg`who made the claim, e.g. Les organisateurs du sommet`),
        source,
        /** When the claim was made or published, when it is known. */
        date: contentDate(zone).optional(),
        /** For an undated page: the day it was read, when someone noted it. */
        accessed: contentDate(zone).optional(),
        answer: slug(
          msg`the id of the ## heading of this post that answers the claim, e.g. une-opportunite-economique-pour-qui`,
        ),
        /** The quotation's language, when it is not the post's. */
        lang: languageCode.optional(),
        /** The collective's translation of a quotation in another language: shown beside it, never as the quotation. */
        translation: text(msg`your translation of the quotation, shown beside the original`).optional(),
      },
      { error: expecting(msg`a claim with quote, by, source and answer`, msg`a claim`) },
    )
    .superRefine((claim, ctx) => {
      if (claim.date && claim.accessed) {
        addProblem(
          ctx,
          msg`is given with date (expected one of them: date when the claim is dated, accessed when it is not)`,
          ["accessed"],
        );
      }
    });
}
export type Claim = z.output<ReturnType<typeof claimSchema>>;

export function claimsSchema(zone: string) {
  return z.array(claimSchema(zone), {
    error: expecting(msg`a list of claims, each starting with \`- quote:\``, msg`a list of claims`),
  });
}

/** The fields a rebuttal's front matter adds: its claims, and the official events it answers by id (their file name in _data/events/). */
export const rebuttalFields = new FieldSet(({ zone }) => ({
  claims: claimsSchema(zone).optional(),
  events: z
    .array(slug(msg`the id of an event, i.e. its file name in _data/events/ without .yaml`), {
      error: expecting(msg`a list of event ids, e.g. [sommet-action-ia-2025]`, msg`a list of event ids`),
    })
    .optional(),
}));
