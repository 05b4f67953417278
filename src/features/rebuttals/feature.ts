// Rebuttals: posts of kind `rebuttal` that answer quoted claims point by point, and name the official events they answer.
import { msg } from "../../core/i18n/message.ts";
import { defineFeature } from "../../core/feature.ts";
import { slugify } from "../../core/content/slug.ts";
import { checkRebuttals } from "./check.ts";
import { ANSWERED_COLLECTION, REBUTTAL_KIND, linkRebuttals } from "./model.ts";
import { rebuttalFields } from "./schema.ts";
import { REBUTTALS_PATH, rebuttalViews } from "./views.ts";

export default defineFeature({
  name: "rebuttals",
  // A rebuttal is split at its `##` sections, the answers to its claims: its source is kept.
  kinds: [{ name: REBUTTAL_KIND, keepsSource: true }],
  paths: [REBUTTALS_PATH],
  postFields: rebuttalFields,
  references: [
    {
      field: "events",
      collection: ANSWERED_COLLECTION,
      requires: {
        trait: "official",
        name: msg`an official event`,
        expected: (file) => msg`an event with \`official: true\` in ${file}: rebuttals answer official events`,
      },
    },
  ],
  check: checkRebuttals,
  link: linkRebuttals,
  views: rebuttalViews,
  // The claim to answer, and the section that answers it.
  scaffold: ({ kind, strings, now }) =>
    kind === REBUTTAL_KIND
      ? {
          fields: {
            claims: [
              {
                quote: strings.t("new.claimQuote"),
                by: strings.t("new.claimBy"),
                source: { name: strings.t("new.claimSource"), url: "https://example.org/" },
                accessed: now.toISODate(),
                answer: slugify(strings.t("new.answerHeading")),
              },
            ],
          },
          body: `## ${strings.t("new.answerHeading")}\n\n${strings.t("new.body")}`,
        }
      : {},
});
