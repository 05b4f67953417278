// The blog's pages: the root language choice, and per language the home, posts, pages, lists, topics, archive and 404.
import type { ModelBuilder } from "../../core/contract.ts";
import { changed, newestPost } from "../../core/dates/newest.ts";
import type { Page, Post, Tag, View, YearGroup } from "../../core/model/types.ts";
import { ROOT_URL, type ViewFactory } from "../../core/model/views.ts";
import { homeView } from "./home.ts";

export type { HomeView } from "./home.ts";
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

export function blogViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const { editions, site, defaultEdition } = factory;
  const views: View[] = [];
  const homes = factory.everyLanguage((e) => e.routes.home());
  const lists = factory.everyLanguage((e) => e.routes.list());
  const tagIndexes = factory.everyLanguage((e) => e.routes.tags());
  const archives = factory.everyLanguage((e) => e.routes.archive());
  const notFounds = factory.everyLanguage((e) => e.routes.notFound());

  // The root offers every language and sends the reader to the default one, on any static host.
  views.push(
    factory.make(
      defaultEdition,
      "language-choice",
      { url: ROOT_URL, redirect: defaultEdition.routes.home(), bare: true },
      { title: factory.everyText("site.title"), description: defaultEdition.strings.t("site.description") },
      homes,
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
    views.push(homeView(factory, model, edition));

    for (const post of posts) {
      const alternates = [
        { lang: post.lang, url: post.url },
        ...post.translations.map((tr) => ({ lang: tr.lang, url: tr.url })),
      ];
      views.push(
        factory.make(
          edition,
          "post",
          { url: post.url, post, lastmod: changed(post), origin: { feature: "blog", file: post.file, field: "slug" } },
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
          { url: page.url, page, lastmod: page.updated, origin: { feature: "blog", file: page.file, field: "slug" } },
          { title: page.title, description: page.description },
          factory.everyLanguage((e) => e.pages.get(page.translationKey)?.url),
        ),
      );
    }

    const pageCount = Math.max(1, Math.ceil(posts.length / site.postsPerPage));
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const title = pageNumber === 1 ? t("list.title") : t("list.titlePage", { n: pageNumber, total: pageCount });
      const shown = posts.slice((pageNumber - 1) * site.postsPerPage, pageNumber * site.postsPerPage);
      const fields = {
        url: routes.list(pageNumber),
        pageNumber,
        pageCount,
        posts: shown,
        lastmod: newestPost(shown),
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
        { url: routes.tags(), tags: edition.tags, schemaType: "CollectionPage", lastmod: newestPost(posts) },
        { title: t("tags.title"), description: t("tags.description") },
        tagIndexes,
      ),
    );
    for (const tag of edition.tags) {
      views.push(
        factory.make(
          edition,
          "tag",
          { url: tag.url, tag, schemaType: "CollectionPage", lastmod: newestPost(tag.posts) },
          { title: t("tag.title", { tag: tag.name }), description: t("tag.description", { tag: tag.name }) },
        ),
      );
    }
    views.push(
      factory.make(
        edition,
        "archive",
        { url: routes.archive(), years: edition.years, schemaType: "CollectionPage", lastmod: newestPost(posts) },
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
