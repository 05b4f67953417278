// Rebuttals in the published model: each claim paired with the section that answers it, and the official events each rebuttal answers.
import type { DateTime } from "luxon";
import type { ReferenceTarget } from "../../core/contract.ts";
import type { MarkdownSection } from "../../core/markdown/render.ts";
import type { ModelBuilder } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { Slot } from "../../core/slots.ts";
import { typeset } from "../../core/typography/french.ts";
import { type Claim, rebuttalFields } from "./schema.ts";

export const REBUTTAL_KIND = "rebuttal";
/** The collection a rebuttal's `events:` names (the events feature's). */
export const ANSWERED_COLLECTION = "events";

/** A claim as the page cites it. */
export interface CitedClaim extends Omit<Claim, "date" | "accessed"> {
  /** When the claim was made, or when an undated source was read (`accessed`); unknown for an undated text. */
  when?: DateTime | undefined;
  accessed: boolean;
}

/** A `##` section of a rebuttal, with the claims it answers (none for a section that answers no claim). */
export interface RebuttalPoint extends MarkdownSection {
  claims: CitedClaim[];
}

export interface RebuttalBody {
  /** What comes before the first `##` section. */
  intro: string;
  points: RebuttalPoint[];
  /** The official events it answers, as this language's pages name them. */
  events: ReferenceTarget[];
}

/** On each rebuttal: its body as claim / answer pairs. */
export const REBUTTAL = new Slot<RebuttalBody>("rebuttal");
/** On each edition: its published rebuttals, newest first. */
export const REBUTTALS = new Slot<Post[]>("rebuttals");

function rebuttalBody(post: Post, edition: Edition, model: ModelBuilder): RebuttalBody {
  const { claims = [], events = [] } = rebuttalFields.of(post);
  if (post.body === undefined)
    throw new Error(`${post.file}: the Markdown source of a rebuttal is not kept in the model`);
  // Split once per text and language for the whole preview session: rebuttals are split at every rebuild.
  const split = model.context.session.memo<string, ReturnType<ReturnType<ModelBuilder["markdown"]>["sections"]>>(
    "rebuttal-sections",
  );
  const { intro, sections } = split.get(`${post.lang}\0${post.body}`, () =>
    model.markdown(post.lang).sections(post.body as string),
  );
  const cited = claims.map(({ date, accessed, ...claim }): CitedClaim => {
    return {
      ...claim,
      quote: typeset(claim.quote, claim.lang ?? post.lang),
      by: typeset(claim.by, post.lang),
      source: { ...claim.source, name: typeset(claim.source.name, post.lang) },
      translation: claim.translation && typeset(claim.translation, post.lang),
      when: date ?? accessed,
      accessed: !date && accessed !== undefined,
    };
  });
  return {
    intro,
    points: sections.map((part) => ({ ...part, claims: cited.filter((claim) => claim.answer === part.id) })),
    events: events.flatMap((id) => model.describe(ANSWERED_COLLECTION, edition, id) ?? []),
  };
}

/** Gives every language its rebuttals and each rebuttal its claim / answer pairs; runs after the events are linked. */
export function linkRebuttals(model: ModelBuilder): void {
  for (const edition of model.editions) {
    const rebuttals = edition.posts.filter((post) => post.kind === REBUTTAL_KIND);
    REBUTTALS.set(edition, rebuttals);
    for (const post of rebuttals) REBUTTAL.set(post, rebuttalBody(post, edition, model));
  }
}
