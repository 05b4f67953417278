// Builds the published site once: drafts and the clock applied here, posts indexed by language, tag and translationKey.
import type { LoadedContent, PageSource, PostSource } from "../content/load.ts";
import type { Language, SiteConfig } from "../content/schema.ts";
import { type Problem, quote } from "../content/problems.ts";
import { slugify } from "../content/slug.ts";
import { typeset } from "../typography/french.ts";
import { Routes } from "../i18n/routes.ts";
import type { Strings } from "../i18n/strings.ts";
import type { Alternate, BuildOptions, LanguageSection, Page, Post, Tag, TagRef, View, YearGroup } from "./types.ts";
import type { DateTime } from "luxon";

const HOME_LATEST = 6;

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

function isPublished(post: PostSource, options: BuildOptions): boolean {
  return options.includeDrafts || !post.draft;
}

/** Reports the second and later holders of one key, naming the first. */
function findDuplicates<T extends { file: string }>(items: T[], keyOf: (item: T) => string | undefined, report: (item: T, first: T, key: string) => Problem): Problem[] {
  const first = new Map<string, T>();
  const problems: Problem[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const holder = first.get(key);
    if (holder) problems.push(report(item, holder, key));
    else first.set(key, item);
  }
  return problems;
}

function systemUrls(routes: Routes): string[] {
  return [routes.home(), routes.list(), routes.tags(), routes.archive()];
}

