// The content model's schemas (zod): front matter, languages, site settings; TypeScript types derive from them.
import { z } from "zod";
import type { DateTime } from "luxon";
import { parseContentDate, zoneProblem } from "../dates/parse.ts";
import { quote } from "./problems.ts";
import { type Message, issueText, msg } from "../i18n/message.ts";

export const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_EXPECTATION = msg`lowercase letters, digits and hyphens, e.g. retour-du-charbon`;

/** Message for a value that is missing or wrong: names what was found and what is expected. */
export function expecting(expected: Message, what = msg`valid`) {
  return (issue: { input?: unknown }) =>
    issueText(
      issue.input === undefined
        ? msg`missing (expected ${expected})`
        : msg`${quote(issue.input)} is not ${what} (expected ${expected})`,
    );
}

/** An issue's message, for zod's `error:` options: carried through zod, rendered in the writer's language. */
export const says = (message: Message) => ({ error: issueText(message) });

/** An issue's message made from the value found, for zod's `error:` options. */
export const saysOf = (message: (input: unknown) => Message) => ({
  error: (issue: { input?: unknown }) => issueText(message(issue.input)),
});

/** Reports a refinement's problem on `path` (zod's own `ctx.addIssue`, with a message for the writer). */
export function addProblem(ctx: z.RefinementCtx, message: Message, path: PropertyKey[] = [], input?: unknown): void {
  ctx.addIssue({ code: "custom", path, message: issueText(message), input });
}

export const text = (expected: Message) =>
  z
    .string({ error: expecting(expected, msg`text`) })
    .trim()
    .min(1, says(msg`is empty (expected ${expected})`));

export const slug = (expected = SLUG_EXPECTATION) =>
  z.string({ error: expecting(expected, msg`a slug`) }).regex(
    SLUG_SHAPE,
    saysOf((input) => msg`${quote(input)} is not a slug (expected ${expected})`),
  );

/** A date in ISO 8601; without an offset it is read in `zone` (unless `requireOffset`). */
export const contentDate = (zone: string, requireOffset = false) =>
  z.unknown().transform((raw, ctx): DateTime => {
    if (raw === undefined) {
      addProblem(ctx, msg`missing (expected 2025-02-08 or 2025-02-08T13:00+01:00)`, [], raw);
      return z.NEVER;
    }
    const result = parseContentDate(raw, zone, requireOffset);
    if (!result.ok) {
      addProblem(ctx, result.message, [], raw);
      return z.NEVER;
    }
    return result.value;
  });

/** YAML booleans only: the string "false" must not count as true. */
export const strictBoolean = z.boolean({ error: expecting(msg`true or false`, msg`true or false`) });

/** The licence of a work: its name alone (`CC BY 4.0`, `Tous droits réservés`) or `{ name, url }`; always read as an object. */
export const licence = z
  .union(
    [
      z.string().trim().min(1),
      z.strictObject({
        name: text(msg`the licence's name, e.g. CC BY 4.0`),
        url: z.url({
          error: expecting(msg`the licence's address, e.g. https://creativecommons.org/licenses/by/4.0/`, msg`a URL`),
        }),
      }),
    ],
    {
      error: expecting(
        msg`a licence: its name, e.g. CC BY 4.0, or { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }`,
        msg`a licence`,
      ),
    },
  )
  .transform((value): { name: string; url?: string | undefined } =>
    typeof value === "string" ? { name: value } : value,
  );

export const languageCode = z.string({ error: expecting(msg`a language code, e.g. fr`, msg`a language code`) }).regex(
  /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
  saysOf((input) => msg`${quote(input)} is not a language code (expected e.g. fr, en, es or pt-BR)`),
);

/** An IANA time zone name the runtime knows (Europe/Paris), never an offset or an abbreviation. */
export const timeZone = z
  .string({ error: expecting(msg`a time zone, e.g. Europe/Paris`, msg`a time zone`) })
  .superRefine((zone, ctx) => {
    const problem = zoneProblem(zone);
    if (problem) addProblem(ctx, problem, [], zone);
  });

export const languageSchema = z.strictObject({
  code: languageCode,
  name: text(msg`the language's name in that language, e.g. Français`),
  locale: text(msg`a locale for dates, e.g. fr-FR`),
  dir: z.enum(["ltr", "rtl"], { error: expecting(msg`ltr or rtl`, msg`a text direction`) }).default("ltr"),
  quotes: z
    .string()
    .length(4, says(msg`expected four characters: double open, double close, single open, single close, e.g. «»‹›`))
    .optional(),
});
export type Language = z.output<typeof languageSchema>;

