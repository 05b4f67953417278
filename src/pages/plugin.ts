// Eleventy plugin: every HTML page is a view from the site model, rendered by `_includes/views/<type>.njk`.
import type { UserConfig } from "@11ty/eleventy/UserConfig";

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  const viewContext = `{% set lang = view.lang %}{% set section = tract.sections[lang] %}{% set routes = section.routes %}`;
  eleventyConfig.addTemplate("tract/views.njk", `${viewContext}{% include "views/" + view.type + ".njk" %}`, {
    pagination: { data: "tract.views", size: 1, alias: "view", addAllPagesToCollections: false },
    permalink: "{{ view.url }}",
    layout: "layouts/base.njk",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("tract/sitemap.njk", `{% include "views/sitemap.xml.njk" %}`, { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("tract/robots.njk", `{% include "views/robots.txt.njk" %}`, { permalink: "/robots.txt", eleventyExcludeFromCollections: true });
}
