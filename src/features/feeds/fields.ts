// The field the feeds add to a post's front matter: `id:`, to pin its entry id (otherwise derived from date and translationKey).
import { text } from "../../core/content/schema.ts";
import { quote } from "../../core/content/problems.ts";
import { FieldSet } from "../../core/slots.ts";
import { ENTRY_ID_EXPECTATION, isEntryId } from "./feed-id.ts";

export const feedFields = new FieldSet(() => ({
  id: text(ENTRY_ID_EXPECTATION)
    .refine(isEntryId, {
      error: (issue) => `${quote(issue.input)} is not a feed entry id (expected ${ENTRY_ID_EXPECTATION})`,
    })
    .optional(),
}));
