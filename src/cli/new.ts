// `npm run new -- <kind> --lang fr "Titre"` creates a draft post; `npm run new -- --translate <file> --lang en` its translation.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { features } from "../../eleventy.config.ts";
import { createContext } from "../core/context.ts";
import { CONTENT_FOLDERS, loadContent } from "../core/content/load.ts";
import { type NewPost, newPostSource, plainText } from "../core/content/new-post.ts";
import { SLUG_SHAPE } from "../core/content/schema.ts";
import { slugify } from "../core/content/slug.ts";
import { FeatureRegistry } from "../core/feature.ts";
import { type Message, msg } from "../core/i18n/message.ts";
import { didYouMean } from "../core/i18n/suggest.ts";
import { clockOrExit } from "./clock.ts";
import { say, writerMessages } from "./messages.ts";
import { missingDashes, optionsOrExit } from "./options.ts";

const registry = new FeatureRegistry(features);
const kinds = registry.kinds.map((kind) => kind.name);
const EXAMPLE = 'post --lang fr "Mon titre"';
const USAGE = msg`Usage:
  npm run new -- <kind> --lang <language> "Title" [--slug <slug>]
      creates a draft; kind: ${kinds.join(", ")}
  npm run new -- --translate posts/<language>/<file>.md --lang <language> [--title "Title"] [--slug <slug>]
      creates its translation (asks for the title and slug in a terminal when they are not given)
  --messages LANG  the language of these messages: fr or en (default: LANG, then the site's language)
  (npm needs the -- before the options)`;

const root = process.cwd();
const { values, positionals } = await optionsOrExit(
  root,
  USAGE,
  { lang: { type: "string" }, translate: { type: "string" }, title: { type: "string" }, slug: { type: "string" } },
  { script: "new", example: EXAMPLE },
  true,
);
const messages = await writerMessages(root, values.messages);

/** Stops with a message that says what is wrong and how to fix it. */
function fail(message: Message): never {
  say(messages, message, "error");
  process.exit(1);
}

const now = await clockOrExit(root, messages);
const content = await loadContent(createContext({ root, now, mode: "production" }), registry);
const languages = new Map(content.languages.map((language) => [language.code, language]));
// npm keeps `--lang fr` for itself without the `--`, and passes only the loose words on: "post", "fr", "Titre".
if (process.env.npm_lifecycle_event && (positionals.length > 2 || positionals.some((word) => languages.has(word))))
  fail(missingDashes("new", EXAMPLE));
const lang = values.lang ?? content.languages[0]?.code ?? "";
const language =
  languages.get(lang) ??
  fail(
    msg`--lang: ${JSON.stringify(lang)} is not a declared language${didYouMean(lang, languages.keys())} (expected one of ${[...languages.keys()].join(", ")})`,
  );
const strings =
  content.strings.get(lang) ?? fail(msg`_data/strings/${lang}.yaml is missing or invalid: run npm run check`);
const takenKeys = new Set([...content.posts.map((p) => p.translationKey)]);
const base = { lang, now, site: content.site, strings, takenKeys, data: content.data };

/** The value of `--name`, or the writer's answer in a terminal; the default when there is one and nothing is typed. */
async function asked(given: string | undefined, question: Message, fallback?: string): Promise<string | undefined> {
  if (given !== undefined) return plainText(given);
  if (!process.stdin.isTTY) return fallback;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = plainText(await terminal.question(`${messages.render(question)} `));
    return answer || fallback;
  } finally {
    terminal.close();
  }
}

let post: NewPost;
if (values.translate) {
  const sourceFile = path.relative(root, path.resolve(root, values.translate)).split(path.sep).join("/");
  if (!existsSync(path.join(root, sourceFile)))
    fail(
      msg`--translate: ${sourceFile} does not exist (expected the path of a post to translate, e.g. posts/fr/ia-retour-du-charbon.md)`,
    );
  const source =
    content.posts.find((p) => p.file === sourceFile) ??
    fail(msg`--translate: ${sourceFile} is not a valid post (run npm run check to see why)`);
  if (source.lang === lang)
    fail(msg`--lang: ${sourceFile} is already in ${language.name} (expected another language to translate into)`);
  const existing = content.posts.find((p) => p.lang === lang && p.translationKey === source.translationKey);
  if (existing) fail(msg`--translate: ${sourceFile} already has a ${language.name} version: ${existing.file}`);
  const title =
    (await asked(values.title, msg`Title in ${language.name}:`)) ??
    fail(
      msg`--title: missing (expected the title in ${language.name}, e.g. --title "…": the translation is named after it; in a terminal, it is asked for)`,
    );
  const slug = await asked(values.slug, msg`Slug, the last part of its address [${slugify(title)}]:`, slugify(title));
  post = {
    ...base,
    kind: source.kind,
    title,
    slug,
    translationOf: {
      translationKey: source.translationKey,
      lang: source.lang,
      tags: source.tags,
      title: source.title,
      description: source.description,
      body: source.body,
      languageName: languages.get(source.lang)?.name ?? source.lang,
    },
  };
} else {
  const [kind, title, ...extra] = positionals;
  if (!kind || !title || extra.length) fail(msg`expected a kind and a title.\n${USAGE}`);
  if (!kinds.includes(kind))
    fail(
      msg`${JSON.stringify(kind)} is not a known kind${didYouMean(kind, kinds)} (expected one of ${kinds.join(", ")})\n${USAGE}`,
    );
  post = { ...base, kind, title: plainText(title), slug: values.slug && plainText(values.slug) };
}

const { slug, source } = newPostSource(post, registry);
if (!slug)
  fail(msg`the title ${JSON.stringify(post.title)} gives no address (expected a title with letters or digits)`);
if (!SLUG_SHAPE.test(slug))
  fail(
    msg`--slug: ${JSON.stringify(slug)} is not a slug (expected lowercase letters, digits and hyphens, e.g. coal-comeback)`,
  );
const file = `${CONTENT_FOLDERS.posts}/${lang}/${slug}.md`;
if (existsSync(path.join(root, file))) fail(msg`${file} already exists (expected a new title, or edit that file)`);
await mkdir(path.dirname(path.join(root, file)), { recursive: true });
await writeFile(path.join(root, file), source);
say(messages, msg`Created ${file} (a draft: remove the line draft: true to publish it)`);
say(messages, msg`Preview: http://localhost:8080/${lang}/${slug}/ (run npm start)`);
