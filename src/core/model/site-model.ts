// Builds the published site once: drafts and the clock applied here, posts indexed, each feature linked in, then frozen.
import type { DateTime } from "luxon";
import type { BuildContext } from "../context.ts";
import type { Registry, SiteModel } from "../contract.ts";
import type { Problem } from "../content/problems.ts";
import type { Language, SiteConfig } from "../content/schema.ts";
import type { Content } from "../content/types.ts";
import type { Markdown } from "../markdown/render.ts";
import { DateFormats } from "../dates/format.ts";
import type { Strings } from "../i18n/strings.ts";
import type { Routes } from "../i18n/routes.ts";
import { checkReferences, checkTagNames, checkUniqueness, languageRoutes } from "./checks.ts";
import { leftovers } from "../check/leftovers.ts";
import { buildTags, buildYears, byNewest, heldBack, isPublished, linkPosts, toPost } from "./posts.ts";
import type { Identity } from "./identity.ts";
import type { Edition, HeldBack, Page, Post, Unpublished, View } from "./types.ts";
import { ViewFactory } from "./views.ts";
import { ModelLinker } from "./model-linker.ts";
import { translationKeyHints, translationTable, translationWarnings } from "../check/translations.ts";

/** The finished model: every output is made from it, and nothing changes it afterwards. */
class FinishedModel implements SiteModel {
  readonly site: SiteConfig;
  readonly languages: Language[];
  /** Each language's edition, by language code. */
  readonly editions: Readonly<Record<string, Edition>>;
  /** All published posts, every language, newest first. */
  readonly posts: readonly Post[];
  readonly byKey: ReadonlyMap<string, Post[]>;
  readonly ext: Readonly<Record<string, unknown>>;
  readonly now: DateTime;
  readonly includeDrafts: boolean;
  readonly dates: DateFormats;
  readonly identity: Identity;
  private readonly viewsByUrl: ReadonlyMap<string, View>;

  constructor(
    builder: ModelLinker,
    readonly views: readonly View[],
    /** Posts kept out by their embargo, soonest first. */
    readonly heldBack: readonly HeldBack[],
    readonly unpublished: readonly Unpublished[],
    /** Problems that did not stop the build. */
    readonly warnings: readonly Problem[],
    readonly context: BuildContext,
    readonly registry: Registry,
    private readonly markdownByLang: Map<string, Markdown>,
    private readonly featureData: ReadonlyMap<string, unknown>,
  ) {
    this.site = builder.site;
    this.languages = builder.languages;
    this.editions = Object.freeze(
      Object.fromEntries(
        builder.editions.map((edition) => [
          edition.language.code,
          Object.freeze(Object.assign(edition, { ext: Object.freeze(edition.ext) })),
        ]),
      ),
    );
    this.posts = Object.freeze(builder.posts);
    this.byKey = builder.byKey;
    this.ext = Object.freeze(builder.ext);
    this.now = context.now;
    this.includeDrafts = context.mode === "preview";
    this.dates = builder.dates;
    this.identity = builder.identity;
    this.viewsByUrl = new Map(views.map((view) => [view.url, view]));
    Object.freeze(this);
  }

  get defaultLanguage(): Language {
    const [first] = this.languages;
    if (!first) throw new Error("no language is declared");
    return first;
  }

  edition(lang: string): Edition {
    const edition = this.editions[lang];
    if (!edition) throw new Error(`unknown language "${lang}"`);
    return edition;
  }

  viewAt(url: string): View | undefined {
    return this.viewsByUrl.get(url);
  }

  /** What a feature loaded (its data files), for its own steps. */
  data(feature: string): unknown {
    return this.featureData.get(feature);
  }

  markdown(lang: string): Markdown {
    const markdown = this.markdownByLang.get(lang);
    if (!markdown) throw new Error(`no Markdown renderer for language "${lang}"`);
    return markdown;
  }

  /** Absolute URL on the public site, for canonical links, feeds and the sitemap. */
  absoluteUrl(url: string): string {
    return new URL(url, `${this.site.url}/`).href;
  }
}

