// Eleventy plugin: every HTML page is a view of the site model, rendered by `_includes/views/<type>.njk` inside the base layout.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { modelOfCurrentBuild } from "../collections/plugin.ts";
import { OutputFinisher } from "../build/finish-output.ts";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type TemplateRenderer, outputFile, writeViews } from "./write-views.ts";
import { PreviewRenders } from "./preview-renders.ts";

/**
 * The dev server's writes: a page whose HTML has not changed since the last build is not written again, so saving
 * one post writes the few pages it appears on rather than every page of the site.
 */
function unchangedPagesSkipped(): (file: string, content: Buffer) => Promise<void> {
  const written = new Map<string, string>();
  return async (file, content) => {
    const hash = createHash("sha1").update(content).digest("base64");
    // Still written if it went missing, say with the whole output folder deleted while the server runs.
    if (written.get(file) === hash && existsSync(file)) return;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    written.set(file, hash);
  };
}

export default function pagesPlugin(eleventyConfig: UserConfig): void {
  let renderer: TemplateRenderer | undefined;
  const writeInPreview = unchangedPagesSkipped();
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
      await writeViews(views, model, renderer, directories.output, writeInPreview);
      return;
    }
    // Production: each page minified and precompressed as it is written (see src/build/finish-output.ts).
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
