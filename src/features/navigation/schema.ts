// The schema of _data/navigation.yaml: the menu, the footer and the home page's call to action, each a list of one-line links.
import { z } from "zod";
import { expecting, languageCode, slug, text } from "../../core/content/schema.ts";

export const NAVIGATION_FILE = "_data/navigation.yaml";

/** A text for every language, or one per language ({ fr: …, en: … }). */
const label = z.union([text("a label"), z.record(z.string(), text("a label"))], {
  error: expecting("a label: one text, or one per language, e.g. { fr: Faire un don, en: Donate }", "a label"),
});
export type Label = z.output<typeof label>;

const TARGETS = ["section", "page", "url", "email"] as const;

const link = z
  .strictObject(
    {
      /** A section of the site by its key: home, posts, tags, archive, or a feature's (events, press, subscribe…). */
      section: text("a section of the site, e.g. events").optional(),
      /** A page of pages/<language>/ by its translationKey. */
      page: slug("the translationKey of a page in pages/, e.g. about").optional(),
      url: z.url({ protocol: /^https?$/, error: expecting("an address, e.g. https://…", "a web address") }).optional(),
      email: z
        .email({ error: expecting("an e-mail address, e.g. contact@example.org", "an e-mail address") })
        .optional(),
      label: label.optional(),
      /** `me`: the collective's own profile elsewhere (Mastodon checks it links back). */
      rel: z
        .literal("me", { error: expecting("me (for the collective's own profile, e.g. on Mastodon)", "a rel") })
        .optional(),
      /** Only in these languages (every language by default). */
      languages: z
        .array(languageCode, { error: expecting("a list of language codes, e.g. [fr]", "a list") })
        .optional(),
    },
    { error: expecting("a link, e.g. { section: events } or { url: https://…, label: … }", "a link") },
  )
  .superRefine((value, ctx) => {
    const given = TARGETS.filter((target) => value[target] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: "custom",
        message: `${given.length ? `has ${given.join(" and ")}` : "leads nowhere"} (expected one of section, page, url or email)`,
        input: value,
      });
    if ((value.url || value.email) && !value.label)
      ctx.addIssue({
        code: "custom",
        path: ["label"],
        message: "missing (expected the text of the link, e.g. label: { fr: Faire un don, en: Donate })",
        input: undefined,
      });
  });
export type LinkSource = z.output<typeof link>;

const links = (expected: string) => z.array(link, { error: expecting(expected, "a list of links") }).default([]);

export const navigationSchema = z.strictObject(
  {
    menu: links("the links of the menu at the top of every page, e.g. - section: events"),
    footer: links("the links at the foot of every page, e.g. - page: legal-notice"),
    /** What the home page asks readers to do (come, join, donate): a sentence and its links. */
    callToAction: z
      .strictObject(
        { text: label, links: links("the links readers follow, e.g. - section: events") },
        { error: expecting("a text and its links, e.g. { text: …, links: [- section: events] }", "a call to action") },
      )
      .optional(),
  },
  { error: expecting("menu, footer and callToAction", "a navigation file") },
);
export type NavigationSource = z.output<typeof navigationSchema>;

/** Without _data/navigation.yaml: the sections every site has, in their usual order (those not declared are left out). */
export const DEFAULT_NAVIGATION: NavigationSource = {
  menu: ["posts", "events", "rebuttals", "press", "tags", "archive"].map((section) => ({ section })),
  footer: [{ section: "subscribe" }],
};
