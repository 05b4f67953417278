// The production build: Eleventy into a temporary folder, minified and precompressed, swapped into place only when everything succeeded.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { withAtomicOutput } from "./atomic-output.ts";
import { OutputFinisher } from "./finish-output.ts";
import { pruneCache } from "./cache.ts";
import { type BuildSummary, countOutputs } from "./summary.ts";
import { latestSiteModel } from "../model/plugin.ts";

export interface BuildSiteOptions {
  /** Project root holding eleventy.config.ts, posts/ and _data/. */
  root: string;
  /** Where the site goes; `_site` by default. */
  outputDir: string;
  quiet?: boolean;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outputDir = path.resolve(options.root, options.outputDir);
  return withAtomicOutput(outputDir, async (tempDir) => {
    const eleventy = new Eleventy(options.root, tempDir, {
      configPath: path.join(options.root, "eleventy.config.ts"),
      quietMode: options.quiet ?? true,
      runMode: "build",
    });
    // The CLI reports errors itself, one line per problem, instead of Eleventy's stack traces.
    if (options.quiet ?? true) eleventy.disableLogger();
    await eleventy.write();
    // Pages were finished as they were written; feeds, calendars, sitemap and the rest are finished here.
    const finisher = new OutputFinisher(options.root);
    await finisher.finishTree(tempDir).finally(() => finisher.close());
    await pruneCache(options.root);
    const outputs = await countOutputs(tempDir);
    const warnings = latestSiteModel()?.warnings.length ?? 0;
    return { ...outputs, warnings, seconds: (performance.now() - started) / 1000 };
  });
}
