// The field redirects add to posts and pages: `aliases:`, the old addresses of a renamed document.
import { z } from "zod";
import { expecting } from "../../core/content/schema.ts";
import { quote } from "../../core/content/problems.ts";
import { FieldSet } from "../../core/slots.ts";

/** Old addresses of a renamed post or page, e.g. [/fr/ancien-titre/]: each one redirects to the current address. */
export const aliasFields = new FieldSet(() => ({
  aliases: z
    .array(
      z
        .string({ error: expecting("a path of this site, e.g. /fr/ancien-titre/", "a path") })
        .regex(/^\/[^\s?#]*$/, { error: (issue) => `${quote(issue.input)} is not a path of this site (expected e.g. /fr/ancien-titre/)` }),
      { error: expecting("a list of old addresses, e.g. [/fr/ancien-titre/]", "a list") },
    )
    .default([]),
}));
