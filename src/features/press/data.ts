// Reads and validates the press room's data (_data/press.yaml) and prepares the logos, photos and brochure it names.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseYaml } from "../../core/content/front-matter.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import { contentDate, expecting, text } from "../../core/content/schema.ts";
import type { PostSource } from "../../core/content/types.ts";
import { slugify } from "../../core/content/slug.ts";
import { zodProblems } from "../../core/content/zod-problems.ts";
import { AssetError } from "../../core/media/asset-files.ts";
import { publishedAsset } from "../../core/media/published-asset.ts";
import type { BuildContext } from "../../core/context.ts";
import { type MediaImages, prepareImages } from "./images.ts";

export const PRESS_FILE = "_data/press.yaml";

/**
 * A text given once per language of the press room: each of them, and no other. The press room's
 * languages are those `boilerplate` is written in (a language added to the site without press texts
 * simply has no press room yet).
 */
function perLanguage<T extends z.ZodType>(languages: string[], value: T, expected: string) {
  return z
    .record(z.string(), value, { error: expecting(`${expected}, one per language (${languages.map((l) => `${l}: …`).join(", ")})`, "a text per language") })
    .superRefine((given, ctx) => {
      for (const lang of languages) {
        if (!(lang in given)) ctx.addIssue({ code: "custom", path: [lang], message: `missing (expected ${expected} in language "${lang}")`, input: undefined });
      }
      for (const key of Object.keys(given)) {
        if (!languages.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: `${quote(key)} is not a language of the press room (expected one of ${languages.join(", ")}: the languages of _data/languages.yaml that boilerplate is written in)`, input: key });
      }
    });
}

/** The declared languages the "about us" text is written in. */
function pressLanguages(data: Record<string, unknown>, declared: string[]): string[] {
  const boilerplate = data.boilerplate;
  const given = boilerplate && typeof boilerplate === "object" ? Object.keys(boilerplate) : [];
  return declared.filter((lang) => given.includes(lang));
}

/** A file under /assets/ with one of the given extensions. */
function assetFile(extensions: string[], example: string) {
  const what = `a file under /assets/ ending in ${extensions.map((e) => `.${e}`).join(" or ")}`;
  const isAsset = (file: string) => file.startsWith("/assets/") && !file.split("/").includes("..");
  return text(`${what}, e.g. ${example}`).refine((file) => isAsset(file) && extensions.includes(path.extname(file).slice(1).toLowerCase()), {
    error: (issue) => `${quote(issue.input)} is not ${what} (expected e.g. ${example})`,
  });
}

const PHONE = /^\+\d[\d ().-]{5,}$/;

