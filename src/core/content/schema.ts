// The content model's schemas (zod): front matter, languages, site settings; TypeScript types derive from them.
import { z } from "zod";
import type { DateTime } from "luxon";
import { parseContentDate, zoneProblem } from "../dates/parse.ts";
import { quote } from "./problems.ts";

export const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_EXPECTATION = "lowercase letters, digits and hyphens, e.g. retour-du-charbon";

/** Message for a value that is missing or wrong: names what was found and what is expected. */
export function expecting(expected: string, what = "valid") {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `missing (expected ${expected})`
      : `${quote(issue.input)} is not ${what} (expected ${expected})`;
}

export const text = (expected: string) =>
  z
    .string({ error: expecting(expected, "text") })
    .trim()
    .min(1, { error: `is empty (expected ${expected})` });

export const slug = (expected = SLUG_EXPECTATION) =>
  z
    .string({ error: expecting(expected, "a slug") })
    .regex(SLUG_SHAPE, { error: (issue) => `${quote(issue.input)} is not a slug (expected ${expected})` });

/** A date in ISO 8601; without an offset it is read in `zone` (unless `requireOffset`). */
export const contentDate = (zone: string, requireOffset = false) =>
  z.unknown().transform((raw, ctx): DateTime => {
    if (raw === undefined) {
      ctx.addIssue({ code: "custom", message: "missing (expected 2025-02-08 or 2025-02-08T13:00+01:00)", input: raw });
      return z.NEVER;
    }
    const result = parseContentDate(raw, zone, requireOffset);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.message, input: raw });
      return z.NEVER;
    }
    return result.value;
  });

/** YAML booleans only: the string "false" must not count as true. */
export const strictBoolean = z.boolean({ error: expecting("true or false", "true or false") });

export const tagList = z
  .union([z.string(), z.array(z.string())], {
    error: expecting("a list of tags, e.g. [énergie, climat]", "a list of tags"),
  })
  .transform((value) =>
    (Array.isArray(value) ? value : [value]).map((tag) => tag.trim()).filter((tag) => tag.length > 0),
  );

/** The licence of a work: its name alone (`CC BY 4.0`, `Tous droits réservés`) or `{ name, url }`; always read as an object. */
export const licence = z
  .union(
    [
      z.string().trim().min(1),
      z.strictObject({
        name: text("the licence's name, e.g. CC BY 4.0"),
        url: z.url({
          error: expecting("the licence's address, e.g. https://creativecommons.org/licenses/by/4.0/", "a URL"),
        }),
      }),
    ],
    {
      error: expecting(
        "a licence: its name, e.g. CC BY 4.0, or { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }",
        "a licence",
      ),
    },
  )
  .transform((value): { name: string; url?: string | undefined } =>
    typeof value === "string" ? { name: value } : value,
  );

export const languageCode = z
  .string({ error: expecting("a language code, e.g. fr", "a language code") })
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    error: (issue) => `${quote(issue.input)} is not a language code (expected e.g. fr, en, es or pt-BR)`,
  });

/** An IANA time zone name the runtime knows (Europe/Paris), never an offset or an abbreviation. */
export const timeZone = z
  .string({ error: expecting("a time zone, e.g. Europe/Paris", "a time zone") })
  .superRefine((zone, ctx) => {
    const problem = zoneProblem(zone);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: zone });
  });

export const languageSchema = z.strictObject({
  code: languageCode,
  name: text("the language's name in that language, e.g. Français"),
  locale: text("a locale for dates, e.g. fr-FR"),
  dir: z.enum(["ltr", "rtl"], { error: expecting("ltr or rtl", "a text direction") }).default("ltr"),
  quotes: z
    .string()
    .length(4, { error: "expected four characters: double open, double close, single open, single close, e.g. «»‹›" })
    .optional(),
});
export type Language = z.output<typeof languageSchema>;

