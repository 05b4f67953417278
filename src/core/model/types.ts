// The published site's model, shared by templates, tests and tools: posts, languages and the pages to render.
import type { DateTime } from "luxon";
import type { Language } from "../content/schema.ts";
import type { PageSource, PostSource } from "../content/load.ts";
import type { Routes } from "../i18n/routes.ts";
import type { Strings } from "../i18n/strings.ts";

/** One language version of a page, for hreflang and the language switcher; `x-default` names the page for everyone else. */
export interface Alternate {
  lang: string;
  url: string;
}

/** A link in the language switcher: the same content in that language, or that language's home. */
export interface LanguageLink {
  lang: string;
  name: string;
  url: string;
  current: boolean;
  /** True when the link leads to a translation of this page, false when it falls back to the home. */
  translated: boolean;
}

export interface TagRef {
  name: string;
  slug: string;
  url: string;
}

export interface PostLink {
  title: string;
  url: string;
}

export interface TranslationLink extends PostLink {
  lang: string;
  languageName: string;
}

export interface Post extends Omit<PostSource, "tags" | "author" | "body"> {
  /**
   * The Markdown source, kept only for the kinds made again from it (press releases as PDF and Markdown,
   * rebuttals split by section): at thousands of posts, every source held for the whole build costs memory.
   */
  body?: string | undefined;
  url: string;
  author: string;
  tags: TagRef[];
  /** The other languages' versions of this piece, paired by translationKey. */
  translations: TranslationLink[];
  /** Still under embargo at the build's clock: only the preview (`npm start`) shows such a post, with a banner. */
  embargoed: boolean;
  /** Older and newer neighbours in the same language. */
  previous?: PostLink | undefined;
  next?: PostLink | undefined;
}

export interface Page extends PageSource {
  url: string;
}

export interface Tag extends TagRef {
  posts: Post[];
}

export interface YearGroup {
  year: number;
  posts: Post[];
}

/** Everything one language of the site holds. */
export interface LanguageSection {
  language: Language;
  strings: Strings;
  routes: Routes;
  isDefault: boolean;
  /** Published posts, newest first. */
  posts: Post[];
  tags: Tag[];
  years: YearGroup[];
  pages: Map<string, Page>;
}

export interface ViewBase {
  lang: string;
  url: string;
  title: string;
  description: string;
  /** hreflang set: this page and its true equivalents in other languages. */
  alternates: Alternate[];
  languageLinks: LanguageLink[];
  /** Pages search engines should not index (404 pages). */
  noindex?: boolean;
  /** Pages that only send the reader elsewhere: a meta refresh, and no entry in the sitemap. */
  redirect?: string;
  /** Pages for every language at once (the root ones): no language navigation. */
  bare?: boolean;
}

/**
 * The fields of each kind of page, by kind (`_includes/views/<kind>.njk` renders it).
 * Modules add their kinds by augmenting this interface (`declare module`), so no central list grows.
 */
export interface ViewKinds {
  home: { featured?: Post | undefined; latest: Post[] };
  post: { post: Post };
  page: { page: Page };
  list: { posts: Post[]; pageNumber: number; pageCount: number; previousUrl?: string | undefined; nextUrl?: string | undefined };
  tag: { tag: Tag };
  tags: { tags: Tag[] };
  archive: { years: YearGroup[] };
  "not-found": Record<never, never>;
  "language-choice": { redirect: string; bare: true };
  "root-not-found": { bare: true; noindex: true };
}

export type View = { [K in keyof ViewKinds]: ViewBase & { type: K } & ViewKinds[K] }[keyof ViewKinds];

export type ViewType = View["type"];

/** A post the build keeps out until its embargo ends. */
export interface HeldBack {
  file: string;
  until: DateTime;
}

export interface BuildOptions {
  /** The build's clock (TRACT_NOW or now). */
  now: DateTime;
  /** Drafts are shown by `npm start`, never by the production build. */
  includeDrafts: boolean;
}
