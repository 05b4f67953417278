// The feature contract: everything a feature adds to the site is declared here, and the core goes through the registered list.
import type { z } from "zod";
import type { BuildContext } from "./context.ts";
import type { Problem } from "./content/problems.ts";
import type { Content, PageSource, PostSource } from "./content/types.ts";
import type { Routes } from "./i18n/routes.ts";
import type { ModelBuilder, SiteModel } from "./model/site-model.ts";
import type { Edition, View } from "./model/types.ts";
import type { ViewFactory } from "./model/views.ts";
import type { Output } from "./output/output.ts";
import type { TemplateRenderer } from "./render/pages.ts";
import type { FieldSet, SchemaContext } from "./slots.ts";

/** A kind of post (`kind:` in front matter) beside the core's `post`. */
export interface KindDeclaration {
  name: string;
  /** The Markdown source is kept in the model: other outputs are made again from it (a PDF, sections). */
  keepsSource?: boolean;
  /** The newest post of this kind is featured on the home page. */
  featured?: boolean;
  /** schema.org type of its pages (BlogPosting otherwise), e.g. NewsArticle. */
  schemaType?: string;
  /**
   * A feed of its own in every language: its address, the strings keys of its title and subtitle and of its heading
   * and text on the Subscribe page, and the page showing the same posts.
   */
  feed?: { url: (routes: Routes) => string; title: string; subtitle: string; subscribeTitle: string; subscribeText: string; page: (edition: Edition) => string | undefined };
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
  itemName: string;
  /** How to name an item, for the message of a reference that names none, e.g. "the name of a file in _data/events/ without .yaml". */
  expected: string;
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
  requires?: { trait: string; name: string; expected: (file: string) => string };
}

/** A filter for the Nunjucks templates; `this.ctx.tract` is the site model. */
export type TemplateFilter = (this: { ctx?: Record<string, unknown> }, value: any, ...args: any[]) => unknown;

/** What a new post of some kind starts with (`npm run new`). */
export interface Scaffold {
  kind: string;
  lang: string;
  now: import("luxon").DateTime;
  translationKey: string;
  strings: import("./i18n/strings.ts").Strings;
  /** The id of the post's first `##` section (rebuttals answer claims there). */
  answerId: string;
  site: import("./content/schema.ts").SiteConfig;
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
  refinePost?(post: Readonly<Record<string, unknown>>, issue: (field: string, message: string) => void, context: SchemaContext): void;
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
  /** Its pages, from the linked model. */
  views?(factory: ViewFactory, model: ModelBuilder): View[];
  /** Template data a view of one of its types needs at render time (e.g. the press kit's size), by view type. */
  readonly viewData?: Record<string, (view: View, model: SiteModel, context: BuildContext) => Promise<Record<string, unknown>>>;
  /** Checks of the whole list of outputs (pages and files of every feature), before anything is written. */
  checkOutputs?(outputs: readonly Output[], model: SiteModel): Problem[];
  /** Its files besides its pages (feeds, calendars, PDFs…), from the finished model. */
  outputs?(model: SiteModel, context: BuildContext, templates: TemplateRenderer, data: Data): Output[];
  readonly filters?: Record<string, TemplateFilter>;
  /** schema.org data of its view types, by view type. */
  readonly structuredData?: Record<string, (view: View, model: SiteModel) => Record<string, unknown>>;
  /** The next moment the build's clock changes what its pages show (an event becomes past), for scheduled rebuilds. */
  nextChange?(model: SiteModel): import("luxon").DateTime | undefined;
  /** Front-matter lines a new post of `scaffold.kind` starts with. */
  scaffold?(scaffold: Scaffold): Record<string, unknown>;
}

/** Declares a feature, typing its data from its `load` step to the others. */
export function defineFeature<Data = undefined>(feature: Feature<Data>): Feature<Data> {
  return feature;
}

/** The registered features, in order, and what the core asks of them all. */
export class FeatureRegistry {
  readonly features: readonly Feature<any>[];

  constructor(features: readonly Feature<any>[]) {
    const names = new Set<string>();
    for (const feature of features) {
      if (names.has(feature.name)) throw new Error(`the feature ${feature.name} is registered twice`);
      names.add(feature.name);
    }
    this.features = features;
  }

  get kinds(): KindDeclaration[] {
    return [{ name: "post" }, ...this.features.flatMap((feature) => feature.kinds ?? [])];
  }

  kind(name: string): KindDeclaration | undefined {
    return this.kinds.find((kind) => kind.name === name);
  }

  get paths(): string[] {
    return this.features.flatMap((feature) => feature.paths ?? []);
  }

  get watched(): string[] {
    return this.features.flatMap((feature) => feature.watch ?? []);
  }

  get filters(): [string, TemplateFilter][] {
    return this.features.flatMap((feature) => Object.entries(feature.filters ?? {}));
  }

  structuredData(type: string): ((view: View, model: SiteModel) => Record<string, unknown>) | undefined {
    for (const feature of this.features) {
      const make = feature.structuredData?.[type];
      if (make) return make;
    }
    return undefined;
  }

  viewData(type: string): ((view: View, model: SiteModel, context: BuildContext) => Promise<Record<string, unknown>>) | undefined {
    for (const feature of this.features) {
      const make = feature.viewData?.[type];
      if (make) return make;
    }
    return undefined;
  }
}