export const languagesSchema = z
  .array(languageSchema, { error: expecting(msg`a list of languages`, msg`a list`) })
  .min(1, says(msg`is empty (expected at least one language)`));

/** The most items a page of each kind of list may show: the large-site gate builds with these. */
export const MOST_PER_PAGE = { postsPerPage: 50, archivePerPage: 250 } as const;

/**
 * How many items a page of a list shows: a whole number from 1 to `max`, the most that keeps a page of the longest
 * items under the 30 KB weight budget (README, "Light pages at any size").
 */
const perPage = (items: Message, example: number, max: number) => {
  const expected = msg`a whole number of ${items} per page from 1 to ${max}, e.g. ${example}`;
  return z
    .int({ error: expecting(expected, msg`a whole number`) })
    .min(
      1,
      saysOf((input) => msg`${quote(input)} is too few (expected ${expected})`),
    )
    .max(
      max,
      saysOf(
        (input) =>
          msg`${quote(input)} is too many (expected ${expected}: longer pages would weigh more than the 30 KB budget)`,
      ),
    )
    .default(example);
};

export const siteSchema = z.strictObject({
  url: z
    .url({ error: expecting(msg`the public address of the site, e.g. https://example.org`, msg`a URL`) })
    .transform((url) => url.replace(/\/+$/, "")),
  timezone: timeZone.default("Europe/Paris"),
  postsPerPage: perPage(msg`posts`, 10, MOST_PER_PAGE.postsPerPage),
  /** Posts per page of an archive year: a line each (date and title), so more than on the lists of summaries. */
  archivePerPage: perPage(msg`posts`, 100, MOST_PER_PAGE.archivePerPage),
  feedEntries: z
    .int({ error: expecting(msg`a whole number, e.g. 20`, msg`a whole number`) })
    .positive(says(msg`is not above 0 (expected a whole number, e.g. 20)`))
    .default(20),
  /** The host name in feed entry ids; set it to the old one when the site moves, so readers see no entry twice. */
  feedIdHost: z
    .string({ error: expecting(msg`a host name, e.g. tract.example.org`, msg`a host name`) })
    .regex(
      /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/,
      saysOf(
        (input) =>
          msg`${quote(input)} is not a host name (expected e.g. tract.example.org, without https:// or a path)`,
      ),
    )
    .optional(),
  email: z.email({ error: expecting(msg`an email address`, msg`an email address`) }).optional(),
  image: text(msg`a path under /assets/, e.g. /assets/img/og-default.png`).default("/assets/img/og-default.png"),
  /** The collective's logo, an SVG under /assets/: the header, social cards and PDFs show it. */
  logo: text(msg`an SVG file under /assets/, e.g. /assets/press/logo.svg`)
    .refine(
      (value) => value.startsWith("/assets/") && value.endsWith(".svg"),
      saysOf((input) => msg`${quote(input)} is not an SVG file under /assets/ (expected e.g. /assets/press/logo.svg)`),
    )
    .optional(),
  /** The collective's colour, as #rrggbb: the header, social cards and PDFs use it. */
  /** The collective's Mastodon (fediverse) account, `@name@server`: pages name it as their creator and link to it with rel="me". */
  mastodon: z
    .string({
      error: expecting(
        msg`a fediverse account written @name@server, e.g. @collectif@mastodon.example`,
        msg`an account`,
      ),
    })
    .regex(
      /^@[\w.-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/,
      saysOf(
        (input) =>
          msg`${quote(input)} is not a fediverse account (expected @name@server, e.g. @collectif@mastodon.example)`,
      ),
    )
    .optional(),
  accent: z
    .string({ error: expecting(msg`a colour written #rrggbb, e.g. #9b1c1c`, msg`a colour`) })
    .regex(
      /^#[0-9a-fA-F]{6}$/,
      saysOf((input) => msg`${quote(input)} is not a colour (expected #rrggbb, e.g. #9b1c1c)`),
    )
    .default("#9b1c1c"),
});
export type SiteConfig = z.output<typeof siteSchema>;

/** A strings file: nested maps whose leaves are text. */
export type StringsTree = { [key: string]: string | StringsTree };
export const stringsSchema: z.ZodType<StringsTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), stringsSchema]), {
    error: issueText(msg`expected \`key: text\` lines, nested by section`),
  }),
);
