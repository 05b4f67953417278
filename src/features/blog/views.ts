// The blog's pages: the root language choice, and per language the home, posts, pages, lists, topics, archive and 404.
import { ROOT_URL, type ViewBuilder } from "../../core/model/views.ts";
import type { View } from "../../core/model/types.ts";

const HOME_LATEST = 6;

export const blogViews: ViewBuilder = (factory) => {
  const { sections, site, defaultSection } = factory;
  const views: View[] = [];
  const homes = factory.everyLanguage((s) => s.routes.home());
  const lists = factory.everyLanguage((s) => s.routes.list());
  const tagIndexes = factory.everyLanguage((s) => s.routes.tags());
  const archives = factory.everyLanguage((s) => s.routes.archive());
  const notFounds = factory.everyLanguage((s) => s.routes.notFound());

  // The root offers every language and sends the reader to the default one, on any static host.
  views.push(factory.make(defaultSection, "language-choice", { url: ROOT_URL, redirect: defaultSection.routes.home(), bare: true }, { title: factory.everyText("site.title"), description: defaultSection.strings.t("site.description") }, homes, ROOT_URL));
  views.push(factory.make(defaultSection, "root-not-found", { url: "/404.html", bare: true, noindex: true }, { title: factory.everyText("notFound.title"), description: factory.everyText("notFound.description") }));

  for (const section of sections) {
    const { routes, posts } = section;
    const t = (key: string, values?: Record<string, string | number>) => section.strings.t(key, values);
    const featured = posts.find((post) => post.kind === "announcement");
    const latest = posts.filter((p) => p !== featured).slice(0, HOME_LATEST);
    views.push(factory.make(section, "home", { url: routes.home(), featured, latest }, { title: t("site.title"), description: t("site.description") }, homes, ROOT_URL));

    for (const post of posts) {
      const alternates = [{ lang: post.lang, url: post.url }, ...post.translations.map((tr) => ({ lang: tr.lang, url: tr.url }))];
      views.push(factory.make(section, "post", { url: post.url, post }, { title: post.title, description: post.description }, alternates));
    }
    for (const page of section.pages.values()) {
      views.push(factory.make(section, "page", { url: page.url, page }, { title: page.title, description: page.description }, factory.everyLanguage((s) => s.pages.get(page.translationKey)?.url)));
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
      views.push(factory.make(section, "list", fields, { title, description: t("list.description") }, pageNumber === 1 ? lists : []));
    }

    views.push(factory.make(section, "tags", { url: routes.tags(), tags: section.tags }, { title: t("tags.title"), description: t("tags.description") }, tagIndexes));
    for (const tag of section.tags) {
      views.push(factory.make(section, "tag", { url: tag.url, tag }, { title: t("tag.title", { tag: tag.name }), description: t("tag.description", { tag: tag.name }) }));
    }
    views.push(factory.make(section, "archive", { url: routes.archive(), years: section.years }, { title: t("archive.title"), description: t("archive.description") }, archives));
    views.push(factory.make(section, "not-found", { url: routes.notFound(), noindex: true }, { title: t("notFound.title"), description: t("notFound.description") }, notFounds));
  }
  return views;
};
