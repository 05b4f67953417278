// Reads the Markdown documents of a folder (posts/, pages/): front matter validated, body rendered, feature fields set apart.
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import type { z } from "zod";
import type { BuildContext } from "../context.ts";
import type { Language } from "./schema.ts";
import type { Markdown } from "../markdown/render.ts";
import { typeset } from "../typography/french.ts";
import { DATA_FILES, projectPath } from "./data-files.ts";
import { parseSource } from "./front-matter.ts";
import { type Problem, quote } from "./problems.ts";
import { slugify } from "./slug.ts";
import { type MarkdownReference, markdownReferences } from "./references.ts";
import type { SourceDocument } from "./types.ts";
import { zodProblems } from "./zod-problems.ts";
import { codeVersion, type ContentCache } from "../build/cache.ts";
import { msg } from "../i18n/message.ts";
import { restoreDocument, storeDocument } from "./stored-document.ts";

/** Everything a rendered body depends on besides its text and options: the libraries and the code that render it. */
const MARKDOWN_VERSION = codeVersion(
  ["markdown-it", "markdown-it-anchor", "@sindresorhus/slugify"],
  ["../markdown/render.ts", "../markdown/figures.ts", "../typography/french.ts", "./slug.ts"].map(
    (module) => new URL(module, import.meta.url),
  ),
);

/** The links and images found in a body depend on the parser and the code that lists them. */
const REFERENCES_VERSION = codeVersion(
  ["markdown-it", "markdown-it-anchor"],
  ["../markdown/render.ts", "./references.ts"].map((module) => new URL(module, import.meta.url)),
);

/** What a stored document depends on besides the environment (which holds tract's code): its format here. */
const DOCUMENTS_VERSION = "2";

/** Documents read at a time: more gains nothing once the disk is busy, and every one in flight holds memory. */
const READ_CONCURRENCY = 16;

export interface DocumentFolder {
  /** `posts` or `pages`. */
  folder: string;
  schema: z.ZodType<Record<string, unknown>>;
  /** The core's own fields: every other validated field belongs to a feature and goes to `fields`. */
  coreFields: Set<string>;
  /** Every field a document may have, for the message about an unknown one. */
  allowedFields: string[];
}

