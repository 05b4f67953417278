// The press room page of each language that has press data (/fr/presse/, /en/press/).
import type { View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";
import { PRESS_ROOM, type PressRoom } from "./room.ts";

export interface PressRoomView extends View {
  type: "press-room";
  room: PressRoom;
}

export function pressViews(factory: ViewFactory): View[] {
  const rooms = factory.everyLanguage((edition) => PRESS_ROOM.get(edition)?.url);
  return factory.editions.flatMap((edition): View[] => {
    const room = PRESS_ROOM.get(edition);
    if (!room) return [];
    const text = { title: edition.strings.t("press.title"), description: edition.strings.t("press.description") };
    return [factory.make(edition, "press-room", { url: room.url, room, lastmod: room.updated }, text, rooms)];
  });
}
