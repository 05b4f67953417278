// Reads and validates everything the site is built from: _data settings, languages, strings, posts and pages.
import { readFile, readdir, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parseSource, parseYaml } from "./front-matter.ts";
import { type Problem, quote } from "./problems.ts";
import { zodProblems } from "./zod-problems.ts";
import {
  type Language,
  type PageFrontMatter,
  type PostFrontMatter,
  type SiteConfig,
  languagesSchema,
  pageFrontMatterSchema,
  postFrontMatterSchema,
  siteSchema,
  stringsSchema,
} from "./schema.ts";
import { slugify } from "./slug.ts";
import { Strings, flattenStrings } from "../i18n/strings.ts";
import { type RenderOptions, renderMarkdown } from "../markdown/render.ts";
import { ContentCache, codeVersion } from "../build/cache.ts";
import { mapWithConcurrency } from "../build/concurrency.ts";
import { typeset } from "../typography/french.ts";
import { type EventSource, loadEvents } from "../../features/events/load.ts";
import { type PressSource, loadPress } from "../../features/press/data.ts";

/** A validated Markdown file: its front matter, where it lives, and its body rendered to HTML. */
interface SourceDocument {
  /** Path from the project root, with forward slashes, e.g. `posts/fr/charbon.md`. */
  file: string;
  lang: string;
  slug: string;
  /** The title typeset for its language. */
  title: string;
  html: string;
  /** Line numbers of front matter fields, for tools that point at them. */
  lines: Record<string, number>;
  body: string;
  bodyLine: number;
}
export type PostSource = Omit<PostFrontMatter, "title" | "slug"> & SourceDocument;
export type PageSource = Omit<PageFrontMatter, "title" | "slug"> & SourceDocument;

export interface LoadedContent {
  root: string;
  site: SiteConfig;
  languages: Language[];
  strings: Map<string, Strings>;
  posts: PostSource[];
  pages: PageSource[];
  /** Events from _data/events/, each valid on its own (links to posts are checked with the model). */
  events: EventSource[];
  /** The press room's data, when the site has `_data/press.yaml`. */
  press?: PressSource | undefined;
  problems: Problem[];
}

export const CONTENT_FOLDERS = { posts: "posts", pages: "pages" } as const;
export const DATA_FILES = { site: "_data/site.yaml", languages: "_data/languages.yaml", strings: (lang: string) => `_data/strings/${lang}.yaml` };

/** Forward-slash path relative to the root, as messages and tools show it. */
function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

