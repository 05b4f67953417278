// Eleventy plugin: every HTML page is a view of the site model, rendered by `_includes/views/<type>.njk` inside the base layout.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { modelOfCurrentBuild } from "../model/plugin.ts";
import { OutputFinisher } from "../build/finish-output.ts";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type TemplateRenderer, outputFile, writeViews } from "./write-views.ts";
import { PreviewRenders } from "./preview-renders.ts";

async function writePreviewPage(file: string, content: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  let renderer: TemplateRenderer | undefined;
  const previewRenders = new PreviewRenders();
  eleventyConfig.on("eleventy.beforeWatch", (changedFiles) => previewRenders.filesChanged(changedFiles));
  // Eleventy's Nunjucks environment, with every filter the plugins add: pages render exactly as its templates would.
  eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
    renderer = environment;
  });
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!renderer) throw new Error("Eleventy's Nunjucks environment was not created");
    const model = await modelOfCurrentBuild();
    if (runMode !== "build") {
      const views = previewRenders.viewsToRender(model, (view) => existsSync(outputFile(directories.output, view)));
      await writeViews(views, model, renderer, directories.output, writePreviewPage);
      return;
    }
    // Production: each page minified and precompressed as it is written (see src/core/build/finish-output.ts).
    const finisher = new OutputFinisher(process.cwd());
    try {
      await writeViews(model.views, model, renderer, directories.output, (file, content) => finisher.write(file, content));
    } finally {
      await finisher.close();
    }
  });
  eleventyConfig.addTemplate("tract/sitemap.njk", `{% include "views/sitemap.xml.njk" %}`, { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("tract/robots.njk", `{% include "views/robots.txt.njk" %}`, { permalink: "/robots.txt", eleventyExcludeFromCollections: true });
}
