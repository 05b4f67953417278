// Reads and validates everything the site is built from: settings, languages, strings, posts, pages, then each feature's data.
import type { BuildContext } from "../context.ts";
import type { Registry } from "../contract.ts";
import { Strings, flattenStrings } from "../i18n/strings.ts";
import { Markdown, markdownOptions } from "../markdown/render.ts";
import { typeset } from "../typography/french.ts";
import { DATA_FILES, readDataFile } from "./data-files.ts";
import { type DocumentFolder, loadDocuments } from "./documents.ts";
import { type Problem, quote } from "./problems.ts";
import { strayFiles } from "./stray-files.ts";
import { environmentKey } from "../build/environment.ts";
import { type Language, languagesSchema, siteSchema, stringsSchema } from "./schema.ts";
import {
  CORE_PAGE_FIELDS,
  CORE_POST_FIELDS,
  pageFrontMatterSchema,
  postFrontMatterSchema,
} from "./front-matter-schema.ts";
import type { Content, PageSource, PostSource } from "./types.ts";
import { msg } from "../i18n/message.ts";

export const CONTENT_FOLDERS = { posts: "posts", pages: "pages" } as const;

/** The word that declares an image decorative in a language (`![décoratif](…)`), in its strings file. */
const DECORATIVE_KEY = "writing.decorative";

async function loadStrings(root: string, languages: Language[], problems: Problem[]): Promise<Map<string, Strings>> {
  const strings = new Map<string, Strings>();
  for (const language of languages) {
    const tree = await readDataFile(root, DATA_FILES.strings(language.code), stringsSchema, problems);
    if (!tree) continue;
    const entries = new Map([...flattenStrings(tree)].map(([key, text]) => [key, typeset(text, language.code)]));
    strings.set(language.code, new Strings(language.code, entries));
  }
  const [reference] = languages;
  const referenceStrings = reference ? strings.get(reference.code) : undefined;
  if (!reference || !referenceStrings) return strings;
  for (const language of languages.slice(1)) {
    const own = strings.get(language.code);
    if (!own) continue;
    for (const key of referenceStrings.keys()) {
      if (!own.has(key)) {
        problems.push({
          file: DATA_FILES.strings(language.code),
          field: key,
          message: msg`missing string for language "${language.code}" (expected a translation of ${quote(referenceStrings.t(key))} from ${DATA_FILES.strings(reference.code)})`,
          severity: "error",
        });
      }
    }
  }
  return strings;
}

function duplicateLanguages(languages: Language[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const language of languages) {
    if (seen.has(language.code))
      problems.push({
        file: DATA_FILES.languages,
        field: "code",
        message: msg`${quote(language.code)} is declared twice (expected each language once)`,
        severity: "error",
      });
    seen.add(language.code);
  }
  return problems;
}

/** Loads every source the site is built from. Problems are collected, never thrown: callers decide. */
export async function loadContent(context: BuildContext, registry: Registry): Promise<Content> {
  const { root } = context;
  const problems: Problem[] = [];
  const site = await readDataFile(root, DATA_FILES.site, siteSchema, problems);
  const languages = (await readDataFile(root, DATA_FILES.languages, languagesSchema, problems)) ?? [];
  problems.push(...duplicateLanguages(languages), ...(await strayFiles(root)));
  const strings = await loadStrings(root, languages, problems);
  const markdown = new Map(
    languages.map((l) => {
      const own = strings.get(l.code);
      const decorative = own?.has(DECORATIVE_KEY) ? own.t(DECORATIVE_KEY) : undefined;
      return [l.code, new Markdown(markdownOptions(l, site?.url ?? "https://example.org", decorative))];
    }),
  );
  const content: Content = {
    root,
    site: site ?? siteSchema.parse({ url: "https://example.org" }),
    languages,
    strings,
    markdown,
    posts: [],
    pages: [],
    data: new Map(),
    problems,
  };
  if (!site || languages.length === 0) return content;

  const schemaContext = { zone: site.timezone, languages: languages.map((l) => l.code) };
  const postSchema = postFrontMatterSchema(schemaContext, registry);
  const pageSchema = pageFrontMatterSchema(schemaContext, registry);
  const sources = {
    environment: await environmentKey(root),
    languages: new Map(languages.map((l) => [l.code, l])),
    markdown,
    problems,
  };
  const folder = (name: string, schema: typeof postSchema | typeof pageSchema, core: string[]): DocumentFolder => ({
    folder: name,
    schema: schema as unknown as DocumentFolder["schema"],
    coreFields: new Set(core),
    allowedFields: Object.keys(schema.shape),
  });
  content.posts = (await loadDocuments(
    folder(CONTENT_FOLDERS.posts, postSchema, CORE_POST_FIELDS),
    sources,
    context,
  )) as PostSource[];
  content.pages = (await loadDocuments(
    folder(CONTENT_FOLDERS.pages, pageSchema, CORE_PAGE_FIELDS),
    sources,
    context,
  )) as PageSource[];
  for (const feature of registry.features) {
    if (feature.load) content.data.set(feature.name, await feature.load(context, content, problems));
  }
  // Files are read concurrently: sort so the same content always gives the same report (stable: a file's own order stays).
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return content;
}