export async function readDataFile<T>(root: string, file: string, schema: z.ZodType<T>, problems: Problem[]): Promise<T | undefined> {
  const absolute = path.join(root, file);
  if (!existsSync(absolute)) {
    problems.push({ file, message: "file is missing", severity: "error" });
    return undefined;
  }
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    // A folder named like a data file (_data/events/x.yaml/), or one the build may not read.
    problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}: expected a YAML file the build can read)`, severity: "error" });
    return undefined;
  }
  const parsed = parseYaml(text, 0, "any");
  if (parsed.syntaxError) {
    problems.push({ file, line: parsed.syntaxError.line, message: `not valid YAML: ${parsed.syntaxError.message}`, severity: "error" });
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    problems.push(...zodProblems(file, result.error, parsed.lines));
    return undefined;
  }
  return result.data;
}

/** The site's time zone as _data/site.yaml sets it (the default when the file is unreadable: loading the content reports why). */
export async function siteTimeZone(root: string): Promise<string> {
  const site = await readDataFile(root, DATA_FILES.site, siteSchema, []);
  return (site ?? siteSchema.parse({ url: "https://example.org" })).timezone;
}

async function markdownFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

interface DocumentContext {
  root: string;
  keepForRebuild: boolean;
  site: SiteConfig;
  languages: Map<string, Language>;
  problems: Problem[];
}

type Parsed<T> = { front: T; lines: Record<string, number>; body: string; bodyLine: number; file: string; lang: string; language: Language };

/** Parses and validates one Markdown file against a front matter schema; reports problems and returns undefined when invalid. */
async function readDocument<T>(absolute: string, schema: z.ZodType<T>, allowedFields: string[], context: DocumentContext): Promise<Parsed<T> | undefined> {
  const file = relative(context.root, absolute);
  const [, lang] = file.split("/");
  const language = lang ? context.languages.get(lang) : undefined;
  const folder = file.split("/")[0];
  if (!language || file.split("/").length < 3) {
    const declared = [...context.languages.keys()].join(", ");
    const found = file.split("/").length < 3 ? "is not in a language folder" : `${quote(lang)} is not a declared language`;
    context.problems.push({ file, field: "language", message: `${found} (expected ${folder}/<language>/…, with a language declared in ${DATA_FILES.languages}: ${declared})`, severity: "error" });
    return undefined;
  }
  const source = parseSource(await readFile(absolute, "utf8"));
  if (source.syntaxError) {
    context.problems.push({ file, line: source.syntaxError.line, message: `front matter is not valid YAML: ${source.syntaxError.message}`, severity: "error" });
    return undefined;
  }
  const result = schema.safeParse(source.data);
  if (!result.success) {
    context.problems.push(...zodProblems(file, result.error, source.lines, allowedFields));
    return undefined;
  }
  return { front: result.data, lines: source.lines, body: source.body, bodyLine: source.bodyLine, file, lang: language.code, language };
}

function renderOptions(lang: string, context: DocumentContext): RenderOptions {
  return { lang, quotes: context.languages.get(lang)?.quotes, siteOrigin: new URL(context.site.url).origin };
}

async function toSourceDocument<T extends { title: string; description: string; slug?: string | undefined }>(parsed: Parsed<T>, context: DocumentContext, rendered: ContentCache): Promise<Omit<T, "title" | "slug"> & SourceDocument> {
  const { title, slug, ...rest } = parsed.front;
  const fileSlug = slugify(path.basename(parsed.file, ".md"));
  return {
    ...rest,
    description: typeset(parsed.front.description, parsed.lang),
    file: parsed.file,
    lang: parsed.lang,
    slug: slug ?? fileSlug,
    title: typeset(title, parsed.lang),
    html: await renderedMarkdown(parsed.body, renderOptions(parsed.lang, context), rendered),
    lines: parsed.lines,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
  };
}

/** An `image:` must name a file of assets/; reports the problem when it does not. */
function imageExists(parsed: Parsed<unknown>, context: DocumentContext): boolean {
  const image = (parsed.front as { image?: string }).image;
  if (!image || existsSync(path.join(context.root, image))) return true;
  context.problems.push({ file: parsed.file, field: "image", line: parsed.lines.image, message: `${quote(image)} does not exist (expected a file under assets/, e.g. /assets/img/cover.jpg)`, severity: "error" });
  return false;
}

/** A body rendered by an earlier build comes from the cache: rendering is the costliest part of reading content. */
async function renderedMarkdown(body: string, options: RenderOptions, cache: ContentCache): Promise<string> {
  const html = await cache.remember(cache.key(`${JSON.stringify(options)}\0${body}`), async () => renderMarkdown(body, options));
  return html.toString("utf8");
}

const MARKDOWN_VERSION = codeVersion(
  ["markdown-it", "markdown-it-anchor", "@sindresorhus/slugify"],
  ["../markdown/render.ts", "../typography/french.ts", "./slug.ts"].map((module) => new URL(module, import.meta.url)),
);

/** Documents read at a time: more gains nothing once the disk is busy, and every one in flight holds memory. */
const READ_CONCURRENCY = 16;

/** Parsed documents by absolute path, reused while the file is unchanged (watch mode rebuilds). */
const documentCache = new Map<string, { stamp: string; document: unknown }>();

async function loadDocuments<T extends { title: string; description: string; slug?: string | undefined }>(
  folder: string,
  schema: z.ZodType<T>,
  allowedFields: string[],
  context: DocumentContext,
  rendered: ContentCache,
): Promise<(Omit<T, "title" | "slug"> & SourceDocument)[]> {
  const files = await markdownFiles(path.join(context.root, folder));
  const contextStamp = `${context.site.url}|${context.site.timezone}|${[...context.languages.values()].map((l) => `${l.code}${l.quotes ?? ""}`).join()}`;
  const documents = await mapWithConcurrency(files, READ_CONCURRENCY, async (absolute) => {
    const info = await stat(absolute);
    const stamp = `${info.mtimeMs}|${info.size}|${contextStamp}`;
    const cached = documentCache.get(absolute);
    if (cached?.stamp === stamp) return cached.document as Omit<T, "title" | "slug"> & SourceDocument;
    const parsed = await readDocument(absolute, schema, allowedFields, context);
    if (!parsed || !imageExists(parsed, context)) return undefined;
    const document = await toSourceDocument(parsed, context, rendered);
    if (context.keepForRebuild) documentCache.set(absolute, { stamp, document });
    return document;
  });
  // Forget files that are gone (deleted or renamed while `npm start` runs).
  const current = new Set(files);
  for (const cached of documentCache.keys()) if (cached.startsWith(path.join(context.root, folder) + path.sep) && !current.has(cached)) documentCache.delete(cached);
  return documents.filter((document) => document !== undefined);
}

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
        problems.push({ file: DATA_FILES.strings(language.code), field: key, message: `missing string for language "${language.code}" (expected a translation of ${quote(referenceStrings.t(key))} from ${DATA_FILES.strings(reference.code)})`, severity: "error" });
      }
    }
  }
  return strings;
}

/** Loads every source the site is built from. Problems are collected, never thrown: callers decide. */
export interface LoadOptions {
  /** Keep parsed documents in memory for the next load (`npm start` rebuilds on every change); a one-off build does not. */
  keepForRebuild?: boolean;
}

export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const problems: Problem[] = [];
  const site = await readDataFile(root, DATA_FILES.site, siteSchema, problems);
  const languages = (await readDataFile(root, DATA_FILES.languages, languagesSchema, problems)) ?? [];
  const seen = new Set<string>();
  for (const language of languages) {
    if (seen.has(language.code)) problems.push({ file: DATA_FILES.languages, field: "code", message: `${quote(language.code)} is declared twice (expected each language once)`, severity: "error" });
    seen.add(language.code);
  }
  const strings = await loadStrings(root, languages, problems);
  if (!site || languages.length === 0) {
    return { root, site: site ?? siteSchema.parse({ url: "https://example.org" }), languages, strings, posts: [], pages: [], events: [], problems };
  }
  const context: DocumentContext = { root, keepForRebuild: options.keepForRebuild ?? false, site, languages: new Map(languages.map((l) => [l.code, l])), problems };
  const postSchema = postFrontMatterSchema(site.timezone);
  const pageSchema = pageFrontMatterSchema(site.timezone);
  const rendered = new ContentCache(root, "rendered-markdown", MARKDOWN_VERSION);
  const posts = await loadDocuments(CONTENT_FOLDERS.posts, postSchema, Object.keys(postSchema.shape), context, rendered);
  const pages = await loadDocuments(CONTENT_FOLDERS.pages, pageSchema, Object.keys(pageSchema.shape), context, rendered);
  const events = await loadEvents(root, site, languages, problems);
  const press = await loadPress(root, languages.map((l) => l.code), site.timezone, posts, problems);
  // Files are read concurrently: sort so the same content always gives the same report (stable: a file's own order stays).
  problems.sort((a, b) => a.file.localeCompare(b.file));
  return { root, site, languages, strings, posts, pages, events, press, problems };
}
