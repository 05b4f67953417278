// The production build: Eleventy into a temporary folder, swapped into place only when everything succeeded.
import Eleventy from "@11ty/eleventy";
import path from "node:path";
import { withAtomicOutput } from "./atomic-output.ts";

export interface BuildSiteOptions {
  /** Project root holding eleventy.config.ts, posts/ and _data/. */
  root: string;
  /** Where the site goes; `_site` by default. */
  outputDir: string;
  quiet?: boolean;
}

export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const outputDir = path.resolve(options.root, options.outputDir);
  await withAtomicOutput(outputDir, async (tempDir) => {
    const eleventy = new Eleventy(options.root, tempDir, {
      configPath: path.join(options.root, "eleventy.config.ts"),
      quietMode: options.quiet ?? true,
      runMode: "build",
    });
    // The CLI reports errors itself, one line per problem, instead of Eleventy's stack traces.
    if (options.quiet ?? true) eleventy.disableLogger();
    await eleventy.write();
  });
}
