// The blog's pages: the root language choice, and per language the home, posts, pages, the lists (lists.ts) and 404.
import type { ModelBuilder } from "../../core/contract.ts";
import type { Alternate, Edition, Page, Post, TagRef, View } from "../../core/model/types.ts";
import { slugify } from "../../core/content/slug.ts";
import { changed } from "../../core/dates/newest.ts";
import { sameSlugTopics } from "../../core/model/topics.ts";
import type { Topics } from "./topics.ts";
import { ROOT_URL, type ViewFactory } from "../../core/model/views.ts";
import { homeView } from "./home.ts";
import { listViews } from "./lists.ts";

export type { HomeView } from "./home.ts";
export interface PostView extends View {
  type: "post";
  post: Post;
}
export interface PageView extends View {
  type: "page";
  page: Page;
}

/** A topic's page in every language that publishes the same topic: paired in _data/topics.yaml, or else of the same slug. */
function topicAlternates(factory: ViewFactory, edition: Edition, tag: TagRef, topics: Topics | undefined): Alternate[] {
  const topic = topics?.of(edition.language.code, tag.name);
  if (!topic) return sameSlugTopics(factory.editions, edition, tag);
  return factory.everyLanguage((other) => {
    const name = topic[other.language.code];
    return name === undefined ? undefined : other.tags.find((found) => found.slug === slugify(name))?.url;
  });
}

export function blogViews(factory: ViewFactory, model: ModelBuilder): View[] {
  const topics = model.content.data.get("blog") as Topics | undefined;
  const { editions, defaultEdition } = factory;
  const views: View[] = [];
  const homes = factory.everyLanguage((e) => e.routes.home());
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

    views.push(...listViews(factory, edition, (tag) => topicAlternates(factory, edition, tag, topics)));
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
