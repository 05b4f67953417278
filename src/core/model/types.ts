// The published site's model, shared by templates, tests and tools: posts, pages, editions (one per language) and the pages to render.
import type { DateTime } from "luxon";
import type { Language } from "../content/schema.ts";
import type { PageSource, PostSource } from "../content/types.ts";
import type { Routes } from "../i18n/routes.ts";
import type { Strings } from "../i18n/strings.ts";
import type { OutputOrigin } from "../output/output.ts";
import type { Extensible } from "../slots.ts";

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

export interface Post extends Omit<PostSource, "tags" | "author" | "body">, Extensible {
  /**
   * The Markdown source, kept only for the kinds made again from it (see KindDeclaration.keepsSource): at
   * thousands of posts, every source held for the whole build costs memory.
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

export interface Page extends PageSource, Extensible {
  url: string;
}

export interface Tag extends TagRef {
  posts: Post[];
}

export interface YearGroup {
  year: number;
  posts: Post[];
}

/** One language's edition of the site: everything its pages show. */
export interface Edition extends Extensible {
  language: Language;
  strings: Strings;
  routes: Routes;
  isDefault: boolean;
  /** Published posts, newest first. */
  posts: Post[];
  tags: Tag[];
  years: YearGroup[];
  /** Pages by translationKey. */
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
  /** schema.org type of the page when it is not a plain WebPage (e.g. CollectionPage for lists). */
  schemaType?: string;
  /** The newest date of the content it shows (a post's update, the newest post of a list): the sitemap's `lastmod`. */
  lastmod?: DateTime | undefined;
  /** The feature, and the file and field, the page comes from: named when its address is refused. */
  origin?: OutputOrigin;
}

/**
 * A page of the site: `_includes/views/<type>.njk` renders it inside the base layout. Each feature declares the
 * fields of its own view types (e.g. `post` carries the post); the core knows only the shared ones.
 */
export interface View extends ViewBase {
  type: string;
  readonly [field: string]: unknown;
}

/** A post the build leaves out (a draft, or under embargo `until`), at the address it will have. */
export interface Unpublished {
  file: string;
  url: string;
  until?: DateTime | undefined;
}

/** A post the build keeps out until its embargo ends. */
export interface HeldBack {
  file: string;
  until: DateTime;
}

/**
 * A block a feature adds to a page another feature owns (the next events on the home page, the agenda's calendar on
 * the Subscribe page), rendered by the feature's own partial, so that neither feature imports the other.
 */
export interface PageSection {
  /** The partial under _includes/ that renders it, e.g. "partials/home-events.njk"; it reads `section.data`. */
  template: string;
  data: Readonly<Record<string, unknown>>;
  /** The newest date of what it shows: the page's `lastmod` in the sitemap takes it into account. */
  lastmod?: DateTime | undefined;
}
