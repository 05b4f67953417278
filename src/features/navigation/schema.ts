// The schema of _data/navigation.yaml: the menu, the footer and the home page's call to action, each a list of one-line links.
import { z } from "zod";
import { addProblem, expecting, languageCode, slug, text } from "../../core/content/schema.ts";
import { type Message, msg } from "../../core/i18n/message.ts";

export const NAVIGATION_FILE = "_data/navigation.yaml";

/** A text for every language, or one per language ({ fr: …, en: … }). */
const label = z.union([text(msg`a label`), z.record(z.string(), text(msg`a label`))], {
  error: expecting(msg`a label: one text, or one per language, e.g. { fr: Faire un don, en: Donate }`, msg`a label`),
});
export type Label = z.output<typeof label>;

const TARGETS = ["section", "page", "url", "email"] as const;

const link = z
  .strictObject(
    {
      /** A section of the site by its key: home, posts, tags, archive, or a feature's (events, press, subscribe…). */
      section: text(msg`a section of the site, e.g. events`).optional(),
      /** A page of pages/<language>/ by its translationKey. */
      page: slug(msg`the translationKey of a page in pages/, e.g. about`).optional(),
      url: z
        .url({ protocol: /^https?$/, error: expecting(msg`an address, e.g. https://…`, msg`a web address`) })
        .optional(),
      email: z
        .email({ error: expecting(msg`an e-mail address, e.g. contact@example.org`, msg`an e-mail address`) })
        .optional(),
      label: label.optional(),
      /** `me`: the collective's own profile elsewhere (Mastodon checks it links back). */
      rel: z
        .literal("me", { error: expecting(msg`me (for the collective's own profile, e.g. on Mastodon)`, msg`a rel`) })
        .optional(),
      /** Only in these languages (every language by default). */
      languages: z
        .array(languageCode, { error: expecting(msg`a list of language codes, e.g. [fr]`, msg`a list`) })
        .optional(),
    },
    { error: expecting(msg`a link, e.g. { section: events } or { url: https://…, label: … }`, msg`a link`) },
  )
  .superRefine((value, ctx) => {
    const given = TARGETS.filter((target) => value[target] !== undefined);
    if (given.length !== 1)
      addProblem(
        ctx,
        given.length
          ? msg`has ${given.join(" and ")} (expected one of section, page, url or email)`
          : msg`leads nowhere (expected one of section, page, url or email)`,
        [],
        value,
      );
    if ((value.url || value.email) && !value.label)
      addProblem(ctx, msg`missing (expected the text of the link, e.g. label: { fr: Faire un don, en: Donate })`, [
        "label",
      ]);
  });
export type LinkSource = z.output<typeof link>;

const links = (expected: Message) => z.array(link, { error: expecting(expected, msg`a list of links`) }).default([]);

export const navigationSchema = z.strictObject(
  {
    menu: links(msg`the links of the menu at the top of every page, e.g. - section: events`),
    footer: links(msg`the links at the foot of every page, e.g. - page: legal-notice`),
    /** What the home page asks readers to do (come, join, donate): a sentence and its links. */
    callToAction: z
      .strictObject(
        { text: label, links: links(msg`the links readers follow, e.g. - section: events`) },
        {
          error: expecting(
            msg`a text and its links, e.g. { text: …, links: [- section: events] }`,
            msg`a call to action`,
          ),
        },
      )
      .optional(),
  },
  { error: expecting(msg`menu, footer and callToAction`, msg`a navigation file`) },
);
export type NavigationSource = z.output<typeof navigationSchema>;

/** Without _data/navigation.yaml: the sections every site has, in their usual order (those not declared are left out). */
export const DEFAULT_NAVIGATION: NavigationSource = {
  menu: ["posts", "events", "rebuttals", "press", "tags", "archive"].map((section) => ({ section })),
  footer: [{ section: "subscribe" }],
};
