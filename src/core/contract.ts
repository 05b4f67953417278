// The contract between the core and the features, types only: what a feature declares, and what it is given (the model while it is linked, the finished model).
import type { z } from "zod";
import type { BuildContext } from "./context.ts";
import type { Problem } from "./content/problems.ts";
import type { Content, PageSource, PostSource } from "./content/types.ts";
import type { Routes } from "./i18n/routes.ts";
import type { DateFormats } from "./dates/format.ts";
import type { Language, SiteConfig } from "./content/schema.ts";
import type { Markdown } from "./markdown/render.ts";
import type { Identity } from "./model/identity.ts";
import type { Edition, HeldBack, Page, PageSection, Post, Unpublished, View } from "./model/types.ts";

export type { PageSection } from "./model/types.ts";
export type { DocumentOptions, FollowLink, PostDocument } from "./sharing.ts";
import type { DocumentOptions, FollowLink, PostDocument } from "./sharing.ts";
import type { ViewFactory } from "./model/views.ts";
import type { Derivation, Output } from "./output/output.ts";
import type { FieldSet, SchemaContext } from "./slots.ts";
import type { Message } from "./i18n/message.ts";
import type { TranslationRow } from "./check/translations.ts";

/** A kind of post (`kind:` in front matter) beside the core's `post`. */
export interface KindDeclaration {
  name: string;
  /** The Markdown source is kept in the model: other outputs are made again from it (a PDF, sections). */
  keepsSource?: boolean;
  /** The newest post of this kind is featured on the home page. */
  featured?: boolean;
  /** When a featured post stops being featured (the end of the event it announces); always featured without it. */
  featuredUntil?(post: Post, model: ModelBuilder): import("luxon").DateTime | undefined;
  /** schema.org type of its pages (BlogPosting otherwise), e.g. NewsArticle. */
  schemaType?: string;
  /**
   * A feed of its own in every language: its address, the strings keys of its title and subtitle and of its heading
   * and text on the Subscribe page, and the page showing the same posts.
   */
  feed?: {
    url: (routes: Routes) => string;
    title: string;
    subtitle: string;
    subscribeTitle: string;
    subscribeText: string;
    page: (edition: Edition) => string | undefined;
  };
}

/** Where a reader, search engine or server finds a document besides its own address (an old address of a renamed post). */
export interface UrlClaim {
  url: string;
  field: string;
}

/** A list of items other documents may name by id (events named by rebuttals), with what a reference shows of one. */
export interface Collection {
  name: string;
  /** What one item is called in messages, e.g. "an event". */
  itemName: Message;
  /** How to name an item, for the message of a reference that names none, e.g. "the name of a file in _data/events/ without .yaml". */
  expected: Message;
  /** Each item by id: its file, and traits a reference may require (e.g. "official"). */
  items: Map<string, { file: string; traits?: readonly string[] }>;
  /** What a page in `edition` shows of an item another document names: its title in that language, its address. Asked once the model is linked. */
  describe(edition: Edition, id: string): ReferenceTarget | undefined;
}

/** An item as a page of another feature shows it: a link with its title, in the page's language when it has one. */
export interface ReferenceTarget {
  title: { text: string; lang: string; foreign: boolean };
  url: string;
  /** A short description, e.g. the item's date. */
  when?: string | undefined;
}

/** A front-matter field of posts holding ids of a collection's items; the core checks them and indexes who names what. */
export interface ReferenceField {
  field: string;
  collection: string;
  /** A trait the item named must have, e.g. only official events: its name in messages, and what is expected of its file. */
  requires?: { trait: string; name: Message; expected: (file: string) => Message };
}

/** A filter for the Nunjucks templates; `this.ctx.tract` is the site model. */
export type TemplateFilter = (this: { ctx?: Record<string, unknown> }, value: never, ...args: never[]) => unknown;

/** What a new post of some kind starts with (`npm run new`). */
export interface Scaffold {
  kind: string;
  lang: string;
  now: import("luxon").DateTime;
  translationKey: string;
  strings: import("./i18n/strings.ts").Strings;
  site: import("./content/schema.ts").SiteConfig;
  /** Set when the new post translates another: its language and tags. */
  translating?: { from: string; tags: string[] } | undefined;
}

