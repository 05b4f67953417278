// The field search adds to posts and pages: `search: false` keeps a document out of the search index (it stays published).
import { strictBoolean } from "../../core/content/schema.ts";
import { FieldSet } from "../../core/slots.ts";

export const searchFields = new FieldSet(() => ({
  search: strictBoolean.default(true),
}));
