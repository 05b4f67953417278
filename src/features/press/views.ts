// The press room page of each language that has press data (/fr/presse/, /en/press/).
import type { ViewBuilder } from "../../core/model/views.ts";
import type { View } from "../../core/model/types.ts";
import type { PressRoom } from "./room.ts";

declare module "../../core/model/types.ts" {
  interface ViewKinds {
    "press-room": { room: PressRoom };
  }
}

export const pressViews: ViewBuilder = (factory) => {
  const rooms = factory.everyLanguage((section) => section.press?.url);
  return factory.sections.flatMap((section): View[] => {
    const room = section.press;
    if (!room) return [];
    const text = { title: section.strings.t("press.title"), description: section.strings.t("press.description") };
    return [factory.make(section, "press-room", { url: room.url, room }, text, rooms)];
  });
};