function checkUniqueness(content: LoadedContent, routesByLang: Map<string, Routes>): Problem[] {
  const documents = [...content.posts, ...content.pages];
  const reserved = new Map<string, string>();
  for (const routes of routesByLang.values()) for (const url of systemUrls(routes)) reserved.set(url, url);
  const urlOf = (doc: PostSource | PageSource) => routesByLang.get(doc.lang)?.document(doc.slug);
  return [
    ...findDuplicates(content.posts, (post) => `${post.lang}/${post.translationKey}`, (post, first) => ({
      file: post.file, field: "translationKey", line: post.lines.translationKey, severity: "error",
      message: `${quote(post.translationKey)} is already used by ${first.file} in the same language (expected one post per language for each translationKey)`,
    })),
    ...findDuplicates(content.pages, (page) => `${page.lang}/${page.translationKey}`, (page, first) => ({
      file: page.file, field: "translationKey", line: page.lines.translationKey, severity: "error",
      message: `${quote(page.translationKey)} is already used by ${first.file} in the same language (expected one page per language for each translationKey)`,
    })),
    ...findDuplicates(documents, urlOf, (doc, first, url) => ({
      file: doc.file, field: "slug", line: doc.lines.slug, severity: "error",
      message: `URL ${url} is already used by ${first.file} (expected a slug of its own for each post)`,
    })),
    ...documents.flatMap((doc): Problem[] => {
      const url = urlOf(doc);
      return url && reserved.has(url)
        ? [{ file: doc.file, field: "slug", line: doc.lines.slug, severity: "error", message: `URL ${url} is a page of the site itself (expected another slug)` }]
        : [];
    }),
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

function toPost(source: PostSource, routes: Routes, strings: Strings): Post {
  const tagRefs = new Map<string, TagRef>();
  for (const name of source.tags) {
    const slug = slugify(name);
    if (slug && !tagRefs.has(slug)) tagRefs.set(slug, { name: typeset(name, source.lang), slug, url: routes.tag(slug) });
  }
  return {
    ...source,
    url: routes.document(source.slug),
    author: source.author ?? strings.t("site.author"),
    tags: [...tagRefs.values()],
    translations: [],
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
  const problems = [...content.problems, ...routeProblems, ...checkUniqueness(content, routes)];
  if (problems.some((p) => p.severity === "error")) return { problems };

  const languages = new Map(content.languages.map((l) => [l.code, l]));
  const sections: LanguageSection[] = content.languages.map((language, index) => {
    const strings = content.strings.get(language.code) as Strings;
    const languageRoutes = routes.get(language.code) as Routes;
    const posts = content.posts
      .filter((post) => post.lang === language.code && isPublished(post, options))
      .sort(byNewest)
      .map((source) => toPost(source, languageRoutes, strings));
    const pages = new Map<string, Page>(
      content.pages.filter((page) => page.lang === language.code).map((page) => [page.translationKey, { ...page, url: languageRoutes.document(page.slug) }]),
    );
    return { language, strings, routes: languageRoutes, isDefault: index === 0, posts, tags: buildTags(posts, language.code), years: buildYears(posts), pages };
  });
  linkPosts(sections, languages);

  const sectionsByLang = Object.fromEntries(sections.map((s) => [s.language.code, s]));
  const allPosts = sections.flatMap((s) => s.posts).sort(byNewest);
  const views = buildViews(sections, content.site);
  return { model: new SiteModel(content.site, content.languages, sectionsByLang, allPosts, views, options.now, options.includeDrafts), problems };
}

/** The same kind of page in every language: each one lists all of them as alternates. */
function everyLanguage(sections: LanguageSection[], urlOf: (section: LanguageSection) => string | undefined): Alternate[] {
  return sections.flatMap((section) => {
    const url = urlOf(section);
    return url ? [{ lang: section.language.code, url }] : [];
  });
}

/** hreflang set of a page: its language versions, plus x-default (the chooser at / for homes, else the default language's version). */
function withDefault(alternates: Alternate[], defaultLang: string, xDefault?: string): Alternate[] {
  const fallback = xDefault ?? alternates.find((a) => a.lang === defaultLang)?.url;
  return alternates.length > 1 && fallback ? [...alternates, { lang: "x-default", url: fallback }] : alternates;
}

const ROOT_URL = "/";

function buildViews(sections: LanguageSection[], site: SiteConfig): View[] {
  const views: View[] = [];
  const [defaultSection] = sections;
  if (!defaultSection) return views;
  const defaultLang = defaultSection.language.code;
  const languageLinks = (lang: string, alternates: Alternate[]) =>
    sections.map((section) => {
      const code = section.language.code;
      const match = alternates.find((alternate) => alternate.lang === code);
      return { lang: code, name: section.language.name, url: match?.url ?? section.routes.home(), current: code === lang, translated: Boolean(match) };
    });
  /** Adds the fields every view shares, from its own URL and its equivalents in other languages. */
  const view = <T extends { type: string; url: string }>(section: LanguageSection, alternates: Alternate[], fields: T, title: string, description: string, xDefault?: string) => {
    const lang = section.language.code;
    const own = alternates.some((a) => a.lang === lang) ? alternates : [{ lang, url: fields.url }];
    return { ...fields, lang, title, description, alternates: withDefault(own, defaultLang, xDefault), languageLinks: languageLinks(lang, own) };
  };
  const everyText = (key: string) => sections.map((s) => s.strings.t(key)).join(" / ");

  const homes = everyLanguage(sections, (s) => s.routes.home());
  const lists = everyLanguage(sections, (s) => s.routes.list());
  const tagIndexes = everyLanguage(sections, (s) => s.routes.tags());
  const archives = everyLanguage(sections, (s) => s.routes.archive());
  const notFounds = everyLanguage(sections, (s) => s.routes.notFound());

  // The root: offers every language and sends the reader to the default one, on any static host.
  views.push(view(defaultSection, homes, { type: "language-choice" as const, url: ROOT_URL, redirect: defaultSection.routes.home(), bare: true as const }, everyText("site.title"), defaultSection.strings.t("site.description"), ROOT_URL));
  views.push({ ...view(defaultSection, [], { type: "root-not-found" as const, url: "/404.html", bare: true as const }, everyText("notFound.title"), everyText("notFound.description")), noindex: true as const });

  for (const section of sections) {
    const { strings, routes, posts } = section;
    const t = (key: string, values?: Record<string, string | number>) => strings.t(key, values);
    const featured = posts.find((post) => post.kind === "announcement");
    views.push(view(section, homes, { type: "home" as const, url: routes.home(), featured, latest: posts.filter((p) => p !== featured).slice(0, HOME_LATEST) }, t("site.title"), t("site.description"), ROOT_URL));
    for (const post of posts) {
      const alternates = [{ lang: post.lang, url: post.url }, ...post.translations.map((tr) => ({ lang: tr.lang, url: tr.url }))];
      views.push(view(section, alternates, { type: "post" as const, url: post.url, post }, post.title, post.description));
    }

    for (const page of section.pages.values()) {
      const alternates = everyLanguage(sections, (s) => s.pages.get(page.translationKey)?.url);
      views.push(view(section, alternates, { type: "page" as const, url: page.url, page }, page.title, page.description));
    }

    const pageCount = Math.max(1, Math.ceil(posts.length / site.postsPerPage));
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const url = routes.list(pageNumber);
      const title = pageNumber === 1 ? t("list.title") : t("list.titlePage", { n: pageNumber, total: pageCount });
      views.push(view(section, pageNumber === 1 ? lists : [], {
        type: "list" as const, url, pageNumber, pageCount,
        posts: posts.slice((pageNumber - 1) * site.postsPerPage, pageNumber * site.postsPerPage),
        previousUrl: pageNumber > 1 ? routes.list(pageNumber - 1) : undefined,
        nextUrl: pageNumber < pageCount ? routes.list(pageNumber + 1) : undefined,
      }, title, t("list.description")));
    }

    views.push(view(section, tagIndexes, { type: "tags" as const, url: routes.tags(), tags: section.tags }, t("tags.title"), t("tags.description")));
    for (const tag of section.tags) {
      views.push(view(section, [], { type: "tag" as const, url: tag.url, tag }, t("tag.title", { tag: tag.name }), t("tag.description", { tag: tag.name, count: tag.posts.length })));
    }
    views.push(view(section, archives, { type: "archive" as const, url: routes.archive(), years: section.years }, t("archive.title"), t("archive.description")));
    views.push({ ...view(section, notFounds, { type: "not-found" as const, url: routes.notFound() }, t("notFound.title"), t("notFound.description")), noindex: true });
  }
  return views;
}