export interface Feature<Data = unknown> {
  readonly name: string;
  readonly kinds?: KindDeclaration[];
  /** Keys under `paths:` in the strings files that name its sections (`agenda`, `presse`…): no post or alias may take them. */
  readonly paths?: string[];
  /** Folders and files it reads, watched by the preview (relative to the project). */
  readonly watch?: string[];
  /** Front-matter fields it adds to posts and pages. */
  readonly postFields?: FieldSet<Record<string, z.ZodType>>;
  readonly pageFields?: FieldSet<Record<string, z.ZodType>>;
  /** Rules between a post's fields (its front matter as validated); `issue` reports one on a field. */
  refinePost?(
    post: Readonly<Record<string, unknown>>,
    issue: (field: string, message: Message) => void,
    context: SchemaContext,
  ): void;
  /** Reads and validates its data files (problems go to `problems`); the result is given to its other steps. */
  load?(context: BuildContext, content: Content, problems: Problem[]): Promise<Data>;
  /** Collections of its items that posts may reference. */
  collections?(data: Data): Collection[];
  readonly references?: ReferenceField[];
  /** Checks of the content against its data, before the model is built. */
  check?(content: Content, data: Data): Problem[];
  /** URLs a document claims besides its own, checked with every other address of the site. */
  claims?(document: PostSource | PageSource): UrlClaim[];
  /** Adds its part to the model before it is frozen (runs in registration order); returns warnings. */
  link?(model: ModelBuilder, data: Data): Problem[] | void;
  /**
   * Rewrites the rendered body of each published post and page (its pictures made responsive), once every feature is
   * linked, in registration order: pages, feeds and every other output show what it returns.
   */
  transformBody?(html: string, document: Post | Page, model: ModelBuilder, data: Data): string;
  /** Its pages, from the linked model. */
  views?(factory: ViewFactory, model: ModelBuilder): View[];
  /**
   * Blocks it adds to other features' pages, by the name of the place (`home`, `subscribe`), in one language;
   * undefined when it has nothing to show there. The page's owner asks for them with `model.sections(place, edition)`.
   */
  readonly sections?: Record<string, (edition: Edition, model: ModelBuilder) => PageSection | undefined>;
  /** Template data a view of one of its types needs at render time (e.g. the press kit's size), by view type. */
  readonly viewData?: Record<
    string,
    (view: View, model: SiteModel, context: BuildContext) => Promise<Record<string, unknown>>
  >;
  /** Checks of the whole list of outputs (pages and files of every feature), before anything is written. */
  checkOutputs?(outputs: readonly Output[], model: SiteModel): Problem[];
  /** Its files besides its pages (feeds, calendars, PDFs…), from the finished model. */
  outputs?(model: SiteModel, context: BuildContext, templates: TemplateRenderer, data: Data): Output[];
  /**
   * Its files made from other outputs' content (a search index from the pages), in production builds: the preview
   * writes only the pages an edit changed, so a derivation there would see a part of the site.
   */
  derive?(model: SiteModel, context: BuildContext, data: Data): Derivation[];
  readonly filters?: Record<string, TemplateFilter>;
  /** Its kinds' posts as documents to send or hand out (`npm run mail`), by kind. */
  readonly documents?: Record<
    string,
    (post: Post, model: SiteModel, context: BuildContext, options: DocumentOptions) => Promise<PostDocument>
  >;
  /** The ways to follow the site in an edition's language that it offers. */
  followLinks?(edition: Edition, model: SiteModel): FollowLink[];
  /** schema.org data of its view types, by view type. */
  readonly structuredData?: Record<string, (view: View, model: SiteModel) => Record<string, unknown>>;
  /** The next moment the build's clock changes what its pages show (an event becomes past), for scheduled rebuilds. */
  nextChange?(model: SiteModel): import("luxon").DateTime | undefined;
  /**
   * What a new post of `scaffold.kind` (or a translation, `scaffold.translating`) starts with: front-matter
   * lines, and the text its body starts with instead of the core's placeholder.
   */
  scaffold?(scaffold: Scaffold, data: Data): { fields?: Record<string, unknown>; body?: string };
  /** Rows of the translation table (`npm run check`) for its items with per-language texts, e.g. events. */
  translations?(data: Data, languages: readonly Language[]): TranslationRow[];
}

