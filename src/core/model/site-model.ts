// Builds the published site once: drafts and the clock applied here, posts indexed by language, tag and translationKey.
import type { LoadedContent, PageSource, PostSource } from "../content/load.ts";
import type { Language, SiteConfig } from "../content/schema.ts";
import { type Problem, quote } from "../content/problems.ts";
import { slugify } from "../content/slug.ts";
import { typeset } from "../typography/french.ts";
import { KINDS_MADE_FROM_SOURCE } from "./post-source.ts";
import { Routes } from "../i18n/routes.ts";
import type { Strings } from "../i18n/strings.ts";
import type { BuildOptions, HeldBack, LanguageSection, Page, Post, Tag, TagRef, View, YearGroup } from "./types.ts";
import { ViewFactory, type ViewBuilder } from "./views.ts";
import { blogViews } from "../../features/blog/views.ts";
import { redirectViews } from "../../features/redirects/views.ts";
import { addressForms } from "../../features/redirects/aliases.ts";
import { checkAliasAddresses } from "../../features/redirects/check.ts";
import { pressRoom } from "../../features/press/room.ts";
import { pressViews } from "../../features/press/views.ts";
import { subscribeViews } from "../../features/feeds/subscribe-view.ts";
import { type Feed, buildFeeds } from "../../features/feeds/feeds.ts";
import { entryId, idHost } from "../../features/feeds/feed-id.ts";
import type { DateTime } from "luxon";
import { eventViews } from "../../features/events/views.ts";
import { checkEventLinks } from "../../features/events/check.ts";
import { linkEvents } from "../../features/events/model.ts";
import { rebuttalViews } from "../../features/rebuttals/views.ts";
import { checkRebuttals } from "../../features/rebuttals/check.ts";
import { linkRebuttals } from "../../features/rebuttals/model.ts";

/** Every concern's pages, in the order they are listed in the sitemap. */
const VIEW_BUILDERS: ViewBuilder[] = [blogViews, eventViews, rebuttalViews, pressViews, subscribeViews, redirectViews];

export class SiteModel {
  constructor(
    readonly site: SiteConfig,
    readonly languages: Language[],
    readonly sections: Record<string, LanguageSection>,
    /** All published posts, every language, newest first. */
    readonly posts: Post[],
    readonly views: View[],
    readonly now: DateTime,
    readonly includeDrafts: boolean,
    /** Posts kept out by their embargo, soonest first. */
    readonly heldBack: HeldBack[],
    /** Problems that did not stop the build. */
    readonly warnings: Problem[],
    /** Every language's feeds (Atom, RSS, JSON Feed), from the same published posts as the pages. */
    readonly feeds: Feed[],
  ) {}

  get defaultLanguage(): Language {
    const [first] = this.languages;
    if (!first) throw new Error("no language is declared");
    return first;
  }

  section(lang: string): LanguageSection {
    const section = this.sections[lang];
    if (!section) throw new Error(`unknown language ${quote(lang)}`);
    return section;
  }

  /** Absolute URL on the public site, for canonical links, feeds and the sitemap. */
  absoluteUrl(url: string): string {
    return new URL(url, `${this.site.url}/`).href;
  }
}

function byNewest(a: { date: DateTime; file: string }, b: { date: DateTime; file: string }): number {
  return b.date.toMillis() - a.date.toMillis() || a.file.localeCompare(b.file);
}

/** Whether a post is under embargo at the build's clock. */
export function isEmbargoed(post: PostSource, now: DateTime): boolean {
  return post.embargo !== undefined && post.embargo > now;
}

/** The one place where drafts and embargoes are applied: every output reads the posts this lets through. */
function isPublished(post: PostSource, options: BuildOptions): boolean {
  return options.includeDrafts || (!post.draft && !isEmbargoed(post, options.now));
}

/** Posts under embargo at the build's clock, soonest first: the build says which one it is holding back next. */
function heldBack(posts: PostSource[], now: DateTime): HeldBack[] {
  return posts
    .filter((post) => !post.draft && isEmbargoed(post, now))
    .map((post) => ({ file: post.file, until: post.embargo as DateTime }))
    .sort((a, b) => a.until.toMillis() - b.until.toMillis());
}