export const languagesSchema = z
  .array(languageSchema, { error: expecting("a list of languages", "a list") })
  .min(1, { error: "is empty (expected at least one language)" });

/** The most items a page of each kind of list may show: the large-site gate builds with these. */
export const MOST_PER_PAGE = { postsPerPage: 50, archivePerPage: 250 } as const;

/**
 * How many items a page of a list shows: a whole number from 1 to `max`, the most that keeps a page of the longest
 * items under the 30 KB weight budget (README, "Light pages at any size").
 */
const perPage = (items: string, example: number, max: number) => {
  const expected = `a whole number of ${items} per page from 1 to ${max}, e.g. ${example}`;
  return z
    .int({ error: expecting(expected, "a whole number") })
    .min(1, { error: (issue) => `${quote(issue.input)} is too few (expected ${expected})` })
    .max(max, {
      error: (issue) =>
        `${quote(issue.input)} is too many (expected ${expected}: longer pages would weigh more than the 30 KB budget)`,
    })
    .default(example);
};

export const siteSchema = z.strictObject({
  url: z
    .url({ error: expecting("the public address of the site, e.g. https://example.org", "a URL") })
    .transform((url) => url.replace(/\/+$/, "")),
  timezone: timeZone.default("Europe/Paris"),
  postsPerPage: perPage("posts", 10, MOST_PER_PAGE.postsPerPage),
  /** Posts per page of an archive year: a line each (date and title), so more than on the lists of summaries. */
  archivePerPage: perPage("posts", 100, MOST_PER_PAGE.archivePerPage),
  feedEntries: z
    .int({ error: expecting("a whole number, e.g. 20", "a whole number") })
    .positive()
    .default(20),
  /** The host name in feed entry ids; set it to the old one when the site moves, so readers see no entry twice. */
  feedIdHost: z
    .string({ error: expecting("a host name, e.g. tract.example.org", "a host name") })
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, {
      error: (issue) =>
        `${quote(issue.input)} is not a host name (expected e.g. tract.example.org, without https:// or a path)`,
    })
    .optional(),
  email: z.email({ error: expecting("an email address", "an email address") }).optional(),
  image: text("a path under /assets/, e.g. /assets/img/og-default.png").default("/assets/img/og-default.png"),
  /** The collective's logo, an SVG under /assets/: the header, social cards and PDFs show it. */
  logo: text("an SVG file under /assets/, e.g. /assets/press/logo.svg")
    .refine((value) => value.startsWith("/assets/") && value.endsWith(".svg"), {
      error: (issue) =>
        `${quote(issue.input)} is not an SVG file under /assets/ (expected e.g. /assets/press/logo.svg)`,
    })
    .optional(),
  /** The collective's colour, as #rrggbb: the header, social cards and PDFs use it. */
  /** The collective's Mastodon (fediverse) account, `@name@server`: pages name it as their creator and link to it with rel="me". */
  mastodon: z
    .string({
      error: expecting("a fediverse account written @name@server, e.g. @collectif@mastodon.example", "an account"),
    })
    .regex(/^@[\w.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, {
      error: (issue) =>
        `${quote(issue.input)} is not a fediverse account (expected @name@server, e.g. @collectif@mastodon.example)`,
    })
    .optional(),
  accent: z
    .string({ error: expecting("a colour written #rrggbb, e.g. #9b1c1c", "a colour") })
    .regex(/^#[0-9a-fA-F]{6}$/, {
      error: (issue) => `${quote(issue.input)} is not a colour (expected #rrggbb, e.g. #9b1c1c)`,
    })
    .default("#9b1c1c"),
});
export type SiteConfig = z.output<typeof siteSchema>;

/** A strings file: nested maps whose leaves are text. */
export type StringsTree = { [key: string]: string | StringsTree };
export const stringsSchema: z.ZodType<StringsTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), stringsSchema]), {
    error: "expected `key: text` lines, nested by section",
  }),
);