export interface DocumentSources {
  /** What every document depends on besides its text: tract's code, the settings, languages and strings (environmentKey). */
  environment: string;
  languages: Map<string, Language>;
  markdown: Map<string, Markdown>;
  problems: Problem[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The language a document's folder names (posts/fr/…), or a problem saying where the file belongs. */
function languageOf(file: string, folder: string, sources: DocumentSources): Language | undefined {
  const parts = file.split("/");
  const language = parts.length >= 3 && parts[1] ? sources.languages.get(parts[1]) : undefined;
  if (language) return language;
  const declared = [...sources.languages.keys()].join(", ");
  const found =
    parts.length < 3 ? msg`is not in a language folder` : msg`${quote(parts[1])} is not a declared language`;
  sources.problems.push({
    file,
    field: "language",
    message: msg`${found} (expected ${folder}/<language>/…, with a language declared in ${DATA_FILES.languages}: ${declared})`,
    severity: "error",
  });
  return undefined;
}

/** The front matter validated and the body rendered: the document, or undefined with its problems in `sources`. */
async function parseDocument(
  file: string,
  text: string,
  language: Language,
  kind: DocumentFolder,
  sources: DocumentSources,
  { rendered, found }: Pick<DocumentCaches, "rendered" | "found">,
): Promise<SourceDocument | undefined> {
  const source = parseSource(text);
  if (source.syntaxError) {
    sources.problems.push({
      file,
      line: source.syntaxError.line,
      message: msg`front matter is not valid YAML: ${source.syntaxError.message}`,
      severity: "error",
    });
    return undefined;
  }
  const commented = Object.entries(source.commentedOut ?? {});
  for (const [field, comment] of commented)
    sources.problems.push({
      file,
      field,
      line: source.lines[field],
      message: msg`holds only a comment, ${quote(comment)}: in YAML, # starts a comment, so the value is left out (expected the value before any #, e.g. tags: [eau, climat], or the text in quotes when it starts with #)`,
      severity: "error",
    });
  const result = kind.schema.safeParse(source.data);
  if (!result.success || commented.length) {
    if (!result.success)
      sources.problems.push(
        ...zodProblems(file, result.error, source.lines, kind.allowedFields, source.data).filter(
          (problem) => !commented.some(([field]) => problem.field?.split(".")[0] === field),
        ),
      );
    return undefined;
  }
  const { title, slug, description, ...rest } = result.data as {
    title: string;
    slug?: string;
    description: string;
  } & Record<string, unknown>;
  const core: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) (kind.coreFields.has(name) ? core : fields)[name] = value;
  const lang = language.code;
  const markdown = sources.markdown.get(lang) as Markdown;
  const key = rendered.key(`${JSON.stringify(markdown.options)}\0${source.body}`);
  const html = await rendered.remember(key, async () => markdown.render(source.body));
  // Lines counted from the body's first line, so that an edit of the front matter alone reuses them.
  const references = JSON.parse(
    (await found.remember(key, async () => JSON.stringify(markdownReferences(source.body, 0, markdown)))).toString(
      "utf8",
    ),
  ) as MarkdownReference[];
  return {
    ...core,
    fields,
    file,
    lang,
    slug: slug ?? slugify(path.basename(file, ".md")),
    title: typeset(title, lang),
    description: typeset(description, lang),
    html: html.toString("utf8"),
    lines: source.lines,
    body: source.body,
    bodyLine: source.bodyLine,
    references: references.map((reference) => ({ ...reference, line: reference.line + source.bodyLine })),
  } as SourceDocument;
}

/** An `image:` must name a file of the project (under assets/): checked at every build, the file may have gone. */
function missingImage(document: SourceDocument, root: string): Problem | undefined {
  const image = (document as { image?: unknown }).image ?? document.fields.image;
  if (typeof image !== "string" || !image || existsSync(path.join(root, image))) return undefined;
  return {
    file: document.file,
    field: "image",
    line: document.lines.image,
    message: msg`${quote(image)} does not exist (expected a file under assets/, e.g. /assets/img/cover.jpg)`,
    severity: "error",
  };
}

interface DocumentCaches {
  rendered: ContentCache;
  found: ContentCache;
  /** Whole documents, by their text and the build's environment. */
  read: ContentCache;
}

/**
 * One document. A text read before with the same code, settings, languages and strings (the environment) is taken
 * from the cache as it was read: parsing the front matter and validating it cost more than rendering the body.
 */
async function readDocument(
  absolute: string,
  kind: DocumentFolder,
  sources: DocumentSources,
  context: BuildContext,
  caches: DocumentCaches,
): Promise<SourceDocument | undefined> {
  const file = projectPath(context.root, absolute);
  const language = languageOf(file, kind.folder, sources);
  if (!language) return undefined;
  const text = await readFile(absolute, "utf8");
  const key = caches.read.key(`${sources.environment}\0${file}\0${text}`);
  const stored = await caches.read.get(key);
  let document: SourceDocument | undefined;
  if (stored) document = restoreDocument(stored.toString("utf8")) as SourceDocument;
  else {
    document = await parseDocument(file, text, language, kind, sources, caches);
    // Only a document read without a problem is kept: its problems are found again, and told, at every build.
    const storable = document && storeDocument(document);
    if (storable) await caches.read.set(key, storable);
  }
  const problem = document && missingImage(document, context.root);
  if (problem) sources.problems.push(problem);
  return problem ? undefined : document;
}

/**
 * Every document of a folder. In the preview, a document whose file has not changed since the last rebuild is
 * taken from the session (parsing and rendering are the costliest part of reading content).
 */
export async function loadDocuments(
  kind: DocumentFolder,
  sources: DocumentSources,
  context: BuildContext,
): Promise<SourceDocument[]> {
  const files = await markdownFiles(path.join(context.root, kind.folder));
  const caches = {
    rendered: context.cache.namespace("rendered-markdown", MARKDOWN_VERSION),
    found: context.cache.namespace("markdown-references", REFERENCES_VERSION),
    read: context.cache.namespace("documents", DOCUMENTS_VERSION),
  };
  const known = context.session.memo<string, Promise<{ document?: SourceDocument; problems: Problem[] }>>(
    `documents:${kind.folder}`,
  );
  const documents = await pMap(
    files,
    async (absolute) => {
      const info = await stat(absolute);
      const stamp = `${absolute}|${info.mtimeMs}|${info.size}|${[...sources.markdown.values()].map((m) => JSON.stringify(m.options)).join()}`;
      const read = async () => {
        const problems: Problem[] = [];
        const document = await readDocument(absolute, kind, { ...sources, problems }, context, caches);
        return { document, problems };
      };
      // The preview keeps what a file gave while it is unchanged; a one-off build reads each file once anyway.
      const { document, problems } = await (context.mode === "preview" ? known.get(stamp, read) : read());
      sources.problems.push(...problems);
      return document;
    },
    { concurrency: READ_CONCURRENCY },
  );
  return documents.filter((document) => document !== undefined);
}