/** Reports the second and later holders of one key (an item may hold several: the forms of one address), naming the first. */
function findDuplicates<T extends { file: string }>(items: T[], keyOf: (item: T) => string | string[] | undefined, report: (item: T, first: T, key: string) => Problem): Problem[] {
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

/**
 * Posts in the order their feed entry ids are checked: derived ids only repeat where a translationKey does (reported
 * on its own), so one post per key, then the posts that pin an `id:`, which are the ones reported when it is taken.
 */
function idHolders(posts: PostSource[]): PostSource[] {
  const derived = new Map(posts.filter((post) => post.id === undefined).map((post) => [`${post.lang}/${post.translationKey}`, post]));
  return [...derived.values(), ...posts.filter((post) => post.id !== undefined)];
}

function checkUniqueness(content: LoadedContent, routesByLang: Map<string, Routes>): Problem[] {
  const documents = [...content.posts, ...content.pages];
  const reserved = new Map<string, string>();
  for (const routes of routesByLang.values()) for (const url of routes.sectionUrls()) reserved.set(url, url);
  const urlOf = (doc: PostSource | PageSource) => routesByLang.get(doc.lang)?.document(doc.slug);
  /** Every URL a document takes: its own, and the old addresses (aliases) that redirect to it. */
  const claims = documents.flatMap((doc) => [
    { file: doc.file, field: "slug", line: doc.lines.slug, url: urlOf(doc) },
    ...doc.aliases.map((alias) => ({ file: doc.file, field: "aliases", line: doc.lines.aliases, url: alias })),
  ]);
  return [
    ...findDuplicates(content.posts, (post) => `${post.lang}/${post.translationKey}`, (post, first) => ({
      file: post.file, field: "translationKey", line: post.lines.translationKey, severity: "error",
      message: `${quote(post.translationKey)} is already used by ${first.file} in the same language (expected one post per language for each translationKey)`,
    })),
    ...findDuplicates(content.pages, (page) => `${page.lang}/${page.translationKey}`, (page, first) => ({
      file: page.file, field: "translationKey", line: page.lines.translationKey, severity: "error",
      message: `${quote(page.translationKey)} is already used by ${first.file} in the same language (expected one page per language for each translationKey)`,
    })),
    // /fr/a/, /fr/a and /fr/a/index.html are one address to a server: an alias /fr/a/index.html takes the page /fr/a/.
    ...findDuplicates(claims, (claim) => claim.url && addressForms(claim.url), (claim, first) => ({
      file: claim.file, field: claim.field, line: claim.line, severity: "error",
      message: `URL ${claim.url} is already used by ${first.file} (expected ${claim.field === "slug" ? "a slug of its own for each post" : "an old address that no other page uses"})`,
    })),
    ...findDuplicates(idHolders(content.posts), (post) => entryId(post, idHost(content.site)), (post, first, id) => ({
      file: post.file, field: "id", line: post.lines.id, severity: "error",
      message: `feed entry id ${quote(id)} is already used by ${first.file} (expected an id of its own for each post: change or remove the id: field of one of them)`,
    })),
    ...claims.flatMap((claim): Problem[] =>
      claim.url && reserved.has(claim.url)
        ? [{ file: claim.file, field: claim.field, line: claim.line, severity: "error", message: `URL ${claim.url} is a page of the site itself (expected ${claim.field === "slug" ? "another slug" : "an address the site does not use"})` }]
        : [],
    ),
  ];
}

function checkRouteStrings(content: LoadedContent): { routes: Map<string, Routes>; problems: Problem[] } {
  const routes = new Map<string, Routes>();
  const problems: Problem[] = [];
  for (const language of content.languages) {
    const strings = content.strings.get(language.code);
    if (!strings) continue;
    try {
      routes.set(language.code, new Routes(language.code, strings));
    } catch (error) {
      problems.push({ file: `_data/strings/${language.code}.yaml`, message: (error as Error).message, severity: "error" });
    }
  }
  return { routes, problems };
}

function buildTags(posts: Post[], lang: string): Tag[] {
  const tags = new Map<string, Tag>();
  for (const post of posts) {
    for (const ref of post.tags) {
      let tag = tags.get(ref.slug);
      if (!tag) tags.set(ref.slug, (tag = { ...ref, posts: [] }));
      tag.posts.push(post);
    }
  }
  const collator = new Intl.Collator(lang);
  return [...tags.values()].sort((a, b) => collator.compare(a.name, b.name));
}

function buildYears(posts: Post[]): YearGroup[] {
  const years = new Map<number, Post[]>();
  for (const post of posts) {
    const list = years.get(post.date.year) ?? [];
    list.push(post);
    years.set(post.date.year, list);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, posts: list }));
}

