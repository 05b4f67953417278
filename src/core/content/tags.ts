// A post's `tags:`: a YAML list of names, each giving a topic address; the ways writers get it wrong are refused with the fix.
import { z } from "zod";
import { issueText, msg } from "../i18n/message.ts";
import { quote } from "./problems.ts";
import { addProblem, expecting } from "./schema.ts";
import { slugify } from "./slug.ts";

const EXAMPLE = "tags: [eau, climat]";

/** Two list items run together when a `- item` line is indented deeper than the one before it. */
const RUN_TOGETHER = /\s-\s/;

export const tagList = z
  .array(z.string({ error: expecting(msg`a tag, e.g. climat`, msg`a tag`) }), {
    error: (issue) =>
      issueText(
        typeof issue.input === "string"
          ? msg`${quote(issue.input)} is one text, not a list (expected the tags in brackets, separated by commas: tags: [${issue.input}])`
          : issue.input === null
            ? msg`is empty (expected a list of tags, e.g. ${EXAMPLE}, or no tags: line at all)`
            : msg`${quote(issue.input)} is not a list of tags (expected e.g. ${EXAMPLE})`,
      ),
  })
  .transform((tags) => tags.map((tag) => tag.trim()))
  .superRefine((tags, ctx) => {
    const slugs = new Map<string, string>();
    tags.forEach((tag, index) => {
      if (RUN_TOGETHER.test(tag) || tag.startsWith("- "))
        addProblem(
          ctx,
          msg`${quote(tag)} is two tags run together: the list is badly indented (expected each \`- tag\` on its own line, all at the same indentation, or ${EXAMPLE})`,
          [index],
          tag,
        );
      else if (!slugify(tag))
        addProblem(
          ctx,
          msg`${quote(tag)} gives no topic address: it has no letter or digit (expected a tag with letters or digits, e.g. climat)`,
          [index],
          tag,
        );
      else if (slugs.has(slugify(tag)))
        addProblem(
          ctx,
          msg`${quote(tag)} is the same topic as ${quote(slugs.get(slugify(tag)))} (expected each topic once)`,
          [index],
          tag,
        );
      slugs.set(slugify(tag), tag);
    });
  });
