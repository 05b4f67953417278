// The field a press release's front matter adds: the city it is issued from, for its dateline.
import { msg } from "../../core/i18n/message.ts";
import { text } from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";

export const pressFields = new FieldSet(() => ({
  /** Where a press release is issued from, e.g. Paris: its dateline reads "Paris, 7 February 2025". */
  dateline: text(msg`the city the release is issued from, e.g. Paris`).optional(),
}));