function pressSchema(languages: string[], zone: string) {
  const licence = z.strictObject({
    name: text("the licence's name, e.g. CC BY 4.0"),
    url: z.url({ error: expecting("the licence's address, e.g. https://creativecommons.org/licenses/by/4.0/", "a URL") }),
  }, { error: expecting("a licence: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }", "a licence") });
  const media = (file: z.ZodType<string>) =>
    z.strictObject({
      file,
      caption: perLanguage(languages, text("a caption"), "a caption"),
      alt: perLanguage(languages, text("a description of the image for people who cannot see it"), "a description of the image for people who cannot see it"),
      credit: text("who made it, as it must be credited, e.g. the collective's name"),
      licence,
    });
  return z.strictObject({
    updated: contentDate(zone),
    contacts: z
      .array(
        z.strictObject({
          name: text("the contact's name"),
          role: perLanguage(languages, text("the contact's role"), "the contact's role, e.g. Press relations"),
          email: z.email({ error: expecting("an email address", "an email address") }),
          phone: text("an international phone number, e.g. +33 1 99 00 00 00").regex(PHONE, { error: (issue) => `${quote(issue.input)} is not an international phone number (expected + and the country code, e.g. +33 1 99 00 00 00)` }),
          languages: z
            .array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: (issue) => `${quote(issue.input)} is not a language code (expected e.g. fr, en, es)` }), { error: expecting("the languages the contact speaks, e.g. [fr, en]", "a list of languages") })
            .min(1, { error: "is empty (expected the languages the contact speaks, e.g. [fr, en])" }),
        }),
        { error: expecting("a list of press contacts", "a list") },
      )
      .min(1, { error: "is empty (expected at least one press contact)" }),
    boilerplate: perLanguage(languages, text("the collective's \"about us\" text"), "the collective's \"about us\" text, in Markdown").refine((given) => Object.keys(given).length > 0, {
      error: "is empty (expected the collective's \"about us\" text in Markdown, in each language that has a press room, e.g. fr: …)",
    }),
    facts: perLanguage(
      languages,
      z.array(z.strictObject({ label: text("a short label, e.g. Founded"), value: text("the fact") }), { error: expecting("a list of `- label: … value: …` facts", "a list") }).min(1, { error: "is empty (expected at least one fact)" }),
      "a fact sheet",
    ),
    usage: perLanguage(languages, text("how journalists may use the texts"), "how journalists may use the texts"),
    logos: z.array(media(assetFile(["svg", "png"], "/assets/press/logo.svg")).extend({
      pngWidth: z.int({ error: expecting("a width in pixels, e.g. 1200", "a whole number") }).min(16).max(8000).default(1200),
    }), { error: expecting("a list of logos", "a list") }).default([]),
    photos: z.array(media(assetFile(["jpg", "jpeg", "png", "webp"], "/assets/press/photos/rally.jpg")), { error: expecting("a list of photos", "a list") }).default([]),
    brochure: z.strictObject({
      file: assetFile(["pdf"], "/assets/press/brochure.pdf"),
      title: perLanguage(languages, text("the brochure's title"), "the brochure's title"),
    }).optional(),
  });
}

export type PressData = z.output<ReturnType<typeof pressSchema>>;
type LogoData = PressData["logos"][number];
type PhotoData = PressData["photos"][number];

/** The press data with what the build made of its files. */
export interface PressSource {
  /** The languages that have a press room. */
  languages: string[];
  updated: PressData["updated"];
  contacts: (PressData["contacts"][number] & { slug: string })[];
  boilerplate: PressData["boilerplate"];
  facts: PressData["facts"];
  usage: PressData["usage"];
  logos: (LogoData & { images: MediaImages })[];
  photos: (PhotoData & { images: MediaImages })[];
  brochure?: NonNullable<PressData["brochure"]> & { data: Buffer };
}

const THUMBNAIL_WIDTH = { logos: 256, photos: 640 };

/** Every contact gets a card file named after them: two names giving one file name would overwrite each other. */
function contactSlugs(data: PressData, problems: Problem[]): PressSource["contacts"] {
  const seen = new Map<string, number>();
  return data.contacts.map((contact, index) => {
    const slug = slugify(contact.name);
    const first = seen.get(slug);
    if (first !== undefined) problems.push({ file: PRESS_FILE, field: `contacts.${index}.name`, message: `${quote(contact.name)} gives the same card file as contacts.${first} (expected names that differ by more than accents or punctuation)`, severity: "error" });
    else seen.set(slug, index);
    return { ...contact, slug };
  });
}

async function withImages<T extends { file: string }>(context: BuildContext, list: "logos" | "photos", items: T[], pngWidth: (item: T) => number | undefined, problems: Problem[]): Promise<(T & { images: MediaImages })[]> {
  const { root } = context;
  const prepared = await Promise.all(
    items.map(async (item, index) => {
      const field = `${list}.${index}.file`;
      const source = path.join(root, item.file);
      if (!existsSync(source)) {
        problems.push({ file: PRESS_FILE, field, message: `${quote(item.file)} does not exist (expected the address of a file of the assets/ folder, e.g. /assets/press/${list}/name.${list === "logos" ? "svg" : "jpg"})`, severity: "error" });
        return undefined;
      }
      try {
        const images = await prepareImages(context, item.file, { thumbnailWidth: THUMBNAIL_WIDTH[list], pngWidth: pngWidth(item) });
        const taken = images.derived.find((image) => existsSync(path.join(root, image.url)));
        if (taken) {
          problems.push({ file: PRESS_FILE, field, message: `the build writes ${taken.url} from this image, and a file of that name already exists (expected another name for one of them)`, severity: "error" });
          return undefined;
        }
        return { ...item, images };
      } catch (error) {
        const message = error instanceof AssetError ? `${quote(item.file)} ${error.problem.message}` : `${quote(item.file)} is not an image the build can read: ${(error as Error).message} (expected a valid ${path.extname(item.file).slice(1).toUpperCase()} file)`;
        problems.push({ file: PRESS_FILE, field, message, severity: "error" });
        return undefined;
      }
    }),
  );
  return prepared.filter((item) => item !== undefined);
}

