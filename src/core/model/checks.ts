// Checks made before the model is built: one document per translationKey and language, one document per address, references that name something.
import type { Collection, Registry } from "../contract.ts";
import { DATA_FILES } from "../content/data-files.ts";
import { type Problem, quote } from "../content/problems.ts";
import type { Content, PageSource, PostSource } from "../content/types.ts";
import { Routes } from "../i18n/routes.ts";

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
      problems.push({ file: DATA_FILES.strings(language.code), message: (error as Error).message, severity: "error" });
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
      message: `${quote(doc.translationKey)} is already used by ${first.file} in the same language (expected one ${kind} per language for each translationKey)`,
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
        message: `URL ${claim.url} is already used by ${first.file} (expected ${claim.field === "slug" ? "a slug of its own for each post" : "an old address that no other page uses"})`,
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
              message: `URL ${claim.url} is a page of the site itself (expected ${claim.field === "slug" ? "another slug" : "an address the site does not use"})`,
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
          ? `${quote(id)} is not ${collection?.itemName ?? `an item of ${reference.collection}`} (expected ${collection?.expected ?? "an existing id"}: ${known.join(", ") || "there is none yet"})`
          : requires && !item.traits?.includes(requires.trait)
            ? `${quote(id)} is not ${requires.name} (expected ${requires.expected(item.file)})`
            : undefined;
        if (problem) problems.push({ file: post.file, field, line, message: problem, severity: "error" });
      });
    }
  }
  return problems;
}
