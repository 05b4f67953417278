// The blog's lists of one language: every post page by page, the topics and each topic page by page, the archive by year.
import type { Alternate, Edition, Post, TagRef, View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { type ListPage, paginate } from "../../core/model/pagination.ts";
import { newestPost } from "../../core/dates/newest.ts";

export interface ListView extends View, ListPage<Post> {
  type: "list";
}
export interface TagView extends View, ListPage<Post> {
  type: "tag";
  tag: TagRef;
}
export interface TagsView extends View {
  type: "tags";
  tags: { name: string; url: string; count: number }[];
}
export interface ArchiveView extends View {
  type: "archive";
  years: { year: number; url: string; count: number }[];
  latest: Post[];
}
export interface ArchiveYearView extends View, ListPage<Post> {
  type: "archive-year";
  year: number;
}

const COLLECTION = { schemaType: "CollectionPage" } as const;

/** `topicAlternates`: the same topic's first page in every language (itself included). */
export function listViews(
  factory: ViewFactory,
  edition: Edition,
  topicAlternates: (tag: TagRef) => Alternate[],
): View[] {
  const { site } = factory;
  const { routes, posts } = edition;
  const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
  const pageTitle = (first: string, later: (n: number, total: number) => string) => (n: number, total: number) =>
    n === 1 ? first : later(n, total);

  const list = paginate(factory, {
    edition,
    type: "list",
    items: posts,
    perPage: site.postsPerPage,
    firstUrl: routes.list(),
    title: pageTitle(t("list.title"), (n, total) => t("list.titlePage", { n, total })),
    description: t("list.description"),
    alternates: factory.everyLanguage((e) => e.routes.list()),
    fields: COLLECTION,
    lastmod: newestPost,
  });

  const topicIndex = factory.make(
    edition,
    "tags",
    {
      url: routes.tags(),
      tags: edition.tags.map((tag) => ({ name: tag.name, url: tag.url, count: tag.posts.length })),
      lastmod: newestPost(posts),
      ...COLLECTION,
    },
    { title: t("tags.title"), description: t("tags.description") },
    factory.everyLanguage((e) => e.routes.tags()),
  );
  const topics = edition.tags.flatMap((tag) => {
    const ref: TagRef = { name: tag.name, slug: tag.slug, url: tag.url };
    return paginate(factory, {
      edition,
      type: "tag",
      items: tag.posts,
      perPage: site.postsPerPage,
      firstUrl: tag.url,
      title: pageTitle(t("tag.title", { tag: tag.name }), (n, total) =>
        t("paging.tagTitle", { tag: tag.name, n, total }),
      ),
      description: t("tag.description", { tag: tag.name }),
      alternates: topicAlternates(ref),
      fields: { tag: ref, ...COLLECTION },
      lastmod: newestPost,
    });
  });

  const archive = factory.make(
    edition,
    "archive",
    {
      url: routes.archive(),
      years: edition.years.map(({ year, posts: ofYear }) => ({
        year,
        url: routes.archiveYear(year),
        count: ofYear.length,
      })),
      latest: posts.slice(0, site.postsPerPage),
      lastmod: newestPost(posts),
      ...COLLECTION,
    },
    { title: t("archive.title"), description: t("archive.description") },
    factory.everyLanguage((e) => e.routes.archive()),
  );
  const years = edition.years.flatMap(({ year, posts: ofYear }) =>
    paginate(factory, {
      edition,
      type: "archive-year",
      items: ofYear,
      perPage: site.archivePerPage,
      firstUrl: routes.archiveYear(year),
      title: pageTitle(t("paging.yearTitle", { year }), (n, total) => t("paging.yearTitlePage", { year, n, total })),
      description: t("paging.yearDescription", { year }),
      alternates: factory.everyLanguage((e) =>
        e.years.some((group) => group.year === year) ? e.routes.archiveYear(year) : undefined,
      ),
      fields: { year, ...COLLECTION },
      lastmod: newestPost,
    }),
  );
  return [...list, topicIndex, ...topics, archive, ...years];
}