/** The brochure as the site publishes it (without its author, tools and XMP metadata): the kit holds the same bytes. */
async function withBrochure(context: BuildContext, brochure: NonNullable<PressData["brochure"]>, problems: Problem[]): Promise<PressSource["brochure"]> {
  const { root } = context;
  const problem = (message: string) => problems.push({ file: PRESS_FILE, field: "brochure.file", message: `${quote(brochure.file)} ${message}`, severity: "error" });
  if (!existsSync(path.join(root, brochure.file))) {
    problem("does not exist (expected a PDF file under assets/, or no brochure entry)");
    return undefined;
  }
  try {
    return { ...brochure, data: await publishedAsset(root, brochure.file.replace(/^\//, ""), context.media) };
  } catch (error) {
    if (!(error instanceof AssetError)) throw error;
    problem(error.problem.message);
    return undefined;
  }
}

/** Press releases end with the contacts and the "about us" text of their language: without them, each release says so. */
function releasesNeedPressData(posts: PostSource[], languages: string[]): Problem[] {
  return posts
    .filter((post) => post.kind === "press-release" && !languages.includes(post.lang))
    .map((post) => ({
      file: post.file, field: "kind", line: post.lines.kind, severity: "error",
      message: `a press release needs the press room of its language (expected ${PRESS_FILE}, with the press contacts and boilerplate.${post.lang}, the "about us" text its releases end with)`,
    }));
}

/** Loads the press data when the site has it; problems are collected like the rest of the content. */
export async function loadPress(context: BuildContext, languages: string[], zone: string, posts: PostSource[], problems: Problem[]): Promise<PressSource | undefined> {
  const { root } = context;
  const absolute = path.join(root, PRESS_FILE);
  if (!existsSync(absolute)) {
    problems.push(...releasesNeedPressData(posts, []));
    return undefined;
  }
  const parsed = parseYaml(await readFile(absolute, "utf8"));
  if (parsed.syntaxError) {
    problems.push({ file: PRESS_FILE, line: parsed.syntaxError.line, message: `not valid YAML: ${parsed.syntaxError.message}`, severity: "error" });
    return undefined;
  }
  const roomLanguages = pressLanguages(parsed.data, languages);
  const schema = pressSchema(roomLanguages, zone);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...zodProblems(PRESS_FILE, result.error, parsed.lines, Object.keys(schema.shape)));
    return undefined;
  }
  const data = result.data;
  for (const lang of languages.filter((code) => !roomLanguages.includes(code))) {
    problems.push({ file: PRESS_FILE, field: `boilerplate.${lang}`, message: `missing, so the "${lang}" site has no press room (expected the "about us" text in "${lang}", and the other press texts in "${lang}", to give it one)`, severity: "warning" });
  }
  const count = problems.length;
  problems.push(...releasesNeedPressData(posts, roomLanguages));
  const contacts = contactSlugs(data, problems);
  const logos = await withImages(context, "logos", data.logos, (logo) => logo.pngWidth, problems);
  const photos = await withImages(context, "photos", data.photos, () => undefined, problems);
  const brochure = data.brochure && (await withBrochure(context, data.brochure, problems));
  if (problems.length > count) return undefined;
  return { languages: roomLanguages, updated: data.updated, contacts, boilerplate: data.boilerplate, facts: data.facts, usage: data.usage, logos, photos, brochure };
}
