// `npm run new -- <kind> --lang fr "Titre"` creates a draft post; `npm run new -- --translate <file> --lang en` its translation.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { features } from "../../eleventy.config.ts";
import { createContext } from "../core/context.ts";
import { CONTENT_FOLDERS, loadContent } from "../core/content/load.ts";
import { newPostSource, type NewPost } from "../core/content/new-post.ts";
import { clockOrExit } from "./clock.ts";
import { FeatureRegistry } from "../core/feature.ts";

const registry = new FeatureRegistry(features);
const kinds = registry.kinds.map((kind) => kind.name);
const USAGE = `Usage:
  npm run new -- <kind> --lang <language> "Title"      kind: ${kinds.join(", ")}
  npm run new -- --translate posts/<language>/<file>.md --lang <language>`;

/** Stops with a message that says what is wrong and how to fix it. */
function fail(message: string): never {
  console.error(`[tract] ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: "string" }, translate: { type: "string" } },
});
const root = process.cwd();
const now = await clockOrExit(root);
const content = await loadContent(createContext({ root, now, mode: "production" }), registry);
const languages = new Map(content.languages.map((language) => [language.code, language]));
const lang = values.lang ?? content.languages[0]?.code ?? "";
const language =
  languages.get(lang) ??
  fail(
    `--lang: ${JSON.stringify(lang)} is not a declared language (expected one of ${[...languages.keys()].join(", ")})`,
  );
const strings =
  content.strings.get(lang) ?? fail(`_data/strings/${lang}.yaml is missing or invalid: run npm run check`);
const takenKeys = new Set([...content.posts.map((p) => p.translationKey)]);
const base = { lang, now, site: content.site, strings, takenKeys };

let post: NewPost;
if (values.translate) {
  const sourceFile = path.relative(root, path.resolve(root, values.translate)).split(path.sep).join("/");
  if (!existsSync(path.join(root, sourceFile)))
    fail(
      `--translate: ${sourceFile} does not exist (expected the path of a post to translate, e.g. posts/fr/ia-retour-du-charbon.md)`,
    );
  const source =
    content.posts.find((p) => p.file === sourceFile) ??
    fail(`--translate: ${sourceFile} is not a valid post (run npm run check to see why)`);
  if (source.lang === lang)
    fail(`--lang: ${sourceFile} is already in ${language.name} (expected another language to translate into)`);
  const existing = content.posts.find((p) => p.lang === lang && p.translationKey === source.translationKey);
  if (existing) fail(`--translate: ${sourceFile} already has a ${language.name} version: ${existing.file}`);
  const sourceLanguage = languages.get(source.lang)?.name ?? source.lang;
  post = {
    ...base,
    kind: source.kind,
    title: source.title,
    translationOf: {
      translationKey: source.translationKey,
      tags: source.tags,
      body: source.body,
      languageName: sourceLanguage,
      description: source.description,
    },
  };
} else {
  const [kind, title, ...extra] = positionals;
  if (!kind || !title || extra.length) fail(`expected a kind and a title.\n${USAGE}`);
  if (!kinds.includes(kind))
    fail(`${JSON.stringify(kind)} is not a known kind (expected one of ${kinds.join(", ")})\n${USAGE}`);
  post = { ...base, kind, title: title.trim() };
}

const { slug, source } = newPostSource(post, registry);
if (!slug) fail(`the title ${JSON.stringify(post.title)} gives no address (expected a title with letters or digits)`);
const file = `${CONTENT_FOLDERS.posts}/${lang}/${slug}.md`;
if (existsSync(path.join(root, file))) fail(`${file} already exists (expected a new title, or edit that file)`);
await mkdir(path.dirname(path.join(root, file)), { recursive: true });
await writeFile(path.join(root, file), source);
console.log(`Created ${file} (a draft: remove the line draft: true to publish it)`);
console.log(`Preview: http://localhost:8080/${lang}/${slug}/ (run npm start)`);
