// tract inside Eleventy: registers the features' filters and watched folders, then builds the model and writes every output after each Eleventy build.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { BuildSession } from "../build/build-memo.ts";
import { SiteBuild } from "../build/site-build.ts";
import { environmentKey } from "../build/environment.ts";
import { consoleLogger, createContext } from "../context.ts";
import { CONTENT_FOLDERS } from "../content/load.ts";
import { siteLanguage, siteTimeZone } from "../content/data-files.ts";
import { messagesIn, writerLanguage } from "../i18n/catalogue.ts";
import { PreviewErrors } from "./preview-errors.ts";
import { buildClock } from "../dates/parse.ts";
import { FeatureRegistry } from "../feature.ts";
import type { Feature } from "../contract.ts";
import { loadSiteModel } from "../model/load-model.ts";
import { CORE_FILTERS } from "../render/filters.ts";
import type { TemplateRenderer } from "../contract.ts";

/** The event a production build (src/core/build/build-site.ts) listens to, to write the site into a release itself. */
export const SITE_BUILT = "tract.site-built";

export interface TractOptions {
  features: readonly Feature<unknown>[];
}

export default function tractPlugin(eleventyConfig: UserConfig, options: TractOptions): void {
  const registry = new FeatureRegistry(options.features);
  const session = new BuildSession();
  const previewErrors = new PreviewErrors();
  let renderer: TemplateRenderer | undefined;

  for (const [name, filter] of [...Object.entries(CORE_FILTERS), ...registry.filters])
    eleventyConfig.addFilter(name, filter as never);
  // Eleventy renders no file of the project: every page is a view of the model (a page dropped elsewhere is reported by the build).
  eleventyConfig.ignores.add("**/*.njk");
  for (const watched of [...Object.values(CONTENT_FOLDERS), "_data", ...registry.watched])
    eleventyConfig.addWatchTarget(`./${watched}/`);
  // Pages come from the model, not from Eleventy templates: this one empty template only makes Eleventy create its
  // Nunjucks environment (with every filter), which renders them. It is never written (no permalink).
  eleventyConfig.addTemplate("tract/environment.njk", "", { permalink: false, eleventyExcludeFromCollections: true });
  eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
    renderer = environment;
  });
  // While a save breaks the preview, the dev server answers every page with the problems (see preview-errors.ts).
  eleventyConfig.setServerOptions({ middleware: [previewErrors.middleware] });

  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (!renderer) throw new Error("Eleventy's Nunjucks environment was not created");
    session.nextBuild();
    const production = runMode === "build";
    const root = path.resolve(directories.input);
    const messages = messagesIn(writerLanguage(await siteLanguage(root), process.env));
    const context = createContext({
      root,
      now: buildClock(await siteTimeZone(root)),
      mode: production ? "production" : "preview",
      session,
      log: consoleLogger(messages),
    });
    if (!production) {
      try {
        await new SiteBuild(await loadSiteModel(context, registry), renderer, context).writePreview(directories.output);
        previewErrors.succeeded();
      } catch (error) {
        // The preview goes on: the browser shows what to fix, and the next save rebuilds.
        previewErrors.failed(error, messages);
      }
      return;
    }
    const build = new SiteBuild(await loadSiteModel(context, registry), renderer, context);
    // `npm run build` writes a release of its own; any other production run of Eleventy writes into its output folder.
    const handled = await eleventyConfig.emit(SITE_BUILT, build);
    if (handled.length === 0) await build.writeProduction(directories.output, await environmentKey(root));
  });
}
