// Eleventy plugin: every HTML page is a view of the site model, rendered by `_includes/views/<type>.njk` inside the base layout.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { modelOfCurrentBuild } from "../collections/plugin.ts";
import { OutputFinisher } from "../build/finish-output.ts";
import { type TemplateRenderer, writeViews } from "./write-views.ts";

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  let renderer: TemplateRenderer | undefined;
  // Eleventy's Nunjucks environment, with every filter the plugins add: pages render exactly as its templates would.
  eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
    renderer = environment;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!renderer) throw new Error("Eleventy's Nunjucks environment was not created");
    const model = await modelOfCurrentBuild();
    if (runMode !== "build") {
      await writeViews(model, renderer, directories.output);
      return;
    }
    // Production: each page minified and precompressed as it is written (see src/build/finish-output.ts).
    const finisher = new OutputFinisher(process.cwd());
    try {
      await writeViews(model, renderer, directories.output, (file, content) => finisher.write(file, content));
    } finally {
      await finisher.close();
    }
  });
  eleventyConfig.addTemplate("tract/sitemap.njk", `{% include "views/sitemap.xml.njk" %}`, { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("tract/robots.njk", `{% include "views/robots.txt.njk" %}`, { permalink: "/robots.txt", eleventyExcludeFromCollections: true });
}
