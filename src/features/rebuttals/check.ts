// Checks rebuttals: claims only on rebuttals and always on them, each answered by a section of the post, never dated after it.
import { type Message, msg } from "../../core/i18n/message.ts";
import { didYouMean } from "../../core/i18n/suggest.ts";
import type { Problem } from "../../core/content/problems.ts";
import { quote } from "../../core/content/problems.ts";
import type { Content, PostSource } from "../../core/content/types.ts";
import { REBUTTAL_KIND } from "./model.ts";
import { rebuttalFields } from "./schema.ts";

function checkRebuttal(post: PostSource, content: Content): Problem[] {
  const problem = (field: string, message: Message): Problem => ({
    file: post.file,
    field,
    line: post.lines[field.split(".")[0] ?? field],
    message,
    severity: "error",
  });
  const { claims = [] } = rebuttalFields.of(post);
  if (claims.length === 0)
    return [
      problem(
        "claims",
        msg`missing (expected the claims this rebuttal answers: quote, by, source, date and answer for each)`,
      ),
    ];
  const ids =
    content.markdown
      .get(post.lang)
      ?.sections(post.body)
      .sections.map((section) => section.id) ?? [];
  const published = post.updated ?? post.date;
  return claims.flatMap((claim, index) => [
    ...(ids.includes(claim.answer)
      ? []
      : [
          problem(
            `claims.${index}.answer`,
            msg`${quote(claim.answer)} is not a section of this post${didYouMean(claim.answer, ids)} (expected the id of one of its ## headings: ${ids.join(", ") || msg`it has none yet`})`,
          ),
        ]),
    ...(claim.date && claim.date > published
      ? [
          problem(
            `claims.${index}.date`,
            msg`${quote(claim.date.toISODate())} is after the post's date (expected a claim made before ${published.toISODate() ?? ""}, when the post answers it)`,
          ),
        ]
      : []),
  ]);
}

export function checkRebuttals(content: Content): Problem[] {
  return content.posts.flatMap((post): Problem[] => {
    if (post.kind === REBUTTAL_KIND) return checkRebuttal(post, content);
    const fields = rebuttalFields.of(post);
    const misplaced = (["claims", "events"] as const).filter((field) => fields[field] !== undefined);
    return misplaced.map((field) => ({
      file: post.file,
      field,
      line: post.lines[field],
      severity: "error",
      message: msg`is only for rebuttals (expected kind: rebuttal, or no ${field})`,
    }));
  });
}
