// Checks made before the model is built: one document per translationKey and language, one document per address, references that name something.
import type { Collection, Registry } from "../contract.ts";
import { DATA_FILES } from "../content/data-files.ts";
import { type Problem, quote } from "../content/problems.ts";
import type { Content, PageSource, PostSource } from "../content/types.ts";
import { Routes } from "../i18n/routes.ts";
import { msg } from "../i18n/message.ts";
import { didYouMean } from "../i18n/suggest.ts";
import { BuildError } from "../content/problems.ts";
import { slugify } from "../content/slug.ts";

/** Reports the second and later holders of one key (an item may hold several: the forms of one address), naming the first. */
export function findDuplicates<T extends { file: string }>(
  items: T[],
  keyOf: (item: T) => string | string[] | undefined,
  report: (item: T, first: T, key: string) => Problem,
): Problem[] {
  const first = new Map<string, T>();
  const problems: Problem[] = [];
  for (const item of items) {
    const keys = [keyOf(item) ?? []].flat();
    const taken = keys.find((key) => first.has(key));
    if (taken !== undefined) problems.push(report(item, first.get(taken) as T, taken));
    else for (const key of keys) first.set(key, item);
  }
  return problems;
}

/** The requests a server answers with one address: a folder with and without its final slash, and its index.html. */
export function addressForms(url: string): string[] {
  const folder = url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url.endsWith("/") ? url : undefined;
  if (folder === undefined) return [url];
  return [folder, folder.slice(0, -1), `${folder}index.html`].filter((form) => form.length > 0);
}

/** Each language's routes; a strings file whose section names are unusable is reported. */
export function languageRoutes(
  content: Content,
  registry: Registry,
): { routes: Map<string, Routes>; problems: Problem[] } {
  const routes = new Map<string, Routes>();
  const problems: Problem[] = [];
  for (const language of content.languages) {
    const strings = content.strings.get(language.code);
    if (!strings) continue;
    try {
      routes.set(language.code, new Routes(language.code, strings, registry.paths));
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      problems.push({ file: DATA_FILES.strings(language.code), message: error.text, severity: "error" });
    }
  }
  return { routes, problems };
}

function sameKey(kind: "post" | "page", documents: (PostSource | PageSource)[]): Problem[] {
  return findDuplicates(
    documents,
    (doc) => `${doc.lang}/${doc.translationKey}`,
    (doc, first) => ({
      file: doc.file,
      field: "translationKey",
      line: doc.lines.translationKey,
      severity: "error",
      message:
        kind === "post"
          ? msg`${quote(doc.translationKey)} is already used by ${first.file} in the same language (expected one post per language for each translationKey)`
          : msg`${quote(doc.translationKey)} is already used by ${first.file} in the same language (expected one page per language for each translationKey)`,
    }),
  );
}

/** Every address a document takes (its own, and those features add, such as old addresses) is taken once, and never a section of the site. */
export function checkUniqueness(content: Content, routesByLang: Map<string, Routes>, registry: Registry): Problem[] {
  const documents = [...content.posts, ...content.pages];
  const reserved = new Set([...routesByLang.values()].flatMap((routes) => routes.sectionUrls()));
  const claims = documents.flatMap((doc) => [
    { file: doc.file, field: "slug", line: doc.lines.slug, url: routesByLang.get(doc.lang)?.document(doc.slug) },
    ...registry.features
      .flatMap((feature) => feature.claims?.(doc) ?? [])
      .map((claim) => ({ file: doc.file, field: claim.field, line: doc.lines[claim.field], url: claim.url })),
  ]);
  return [
    ...sameKey("post", content.posts),
    ...sameKey("page", content.pages),
    // /fr/a/, /fr/a and /fr/a/index.html are one address to a server: an alias /fr/a/index.html takes the page /fr/a/.
    ...findDuplicates(
      claims,
      (claim) => claim.url && addressForms(claim.url),
      (claim, first) => ({
        file: claim.file,
        field: claim.field,
        line: claim.line,
        severity: "error",
        message: msg`URL ${claim.url ?? ""} is already used by ${first.file} (expected ${claim.field === "slug" ? msg`a slug of its own for each post` : msg`an old address that no other page uses`})`,
      }),
    ),
    ...claims.flatMap((claim): Problem[] =>
      claim.url && reserved.has(claim.url)
        ? [
            {
              file: claim.file,
              field: claim.field,
              line: claim.line,
              severity: "error",
              message: msg`URL ${claim.url} is a page of the site itself (expected ${claim.field === "slug" ? msg`another slug` : msg`an address the site does not use`})`,
            },
          ]
        : [],
    ),
  ];
}

/** The ids a post names in a reference field (a list of ids). */
export function referencedIds(post: Pick<PostSource, "fields">, field: string): string[] {
  const value = post.fields[field];
  return Array.isArray(value) ? (value as string[]) : [];
}

/** Each reference field of every post names items that exist, and meet the field's condition. */
export function checkReferences(content: Content, registry: Registry): Problem[] {
  const collections = new Map<string, Collection>();
  for (const feature of registry.features) {
    if (feature.load && !content.data.has(feature.name)) continue;
    for (const collection of feature.collections?.(content.data.get(feature.name)) ?? [])
      collections.set(collection.name, collection);
  }
  const problems: Problem[] = [];
  for (const reference of registry.features.flatMap((feature) => feature.references ?? [])) {
    const collection = collections.get(reference.collection);
    for (const post of content.posts) {
      referencedIds(post, reference.field).forEach((id, index) => {
        const field = `${reference.field}.${index}`;
        const line = post.lines[reference.field];
        const known = [...(collection?.items.keys() ?? [])];
        const item = collection?.items.get(id);
        const { requires } = reference;
        const problem = !item
          ? msg`${quote(id)} is not ${collection?.itemName ?? msg`an item of ${reference.collection}`}${didYouMean(id, known)} (expected ${collection?.expected ?? msg`an existing id`}: ${known.join(", ") || msg`there is none yet`})`
          : requires && !item.traits?.includes(requires.trait)
            ? msg`${quote(id)} is not ${requires.name} (expected ${requires.expected(item.file)})`
            : undefined;
        if (problem) problems.push({ file: post.file, field, line, message: problem, severity: "error" });
      });
    }
  }
  return problems;
}

/** Two different tag names giving one topic address (C++ and C, Énergie and énergie) are one topic under one name. */
export function checkTagNames(content: Content, routesByLang: Map<string, Routes>): Problem[] {
  const first = new Map<string, { name: string; file: string }>();
  const problems: Problem[] = [];
  for (const post of content.posts) {
    post.tags.forEach((name, index) => {
      const slug = slugify(name);
      const key = `${post.lang}/${slug}`;
      const taken = first.get(key);
      if (!taken) first.set(key, { name, file: post.file });
      else if (taken.name !== name)
        problems.push({
          file: post.file,
          field: `tags.${index}`,
          line: post.lines.tags,
          message: msg`${quote(name)} and ${quote(taken.name)} of ${taken.file} give one topic, ${routesByLang.get(post.lang)?.tag(slug) ?? slug} (expected the same name everywhere, e.g. ${quote(taken.name)}, or names that differ by more than case, accents or punctuation)`,
          severity: "error",
        });
    });
  }
  return problems;
}
