// Lists split into numbered pages (/fr/billets/, /fr/billets/2/ …): the one piece of code every paginated list of the site is made by.
import type { DateTime } from "luxon";
import { numberedPage } from "../i18n/routes.ts";
import type { Alternate, Edition, View, ViewBase } from "./types.ts";
import type { ViewFactory } from "./views.ts";

/** What every page of a paginated list carries: its share of the items, where it stands, and its neighbours. */
export interface ListPage<Item> {
  items: Item[];
  pageNumber: number;
  pageCount: number;
  /** The list's first page: the address feeds, other languages and the language switcher lead to. */
  firstUrl: string;
  /** The first page's title: what the social card every page of the list shares says. */
  firstTitle: string;
  previousUrl?: string | undefined;
  nextUrl?: string | undefined;
}

type SharedFields = Partial<Pick<ViewBase, "noindex" | "schemaType" | "origin">>;

export interface PaginatedList<Item, Fields extends SharedFields> {
  edition: Edition;
  type: string;
  items: readonly Item[];
  perPage: number;
  firstUrl: string;
  /** Each page has a title of its own: page `pageNumber` of `pageCount`. */
  title(pageNumber: number, pageCount: number): string;
  description: string;
  /** The same list in every language that has it, as first pages: the hreflang set of the first page. */
  alternates: Alternate[];
  /** What every page of the list shows besides its items (the topic, the year), and its shared view fields. */
  fields: Fields;
  /** The newest date of some items (see ViewBase.lastmod): each page's, from the items it shows. */
  lastmod?: (items: readonly Item[]) => DateTime | undefined;
}

/** The pages of a list, at least one (an empty list has an empty first page). */
export function paginate<Item, Fields extends SharedFields>(
  factory: ViewFactory,
  list: PaginatedList<Item, Fields>,
): (View & Fields & ListPage<Item>)[] {
  const { firstUrl, perPage } = list;
  const pageCount = Math.max(1, Math.ceil(list.items.length / perPage));
  const firstPages = new Map(list.alternates.map((alternate) => [alternate.lang, alternate.url]));
  return Array.from({ length: pageCount }, (_, index) => {
    const pageNumber = index + 1;
    const page: ListPage<Item> = {
      items: list.items.slice(index * perPage, pageNumber * perPage),
      pageNumber,
      pageCount,
      firstUrl,
      firstTitle: list.title(1, pageCount),
      previousUrl: pageNumber > 1 ? numberedPage(firstUrl, pageNumber - 1) : undefined,
      nextUrl: pageNumber < pageCount ? numberedPage(firstUrl, pageNumber + 1) : undefined,
    };
    const view = factory.make(
      list.edition,
      list.type,
      { ...list.fields, ...page, url: numberedPage(firstUrl, pageNumber), lastmod: list.lastmod?.(page.items) },
      { title: list.title(pageNumber, pageCount), description: list.description },
      pageNumber === 1 ? list.alternates : [],
    );
    if (pageNumber === 1) return view;
    // A later page has no equivalent elsewhere (its hreflang names itself only), but the switcher still leads to the same list.
    return {
      ...view,
      languageLinks: view.languageLinks.map((link) => ({ ...link, url: firstPages.get(link.lang) ?? link.url })),
    };
  });
}

/** The first page of the list a view belongs to, or its own address when it is no page of a list. */
export function firstPageUrl(view: Pick<View, "url"> & { readonly firstUrl?: unknown }): string {
  return typeof view.firstUrl === "string" ? view.firstUrl : view.url;
}

/** The title of the first page of the list a view belongs to, or its own title when it is no page of a list. */
export function firstPageTitle(view: Pick<View, "title"> & { readonly firstTitle?: unknown }): string {
  return typeof view.firstTitle === "string" ? view.firstTitle : view.title;
}
