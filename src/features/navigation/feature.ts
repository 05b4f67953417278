// Menus, footer and the home page's call to action from _data/navigation.yaml: one line per link, in every language, checked against the site.
import { readDataFile } from "../../core/content/data-files.ts";
import type { Problem } from "../../core/content/problems.ts";
import { msg } from "../../core/i18n/message.ts";
import { defineFeature } from "../../core/feature.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { checkNavigation, sectionsOf } from "./check.ts";
import { NAVIGATION, type NavLink, navigationFor, resolve } from "./links.ts";
import { DEFAULT_NAVIGATION, NAVIGATION_FILE, type NavigationSource, navigationSchema } from "./schema.ts";

export default defineFeature<NavigationSource>({
  name: "navigation",
  watch: [NAVIGATION_FILE],
  async load(context, content, problems) {
    const source = await readDataFile(context.root, NAVIGATION_FILE, navigationSchema, problems, { optional: true });
    if (source) return source;
    const sections = sectionsOf(content);
    const declared = (links: NavigationSource["menu"]) => links.filter((link) => sections.includes(link.section ?? ""));
    return { menu: declared(DEFAULT_NAVIGATION.menu), footer: declared(DEFAULT_NAVIGATION.footer) };
  },
  check: (content, source) => checkNavigation(source, content),
  link(model, source) {
    const defaultLanguage = model.languages[0]?.code ?? "";
    for (const edition of model.editions) NAVIGATION.set(edition, navigationFor(source, edition, defaultLanguage));
  },
  sections: {
    // What the collective asks readers to do (come, join, donate), near the top of the home page.
    home: (edition) => {
      const callToAction = NAVIGATION.require(edition).callToAction;
      return callToAction && { template: "partials/call-to-action.njk", data: callToAction };
    },
  },
  filters: {
    /** `{% for link in links | reachable %}`: leaves out the links to a page this site does not have in that language. */
    reachable(links: NavLink[]) {
      const model = modelFrom(this);
      return links.filter((link) => link.external || model.viewAt(link.url));
    },
  },
  // A link that leads to no page in any language is a mistake (a press room nobody has, a page still a draft).
  checkOutputs(_outputs, model) {
    const source = model.data("navigation") as NavigationSource;
    const defaultLanguage = model.defaultLanguage.code;
    const lists: [string, NavigationSource["menu"]][] = [
      ["menu", source.menu],
      ["footer", source.footer],
      ["callToAction.links", source.callToAction?.links ?? []],
    ];
    return lists.flatMap(([name, links]) =>
      links.flatMap((link, index): Problem[] => {
        const urls = Object.values(model.editions).flatMap((edition) => resolve(link, edition, defaultLanguage) ?? []);
        if (urls.some((resolved) => resolved.external || model.viewAt(resolved.url))) return [];
        return [
          {
            file: NAVIGATION_FILE,
            field: `${name}.${index}`,
            severity: "error",
            message: urls.length
              ? msg`leads to ${urls.map((resolved) => resolved.url).join(", ")}, a page the site does not have in any language (expected a section or page that is published, e.g. - section: events)`
              : msg`leads to no page in any language (expected a section or page that is published, e.g. - section: events)`,
          },
        ];
      }),
    );
  },
});
