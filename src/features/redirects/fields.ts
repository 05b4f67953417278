// The field redirects add to posts and pages: `aliases:`, the old addresses of a renamed document (rules in aliases.ts).
import { z } from "zod";
import { expecting } from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";
import { ALIAS_EXPECTATION, aliasProblem } from "./aliases.ts";

/** Old addresses of a renamed post or page, e.g. [/fr/ancien-titre/]: each one redirects to the current address. */
export const aliasFields = new FieldSet(() => ({
  aliases: z
    .array(
      z.string({ error: expecting(ALIAS_EXPECTATION, "a path") }).superRefine((alias, ctx) => {
        const problem = aliasProblem(alias);
        if (problem) ctx.addIssue({ code: "custom", message: problem, input: alias });
      }),
      { error: expecting("a list of old addresses, e.g. [/fr/ancien-titre/]", "a list") },
    )
    .default([]),
}));
