// Reads and validates the press room's data (_data/press.yaml) and prepares the logos, photos and brochure it names.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseYaml } from "../../core/content/front-matter.ts";
import { type Problem, quote } from "../../core/content/problems.ts";
import type { PostSource } from "../../core/content/types.ts";
import { slugify } from "../../core/content/slug.ts";
import { zodProblems } from "../../core/content/zod-problems.ts";
import { AssetError } from "../../core/media/asset-files.ts";
import { publishedAsset } from "../../core/media/published-asset.ts";
import type { BuildContext } from "../../core/context.ts";
import { type Message, msg } from "../../core/i18n/message.ts";
import { type MediaImages, prepareImages } from "./images.ts";
import { type PressData, pressLanguages, pressSchema } from "./schema.ts";

export const PRESS_FILE = "_data/press.yaml";

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

/** Every contact gets a card file named after them: two names giving one file name would overwrite each other. */
function contactSlugs(data: PressData, problems: Problem[]): PressSource["contacts"] {
  const seen = new Map<string, number>();
  return data.contacts.map((contact, index) => {
    const slug = slugify(contact.name);
    const first = seen.get(slug);
    if (first !== undefined)
      problems.push({
        file: PRESS_FILE,
        field: `contacts.${index}.name`,
        message: msg`${quote(contact.name)} gives the same card file as contacts #${first + 1} (expected names that differ by more than accents or punctuation)`,
        severity: "error",
      });
    else seen.set(slug, index);
    return { ...contact, slug };
  });
}

async function withImages<T extends { file: string }>(
  context: BuildContext,
  list: "logos" | "photos",
  items: T[],
  pngWidth: (item: T) => number | undefined,
  problems: Problem[],
): Promise<(T & { images: MediaImages })[]> {
  const { root } = context;
  const prepared = await Promise.all(
    items.map(async (item, index) => {
      const field = `${list}.${index}.file`;
      const source = path.join(root, item.file);
      if (!existsSync(source)) {
        problems.push({
          file: PRESS_FILE,
          field,
          message: msg`${quote(item.file)} does not exist (expected the address of a file of the assets/ folder, e.g. /assets/press/${list}/name.${list === "logos" ? "svg" : "jpg"})`,
          severity: "error",
        });
        return undefined;
      }
      try {
        const images = await prepareImages(context, item.file, { pngWidth: pngWidth(item) });
        const taken = images.derived.find((image) => existsSync(path.join(root, image.url)));
        if (taken) {
          problems.push({
            file: PRESS_FILE,
            field,
            message: msg`the build writes ${taken.url} from this image, and a file of that name already exists (expected another name for one of them)`,
            severity: "error",
          });
          return undefined;
        }
        return { ...item, images };
      } catch (error) {
        const message =
          error instanceof AssetError
            ? msg`${quote(item.file)} ${error.problem.message}`
            : msg`${quote(item.file)} is not an image the build can read: ${(error as Error).message} (expected a valid ${path.extname(item.file).slice(1).toUpperCase()} file)`;
        problems.push({ file: PRESS_FILE, field, message, severity: "error" });
        return undefined;
      }
    }),
  );
  return prepared.filter((item) => item !== undefined);
}

/** The brochure as the site publishes it (without its author, tools and XMP metadata): the kit holds the same bytes. */
async function withBrochure(
  context: BuildContext,
  brochure: NonNullable<PressData["brochure"]>,
  problems: Problem[],
): Promise<PressSource["brochure"]> {
  const { root } = context;
  const problem = (message: Message) =>
    problems.push({
      file: PRESS_FILE,
      field: "brochure.file",
      message: msg`${quote(brochure.file)} ${message}`,
      severity: "error",
    });
  if (!existsSync(path.join(root, brochure.file))) {
    problem(msg`does not exist (expected a PDF file under assets/, or no brochure entry)`);
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
      file: post.file,
      field: "kind",
      line: post.lines.kind,
      severity: "error" as const,
      message: msg`a press release needs the press room of its language (expected ${PRESS_FILE}, with the press contacts and boilerplate.${post.lang}, the "about us" text its releases end with)`,
    }));
}

/** Loads the press data when the site has it; problems are collected like the rest of the content. */
export async function loadPress(
  context: BuildContext,
  languages: string[],
  zone: string,
  posts: PostSource[],
  problems: Problem[],
): Promise<PressSource | undefined> {
  const { root } = context;
  const absolute = path.join(root, PRESS_FILE);
  if (!existsSync(absolute)) {
    problems.push(...releasesNeedPressData(posts, []));
    return undefined;
  }
  const parsed = parseYaml(await readFile(absolute, "utf8"));
  if (parsed.syntaxError) {
    problems.push({
      file: PRESS_FILE,
      line: parsed.syntaxError.line,
      message: msg`not valid YAML: ${parsed.syntaxError.message}`,
      severity: "error",
    });
    return undefined;
  }
  const roomLanguages = pressLanguages(parsed.data, languages);
  const schema = pressSchema(roomLanguages, zone);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...zodProblems(PRESS_FILE, result.error, parsed.lines, Object.keys(schema.shape), parsed.data));
    return undefined;
  }
  const data = result.data;
  for (const lang of languages.filter((code) => !roomLanguages.includes(code))) {
    problems.push({
      file: PRESS_FILE,
      field: `boilerplate.${lang}`,
      message: msg`missing, so the "${lang}" site has no press room (expected the "about us" text in "${lang}", and the other press texts in "${lang}", to give it one)`,
      severity: "warning",
    });
  }
  const count = problems.length;
  problems.push(...releasesNeedPressData(posts, roomLanguages));
  const contacts = contactSlugs(data, problems);
  const logos = await withImages(context, "logos", data.logos, (logo) => logo.pngWidth, problems);
  const photos = await withImages(context, "photos", data.photos, () => undefined, problems);
  const brochure = data.brochure && (await withBrochure(context, data.brochure, problems));
  if (problems.length > count) return undefined;
  return {
    languages: roomLanguages,
    updated: data.updated,
    contacts,
    boilerplate: data.boilerplate,
    facts: data.facts,
    usage: data.usage,
    logos,
    photos,
    brochure,
  };
}
