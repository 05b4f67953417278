// The press room page of each language that has press data (/fr/presse/, /en/press/), with its latest releases, and every release page by page.
import { newestPost } from "../../core/dates/newest.ts";
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { type ListPage, paginate } from "../../core/model/pagination.ts";
import { PRESS_ROOM, type PressRelease, type PressRoom } from "./room.ts";

export interface PressRoomView extends View {
  type: "press-room";
  room: PressRoom;
  /** The newest releases (as many as a page of posts holds): the others are on the list of releases. */
  latest: PressRelease[];
}

export interface PressReleasesView extends View, ListPage<PressRelease> {
  type: "press-releases";
}

export function pressViews(factory: ViewFactory): View[] {
  const rooms = factory.everyLanguage((edition) => PRESS_ROOM.get(edition)?.url);
  const lists = factory.everyLanguage((edition) => PRESS_ROOM.get(edition)?.releasesUrl);
  const perPage = factory.site.postsPerPage;
  return factory.editions.flatMap((edition): View[] => {
    const room = PRESS_ROOM.get(edition);
    if (!room) return [];
    const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
    const text = { title: t("press.title"), description: t("press.description") };
    const latest = room.releases.slice(0, perPage);
    return [
      factory.make(edition, "press-room", { url: room.url, room, latest, lastmod: room.updated }, text, rooms),
      ...paginate(factory, {
        edition,
        type: "press-releases",
        items: room.releases,
        perPage,
        firstUrl: room.releasesUrl,
        title: (n, total) => (n === 1 ? t("pressReleases.title") : t("pressReleases.titlePage", { n, total })),
        description: t("pressReleases.description"),
        alternates: lists,
        fields: { schemaType: "CollectionPage" },
        lastmod: (releases) => newestPost(releases.map(({ post }) => post)),
      }),
    ];
  });
}
