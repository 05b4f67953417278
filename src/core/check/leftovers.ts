// What a writer forgot to replace before publishing: the placeholders `npm run new` writes, and the source text of a translation.
import type { Content, PageSource, PostSource } from "../content/types.ts";
import { type Problem, quote } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";

/** The placeholder texts of `npm run new` (`new.*` in the strings files), in every language. */
const PLACEHOLDERS = [
  "new.description",
  "new.body",
  "new.claimQuote",
  "new.claimBy",
  "new.claimSource",
  "new.pressDescription",
  "new.pressBody",
];

const lineOf = (document: PostSource | PageSource, index: number) =>
  document.bodyLine + document.body.slice(0, index).split("\n").length - 1;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Errors for every published (or to be published) document that still holds a placeholder or a translation's source. */
export function leftovers(content: Content): Problem[] {
  const strings = [...content.strings.values()];
  const placeholders = strings.flatMap((s) => PLACEHOLDERS.filter((key) => s.has(key)).map((key) => s.t(key)));
  // The comment's first line names the language in the middle: "Original text (Français), to translate above…".
  const sourceComments = strings
    .filter((s) => s.has("new.translateFrom"))
    .map((s) => new RegExp(`<!--\\s*${s.t("new.translateFrom").split("{language}").map(escape).join(".*?")}`));
  const documents: (PostSource | PageSource)[] = [...content.posts.filter((post) => !post.draft), ...content.pages];
  return documents.flatMap((document): Problem[] => {
    const problems: Problem[] = [];
    const fields = JSON.stringify(document.fields);
    for (const placeholder of placeholders) {
      if (document.description === placeholder)
        problems.push({
          file: document.file,
          field: "description",
          line: document.lines.description,
          message: msg`is still the placeholder of npm run new, ${quote(placeholder)} (expected your own one or two sentences)`,
          severity: "error",
        });
      const index = document.body.indexOf(placeholder);
      if (index >= 0)
        problems.push({
          file: document.file,
          line: lineOf(document, index),
          message: msg`the text still holds the placeholder of npm run new, ${quote(placeholder)} (expected your own text instead)`,
          severity: "error",
        });
      if (fields.includes(JSON.stringify(placeholder).slice(1, -1)))
        problems.push({
          file: document.file,
          message: msg`a field still holds the placeholder of npm run new, ${quote(placeholder)} (expected your own text instead)`,
          severity: "error",
        });
    }
    for (const comment of sourceComments) {
      const found = comment.exec(document.body);
      if (found)
        problems.push({
          file: document.file,
          line: lineOf(document, found.index),
          message: msg`still holds the text it was translated from, in the comment that starts "${found[0].replace(/^<!--\s*/, "").slice(0, 40)}…": feeds would publish it (expected the comment deleted once the translation is done)`,
          severity: "error",
        });
    }
    return problems;
  });
}
