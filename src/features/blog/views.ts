// The blog's pages: the root language choice, and per language the home, posts, pages, lists, topics, archive and 404.
import type { ModelBuilder } from "../../core/contract.ts";
import type { Edition, Page, Post, Tag, View, YearGroup } from "../../core/model/types.ts";
import { slugify } from "../../core/content/slug.ts";
import type { Topics } from "./topics.ts";
import { ROOT_URL, type ViewFactory } from "../../core/model/views.ts";

const HOME_LATEST = 6;

export interface HomeView extends View {
  type: "home";
  featured?: Post | undefined;
  latest: Post[];
}
export interface PostView extends View {
  type: "post";
  post: Post;
}
export interface PageView extends View {
  type: "page";
  page: Page;
}
export interface ListView extends View {
  type: "list";
  posts: Post[];
  pageNumber: number;
  pageCount: number;
  previousUrl?: string | undefined;
  nextUrl?: string | undefined;
}
export interface TagView extends View {
  type: "tag";
  tag: Tag;
}
export interface TagsView extends View {
  type: "tags";
  tags: Tag[];
}
export interface ArchiveView extends View {
  type: "archive";
  years: YearGroup[];
}

/** A topic's page in every language that publishes the same topic (paired in _data/topics.yaml). */
function topicAlternates(factory: ViewFactory, edition: Edition, tag: Tag, topics: Topics | undefined) {
  const topic = topics?.of(edition.language.code, tag.name);
  if (!topic) return [];
  return factory.everyLanguage((other) => {
    const name = topic[other.language.code];
    return name === undefined ? undefined : other.tags.find((found) => found.slug === slugify(name))?.url;
  });
}

export function blogViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const topics = model.content.data.get("blog") as Topics | undefined;
  const { editions, site, defaultEdition } = factory;
  const views: View[] = [];
  const homes = factory.everyLanguage((e) => e.routes.home());
  const lists = factory.everyLanguage((e) => e.routes.list());
  const tagIndexes = factory.everyLanguage((e) => e.routes.tags());
  const archives = factory.everyLanguage((e) => e.routes.archive());
  const notFounds = factory.everyLanguage((e) => e.routes.notFound());
  const featuredKinds = new Set(model.registry.kinds.filter((kind) => kind.featured).map((kind) => kind.name));

  // The root offers every language and sends the reader to the default one, on any static host.
  views.push(
    factory.make(
      defaultEdition,
      "language-choice",
      { url: ROOT_URL, redirect: defaultEdition.routes.home(), bare: true },
      { title: factory.everyText("site.title"), description: defaultEdition.strings.t("site.description") },
      homes,
      ROOT_URL,
    ),
  );
  views.push(
    factory.make(
      defaultEdition,
      "root-not-found",
      { url: "/404.html", bare: true, noindex: true },
      { title: factory.everyText("notFound.title"), description: factory.everyText("notFound.description") },
    ),
  );

  for (const edition of editions) {
    const { routes, posts } = edition;
    const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
    const featured = posts.find((post) => featuredKinds.has(post.kind));
    const latest = posts.filter((p) => p !== featured).slice(0, HOME_LATEST);
    views.push(
      factory.make(
        edition,
        "home",
        { url: routes.home(), featured, latest },
        { title: t("site.title"), description: t("site.description") },
        homes,
        ROOT_URL,
      ),
    );

    for (const post of posts) {
      const alternates = [
        { lang: post.lang, url: post.url },
        ...post.translations.map((tr) => ({ lang: tr.lang, url: tr.url })),
      ];
      views.push(
        factory.make(
          edition,
          "post",
          { url: post.url, post, origin: { feature: "blog", file: post.file, field: "slug" } },
          { title: post.title, description: post.description },
          alternates,
        ),
      );
    }
    for (const page of edition.pages.values()) {
      views.push(
        factory.make(
          edition,
          "page",
          { url: page.url, page, origin: { feature: "blog", file: page.file, field: "slug" } },
          { title: page.title, description: page.description },
          factory.everyLanguage((e) => e.pages.get(page.translationKey)?.url),
        ),
      );
    }

    const pageCount = Math.max(1, Math.ceil(posts.length / site.postsPerPage));
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const title = pageNumber === 1 ? t("list.title") : t("list.titlePage", { n: pageNumber, total: pageCount });
      const fields = {
        url: routes.list(pageNumber),
        pageNumber,
        pageCount,
        posts: posts.slice((pageNumber - 1) * site.postsPerPage, pageNumber * site.postsPerPage),
        previousUrl: pageNumber > 1 ? routes.list(pageNumber - 1) : undefined,
        nextUrl: pageNumber < pageCount ? routes.list(pageNumber + 1) : undefined,
      };
      views.push(
        factory.make(
          edition,
          "list",
          { ...fields, schemaType: "CollectionPage" },
          { title, description: t("list.description") },
          pageNumber === 1 ? lists : [],
        ),
      );
    }

    views.push(
      factory.make(
        edition,
        "tags",
        { url: routes.tags(), tags: edition.tags, schemaType: "CollectionPage" },
        { title: t("tags.title"), description: t("tags.description") },
        tagIndexes,
      ),
    );
    for (const tag of edition.tags) {
      views.push(
        factory.make(
          edition,
          "tag",
          { url: tag.url, tag, schemaType: "CollectionPage" },
          { title: t("tag.title", { tag: tag.name }), description: t("tag.description", { tag: tag.name }) },
          topicAlternates(factory, edition, tag, topics),
        ),
      );
    }
    views.push(
      factory.make(
        edition,
        "archive",
        { url: routes.archive(), years: edition.years, schemaType: "CollectionPage" },
        { title: t("archive.title"), description: t("archive.description") },
        archives,
      ),
    );
    views.push(
      factory.make(
        edition,
        "not-found",
        { url: routes.notFound(), noindex: true },
        { title: t("notFound.title"), description: t("notFound.description") },
        notFounds,
      ),
    );
  }
  return views;
}