function toPost(source: PostSource, routes: Routes, strings: Strings, now: DateTime): Post {
  const { body, ...fields } = source;
  const tagRefs = new Map<string, TagRef>();
  for (const name of source.tags) {
    const slug = slugify(name);
    if (slug && !tagRefs.has(slug)) tagRefs.set(slug, { name: typeset(name, source.lang), slug, url: routes.tag(slug) });
  }
  return {
    ...fields,
    ...(KINDS_MADE_FROM_SOURCE.has(source.kind) ? { body } : {}),
    url: routes.document(source.slug),
    author: source.author ?? strings.t("site.author"),
    tags: [...tagRefs.values()],
    translations: [],
    embargoed: isEmbargoed(source, now),
  };
}

/** Links every post to its translations and neighbours; one pass over maps, no page walks every other page. */
function linkPosts(sections: LanguageSection[], languages: Map<string, Language>): void {
  const byKey = new Map<string, Post[]>();
  for (const section of sections) {
    for (const post of section.posts) {
      const group = byKey.get(post.translationKey) ?? [];
      group.push(post);
      byKey.set(post.translationKey, group);
    }
    section.posts.forEach((post, index) => {
      const newer = section.posts[index - 1];
      const older = section.posts[index + 1];
      post.next = newer && { title: newer.title, url: newer.url };
      post.previous = older && { title: older.title, url: older.url };
    });
  }
  for (const group of byKey.values()) {
    for (const post of group) {
      post.translations = group
        .filter((other) => other !== post)
        .map((other) => ({ lang: other.lang, languageName: languages.get(other.lang)?.name ?? other.lang, title: other.title, url: other.url }));
    }
  }
}

export interface ModelResult {
  model?: SiteModel;
  problems: Problem[];
}

export function buildSiteModel(content: LoadedContent, options: BuildOptions): ModelResult {
  const { routes, problems: routeProblems } = checkRouteStrings(content);
  const problems = [...content.problems, ...routeProblems, ...checkUniqueness(content, routes), ...checkEventLinks(content), ...checkRebuttals(content)];
  if (problems.some((p) => p.severity === "error")) return { problems };

  const languages = new Map(content.languages.map((l) => [l.code, l]));
  const sections: LanguageSection[] = content.languages.map((language, index) => {
    const strings = content.strings.get(language.code) as Strings;
    const languageRoutes = routes.get(language.code) as Routes;
    const posts = content.posts
      .filter((post) => post.lang === language.code && isPublished(post, options))
      .sort(byNewest)
      .map((source) => toPost(source, languageRoutes, strings, options.now));
    const pages = new Map<string, Page>(
      content.pages.filter((page) => page.lang === language.code).map((page) => [page.translationKey, { ...page, url: languageRoutes.document(page.slug) }]),
    );
    return { language, strings, routes: languageRoutes, isDefault: index === 0, posts, tags: buildTags(posts, language.code), years: buildYears(posts), pages, events: [], rebuttals: [] };
  });
  linkPosts(sections, languages);
  linkEvents(sections, content.events, options.now);
  linkRebuttals(sections, content.site);
  for (const section of sections) section.press = content.press && pressRoom(content.press, section, content.site);

  const sectionsByLang = Object.fromEntries(sections.map((s) => [s.language.code, s]));
  const allPosts = sections.flatMap((s) => s.posts).sort(byNewest);
  const factory = new ViewFactory(sections, content.site);
  const views = VIEW_BUILDERS.flatMap((build) => build(factory));
  const feeds = buildFeeds(sections, content.site, options.now, new Set(views.map((view) => view.url)));
  const warnings = [...problems.filter((p) => p.severity === "warning"), ...feeds.warnings];
  const model = new SiteModel(content.site, content.languages, sectionsByLang, allPosts, views, options.now, options.includeDrafts, heldBack(content.posts, options.now), warnings, feeds.feeds);
  const collisions = checkAliasAddresses(content, model);
  if (collisions.length) return { problems: [...problems, ...collisions] };
  return { model, problems: [...problems, ...feeds.warnings] };
}
