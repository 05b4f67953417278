// Checks rebuttals: claims only on rebuttals and always on them, each answered by a section of the post, and answered events that exist and are official.
import type { LoadedContent, PostSource } from "../../core/content/load.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { Language } from "../../core/content/schema.ts";
import { EVENTS_FOLDER } from "../events/load.ts";
import { sectionsOf } from "./model.ts";

function checkRebuttal(post: PostSource, language: Language, content: LoadedContent): Problem[] {
  const problem = (field: string, message: string): Problem => ({ file: post.file, field, line: post.lines[field.split(".")[0] ?? field], message, severity: "error" });
  const claims = post.claims ?? [];
  if (claims.length === 0) return [problem("claims", "missing (expected the claims this rebuttal answers: quote, by, source, date and answer for each)")];
  const events = new Map(content.events.map((event) => [event.id, event]));
  const ids = sectionsOf(post, language, content.site).sections.map((section) => section.id);
  const published = post.updated ?? post.date;
  return [
    ...(post.events ?? []).flatMap((id, index) => {
      const event = events.get(id);
      if (!event) return [problem(`events.${index}`, `${quote(id)} is not an event (expected the name of a file in ${EVENTS_FOLDER}/ without .yaml: ${[...events.keys()].join(", ") || "there is none yet"})`)];
      return event.official ? [] : [problem(`events.${index}`, `${quote(id)} is not an official event (expected an event with \`official: true\` in ${event.file}: rebuttals answer official events)`)];
    }),
    ...claims.flatMap((claim, index) => [
      ...(ids.includes(claim.answer) ? [] : [problem(`claims.${index}.answer`, `${quote(claim.answer)} is not a section of this post (expected the id of one of its ## headings: ${ids.join(", ") || "it has none yet"})`)]),
      ...(claim.date && claim.date > published ? [problem(`claims.${index}.date`, `${quote(claim.date.toISODate())} is after the post's date (expected a claim made before ${published.toISODate()}, when the post answers it)`)] : []),
    ]),
  ];
}

export function checkRebuttals(content: LoadedContent): Problem[] {
  const languages = new Map(content.languages.map((language) => [language.code, language]));
  return content.posts.flatMap((post): Problem[] => {
    const language = languages.get(post.lang);
    if (post.kind === "rebuttal" && language) return checkRebuttal(post, language, content);
    const misplaced = (["claims", "events"] as const).filter((field) => post[field] !== undefined);
    return misplaced.map((field) => ({ file: post.file, field, line: post.lines[field], severity: "error", message: `is only for rebuttals (expected kind: rebuttal, or no ${field})` }));
  });
}
