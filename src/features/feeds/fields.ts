// The field the feeds add to a post's front matter: `id:`, to pin its entry id (otherwise derived from date and translationKey).
import { saysOf, text } from "../../core/content/schema.ts";
import { msg } from "../../core/i18n/message.ts";
import { quote } from "../../core/content/problems.ts";
import { FieldSet } from "../../core/slots.ts";
import { ENTRY_ID_EXPECTATION, isEntryId } from "./feed-id.ts";

export const feedFields = new FieldSet(() => ({
  id: text(ENTRY_ID_EXPECTATION)
    .refine(
      isEntryId,
      saysOf((input) => msg`${quote(input)} is not a feed entry id (expected ${ENTRY_ID_EXPECTATION})`),
    )
    .optional(),
}));
