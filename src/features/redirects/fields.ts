// The field redirects add to posts and pages: `aliases:`, the old addresses of a renamed document (rules in aliases.ts).
import { msg } from "../../core/i18n/message.ts";
import { z } from "zod";
import { addProblem, expecting } from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";
import { ALIAS_EXPECTATION, aliasProblem } from "./aliases.ts";

/** Old addresses of a renamed post or page, e.g. [/fr/ancien-titre/]: each one redirects to the current address. */
export const aliasFields = new FieldSet(() => ({
  aliases: z
    .array(
      z.string({ error: expecting(ALIAS_EXPECTATION, msg`a path`) }).superRefine((alias, ctx) => {
        const problem = aliasProblem(alias);
        if (problem) addProblem(ctx, problem, [], alias);
      }),
      { error: expecting(msg`a list of old addresses, e.g. [/fr/ancien-titre/]`, msg`a list`) },
    )
    .default([]),
}));
