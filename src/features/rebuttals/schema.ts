// The `claims:` a rebuttal post declares: each quoted claim, who made it, where (name and URL), when, and the section answering it.
import { msg } from "../../core/i18n/message.ts";
import { z } from "zod";
import {
  addProblem,
  contentDate,
  expecting,
  languageCode,
  slug,
  strictBoolean,
  text,
} from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";

export function claimSchema(zone: string) {
  const source = z.strictObject(
    {
      name: text(msg`the name of the page or document quoted, e.g. Site officiel du sommet`),
      url: z.url({
        protocol: /^https?$/,
        error: expecting(msg`the address of the page quoted, e.g. https://www.elysee.fr/…`, msg`a web address`),
      }),
    },
    {
      error: expecting(
        msg`where the claim was made: a name and a URL, e.g. { name: Site officiel du sommet, url: https://… }`,
        msg`a source`,
      ),
    },
  );
  return z
    .strictObject(
      {
        quote: text(msg`the claim, quoted as its authors wrote or said it`),
        by: text(msg`who made the claim, e.g. Les organisateurs du sommet`),
        source,
        /** When the claim was made or published. */
        date: contentDate(zone).optional(),
        /** For an undated page: the day it was read, so readers know which version was quoted. */
        accessed: contentDate(zone).optional(),
        answer: slug(
          msg`the id of the ## heading of this post that answers the claim, e.g. une-opportunite-economique-pour-qui`,
        ),
        /** The quotation's language, when it is not the post's. */
        lang: languageCode.optional(),
        /** The quotation is the collective's own translation of the original. */
        translated: strictBoolean.default(false),
      },
      { error: expecting(msg`a claim with quote, by, source, date and answer`, msg`a claim`) },
    )
    .superRefine((claim, ctx) => {
      if (!claim.date && !claim.accessed) {
        addProblem(
          ctx,
          msg`missing (expected when the claim was made, e.g. 2025-01-20; for an undated page, \`accessed:\` with the day it was read)`,
          ["date"],
        );
      }
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
