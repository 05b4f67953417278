// Rebuttals in the published model: each claim paired with the section that answers it, and the official events each rebuttal answers.
import type { DateTime } from "luxon";
import type { LanguageSection, Post } from "../../core/model/types.ts";
import { sourceOf } from "../../core/model/post-source.ts";
import type { PostSource } from "../../core/content/load.ts";
import type { Language, SiteConfig } from "../../core/content/schema.ts";
import type { LocalText } from "../events/localized.ts";
import type { EventEntry } from "../events/model.ts";
import { type MarkdownSection, renderMarkdownSections } from "../../core/markdown/render.ts";
import type { Claim } from "./schema.ts";
import { typeset } from "../../core/typography/french.ts";

/** A claim as the page cites it. */
export interface CitedClaim extends Omit<Claim, "date" | "accessed"> {
  /** When the claim was made, or when an undated source was read (`accessed`). */
  when: DateTime;
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
  events: { title: LocalText; url: string; when: string }[];
}

declare module "../../core/model/types.ts" {
  interface Post {
    /** Set on rebuttals: the body as claim / answer pairs. */
    rebuttal?: RebuttalBody | undefined;
  }
  interface LanguageSection {
    /** Published rebuttals, newest first. */
    rebuttals: Post[];
  }
}

/** A post's `##` sections, rendered with the options its whole body was rendered with. */
export function sectionsOf(post: Pick<PostSource, "body" | "lang">, language: Language, site: SiteConfig) {
  return renderMarkdownSections(post.body, { lang: post.lang, quotes: language.quotes, siteOrigin: new URL(site.url).origin });
}

function rebuttalBody(post: Post, section: LanguageSection, site: SiteConfig, events: Map<string, EventEntry>): RebuttalBody {
  const { intro, sections } = sectionsOf({ lang: post.lang, body: sourceOf(post) }, section.language, site);
  const claims = (post.claims ?? []).map(({ date, accessed, ...claim }): CitedClaim => {
    return { ...claim, quote: typeset(claim.quote, claim.lang ?? post.lang), by: typeset(claim.by, post.lang), source: { ...claim.source, name: typeset(claim.source.name, post.lang) }, when: (date ?? accessed) as DateTime, accessed: !date };
  });
  return {
    intro,
    points: sections.map((part) => ({ ...part, claims: claims.filter((claim) => claim.answer === part.id) })),
    events: (post.events ?? []).flatMap((id) => {
      const event = events.get(id);
      return event ? [{ title: event.title, url: event.url, when: event.when }] : [];
    }),
  };
}

/** Gives every language its rebuttals and each rebuttal its claim / answer pairs; runs after linkEvents. */
export function linkRebuttals(sections: LanguageSection[], site: SiteConfig): void {
  for (const section of sections) {
    const events = new Map(section.events.map((event) => [event.id, event]));
    section.rebuttals = section.posts.filter((post) => post.kind === "rebuttal");
    for (const post of section.rebuttals) post.rebuttal = rebuttalBody(post, section, site, events);
  }
}