export interface ModelResult {
  model?: SiteModel;
  problems: Problem[];
}

function edition(
  content: Content,
  language: Language,
  index: number,
  routes: Routes,
  context: BuildContext,
  registry: Registry,
): Edition {
  const strings = content.strings.get(language.code) as Strings;
  const posts = content.posts
    .filter((post) => post.lang === language.code && isPublished(post, context.now, context.mode === "preview"))
    .sort(byNewest)
    .map((source) => toPost(source, routes, strings, context.now, registry));
  const pages = new Map<string, Page>(
    content.pages
      .filter((page) => page.lang === language.code)
      .map((page) => [page.translationKey, { ...page, url: routes.document(page.slug), ext: {} }]),
  );
  return {
    language,
    strings,
    routes,
    isDefault: index === 0,
    posts,
    tags: buildTags(posts, language.code),
    years: buildYears(posts),
    pages,
    ext: {},
  };
}

/** The posts this build leaves out, at the addresses they will have. */
function unpublishedPosts(content: Content, routes: Map<string, Routes>, context: BuildContext): Unpublished[] {
  return content.posts
    .filter((post) => !isPublished(post, context.now, context.mode === "preview"))
    .flatMap((post) => {
      const url = routes.get(post.lang)?.document(post.slug);
      if (!url) return [];
      return [{ file: post.file, url, until: post.draft ? undefined : post.embargo }];
    });
}

/** Checks the content, builds the editions, lets each feature link its part in and make its views, and freezes the result. */
export function buildSiteModel(content: Content, registry: Registry, context: BuildContext): ModelResult {
  const { routes, problems: routeProblems } = languageRoutes(content, registry);
  const problems = [
    ...content.problems,
    ...routeProblems,
    ...checkUniqueness(content, routes, registry),
    ...checkReferences(content, registry),
    // A feature whose data could not be loaded (the site's settings are broken) has nothing to check yet.
    ...registry.features
      .filter((feature) => !feature.load || content.data.has(feature.name))
      .flatMap((feature) => feature.check?.(content, content.data.get(feature.name)) ?? []),
  ];
  if (problems.some((p) => p.severity === "error")) return { problems };
  // Mistakes within documents: the model can still be made, so that their links are checked too.
  problems.push(...checkTagNames(content, routes), ...leftovers(content));
  const documents = [...content.posts, ...content.pages];
  const table = translationTable(content.posts, content.pages, content.languages);
  problems.push(
    ...translationWarnings(table, documents),
    ...translationKeyHints(table, documents, content.languages[0]?.code),
  );

  const editions = content.languages.map((language, index) =>
    edition(content, language, index, routes.get(language.code) as Routes, context, registry),
  );
  const builder = new ModelLinker(content, editions, context, registry);
  linkPosts(editions, builder.byKey, new Map(content.languages.map((l) => [l.code, l])));
  for (const feature of registry.features) {
    const warnings = feature.link?.(builder, content.data.get(feature.name));
    if (warnings) problems.push(...warnings);
  }
  for (const feature of registry.features.filter((candidate) => candidate.transformBody)) {
    const data = content.data.get(feature.name);
    for (const document of editions.flatMap((one) => [...one.posts, ...one.pages.values()]))
      document.html = feature.transformBody!(document.html, document, builder, data);
  }
  const factory = new ViewFactory(editions, content.site);
  const views = registry.features.flatMap((feature) =>
    (feature.views?.(factory, builder) ?? []).map((view) =>
      view.origin ? view : { ...view, origin: { feature: feature.name } },
    ),
  );
  const warnings = problems.filter((p) => p.severity === "warning");
  const model = new FinishedModel(
    builder,
    Object.freeze(views),
    heldBack(content.posts, context.now),
    unpublishedPosts(content, routes, context),
    warnings,
    context,
    registry,
    content.markdown,
    content.data,
  );
  return { model, problems };
}
