// The rebuttals index: per language, every rebuttal with the official events it answers.
import type { ViewBuilder } from "../../core/model/views.ts";

declare module "../../core/model/types.ts" {
  interface ViewKinds {
    rebuttals: { posts: Post[] };
  }
}

export const rebuttalViews: ViewBuilder = (factory) => {
  const indexes = factory.everyLanguage((s) => s.routes.rebuttals());
  return factory.sections.map((section) =>
    factory.make(section, "rebuttals", { url: section.routes.rebuttals(), posts: section.rebuttals }, { title: section.strings.t("rebuttals.title"), description: section.strings.t("rebuttals.description") }, indexes),
  );
};
