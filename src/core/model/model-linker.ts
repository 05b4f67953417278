// The model while features link their parts in: the editions, every published post by key, who references what, what each collection shows.
import type { BuildContext } from "../context.ts";
import type { Collection, ModelBuilder, PageSection, Registry, ReferenceTarget } from "../contract.ts";
import type { Language, SiteConfig } from "../content/schema.ts";
import type { Content } from "../content/types.ts";
import { DateFormats } from "../dates/format.ts";
import type { Markdown } from "../markdown/render.ts";
import { referencedIds } from "./checks.ts";
import { byNewest, postsByKey } from "./posts.ts";
import { type Identity, identityOf } from "./identity.ts";
import type { Edition, Post } from "./types.ts";

/** What every step of the model sees, while features link their parts in (before it is frozen). */
export class ModelLinker implements ModelBuilder {
  readonly ext: Record<string, unknown> = {};
  /** Every published post, every language, newest first. */
  readonly posts: Post[];
  /** Published posts of every language by translationKey, the default language first. */
  readonly byKey: Map<string, Post[]>;
  /** Dates as readers see them, in the site's time zone. */
  readonly dates: DateFormats;
  readonly identity: Identity;
  private referrerIndex: Map<string, Post[]> | undefined;
  private collectionIndex: Map<string, Collection> | undefined;

  constructor(
    readonly content: Content,
    readonly editions: Edition[],
    readonly context: BuildContext,
    readonly registry: Registry,
  ) {
    this.posts = editions.flatMap((edition) => edition.posts).sort(byNewest);
    this.byKey = postsByKey(editions);
    this.dates = new DateFormats(content.site.timezone, context.session.memo("dates"));
    this.identity = identityOf(content.site);
  }

  get site(): SiteConfig {
    return this.content.site;
  }

  get languages(): Language[] {
    return this.content.languages;
  }

  /** The Markdown renderer of a language. */
  markdown(lang: string): Markdown {
    const markdown = this.content.markdown.get(lang);
    if (!markdown) throw new Error(`no Markdown renderer for language "${lang}"`);
    return markdown;
  }

  /** Published posts, every language, whose reference fields name `id` of `collection` (e.g. the rebuttals that answer an event). */
  referrers(collection: string, id: string): Post[] {
    if (!this.referrerIndex) {
      this.referrerIndex = new Map();
      const fields = this.registry.features.flatMap((feature) => feature.references ?? []);
      for (const post of this.editions.flatMap((edition) => edition.posts)) {
        for (const reference of fields) {
          for (const named of referencedIds(post, reference.field)) {
            const key = `${reference.collection}\0${named}`;
            this.referrerIndex.set(key, [...(this.referrerIndex.get(key) ?? []), post]);
          }
        }
      }
    }
    return this.referrerIndex.get(`${collection}\0${id}`) ?? [];
  }

  /** What a page of `edition` shows of item `id` of `collection`, as its feature describes it. */
  describe(collection: string, edition: Edition, id: string): ReferenceTarget | undefined {
    this.collectionIndex ??= new Map(
      this.registry.features
        .flatMap((feature) => feature.collections?.(this.content.data.get(feature.name)) ?? [])
        .map((found) => [found.name, found]),
    );
    return this.collectionIndex.get(collection)?.describe(edition, id);
  }

  /** The blocks features add to the page at `place` in `edition`, in registration order. */
  sections(place: string, edition: Edition): PageSection[] {
    return this.registry.features.flatMap((feature) => feature.sections?.[place]?.(edition, this) ?? []);
  }

  absoluteUrl(url: string): string {
    return new URL(url, `${this.site.url}/`).href;
  }
}
