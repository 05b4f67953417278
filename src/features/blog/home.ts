// Each language's home: what to do next first (the blocks features add, e.g. the next events and a call to action), then the posts.
import type { ModelBuilder, PageSection } from "../../core/contract.ts";
import { newest, newestPost } from "../../core/dates/newest.ts";
import type { Edition, Post, View } from "../../core/model/types.ts";
import type { ViewFactory } from "../../core/model/views.ts";

const HOME_LATEST = 6;

export interface HomeView extends View {
  type: "home";
  /** What features add to the home page (`sections.home`), shown before the posts. */
  sections: PageSection[];
  featured?: Post | undefined;
  latest: Post[];
}

/** The newest post of a featured kind that is still current: an announcement is no longer featured once its event is over. */
function featuredPost(edition: Edition, model: ModelBuilder): Post | undefined {
  const kinds = new Map(model.registry.kinds.filter((kind) => kind.featured).map((kind) => [kind.name, kind]));
  return edition.posts.find((post) => {
    const until = kinds.get(post.kind)?.featuredUntil?.(post, model);
    return kinds.has(post.kind) && (!until || until > model.context.now);
  });
}

export function homeView(factory: ViewFactory, model: ModelBuilder, edition: Edition): View {
  const t = (key: string) => edition.strings.t(key);
  const sections = model.sections("home", edition);
  const featured = featuredPost(edition, model);
  const latest = edition.posts.filter((post) => post !== featured).slice(0, HOME_LATEST);
  const lastmod = newest(
    newestPost(featured ? [featured, ...latest] : latest),
    ...sections.map((section) => section.lastmod),
  );
  return factory.make(
    edition,
    "home",
    { url: edition.routes.home(), sections, featured, latest, lastmod },
    { title: t("site.title"), description: t("site.description") },
    factory.everyLanguage((e) => e.routes.home()),
  );
}