/** The part of a Nunjucks environment tract uses: Eleventy's own, with every filter the plugins add. */
export interface TemplateRenderer {
  render(name: string, context: object): string;
}

/** The registered features, in order, and what the core and features ask of them all. */
export interface Registry {
  readonly features: readonly Feature<unknown>[];
  /** Every kind of post: the core's `post`, then the features'. */
  readonly kinds: KindDeclaration[];
  kind(name: string): KindDeclaration | undefined;
  /** Every section name a feature uses in addresses. */
  readonly paths: string[];
  structuredData(type: string): ((view: View, model: SiteModel) => Record<string, unknown>) | undefined;
  /** What makes a post of `kind` into a document, when a feature declares it. */
  document(kind: string): NonNullable<Feature["documents"]>[string] | undefined;
  /** Every way to follow the site in `edition`'s language, from every feature. */
  followLinks(edition: Edition, model: SiteModel): FollowLink[];
}

/** What the model and the finished model both offer. */
interface ModelBase {
  readonly site: SiteConfig;
  readonly languages: Language[];
  /** Every published post, every language, newest first. */
  readonly posts: readonly Post[];
  /** Published posts of every language by translationKey, the default language first. */
  readonly byKey: ReadonlyMap<string, Post[]>;
  readonly context: BuildContext;
  readonly registry: Registry;
  /** Dates as readers see them, in the site's time zone. */
  readonly dates: DateFormats;
  /** The collective's logo and accent colour (_data/site.yaml): the header, social cards and PDFs use them. */
  readonly identity: Identity;
  /** The Markdown renderer of a language. */
  markdown(lang: string): Markdown;
  /** Absolute URL on the public site, for canonical links, feeds and the sitemap. */
  absoluteUrl(url: string): string;
}

/** The model while features link their parts in (before it is frozen). */
export interface ModelBuilder extends ModelBase {
  readonly content: Content;
  readonly editions: Edition[];
  /** Site-wide feature data (templates read `tract.ext.<name>`). */
  readonly ext: Record<string, unknown>;
  /** Published posts, every language, whose reference fields name `id` of `collection` (e.g. the rebuttals that answer an event). */
  referrers(collection: string, id: string): Post[];
  /** What a page of `edition` shows of item `id` of `collection`, as its feature describes it. */
  describe(collection: string, edition: Edition, id: string): ReferenceTarget | undefined;
  /** The blocks features add to the page at `place` in `edition`, in registration order (see Feature.sections). */
  sections(place: string, edition: Edition): PageSection[];
}

/** The finished model: every output is made from it, and nothing changes it afterwards. */
export interface SiteModel extends ModelBase {
  /** Each language's edition, by language code. */
  readonly editions: Readonly<Record<string, Edition>>;
  readonly ext: Readonly<Record<string, unknown>>;
  readonly views: readonly View[];
  readonly now: import("luxon").DateTime;
  readonly includeDrafts: boolean;
  /** Posts kept out by their embargo, soonest first. */
  readonly heldBack: readonly HeldBack[];
  /** Posts this build leaves out, drafts and embargoed ones, with the address they will have (`until` for an embargo). */
  readonly unpublished: readonly Unpublished[];
  /** Problems that did not stop the build. */
  readonly warnings: readonly Problem[];
  readonly defaultLanguage: Language;
  edition(lang: string): Edition;
  /** The page at `url`, when the site has one (a menu leaves out a section a language lacks). */
  viewAt(url: string): View | undefined;
  /** What a feature loaded (its data files), for its own steps. */
  data(feature: string): unknown;
}
