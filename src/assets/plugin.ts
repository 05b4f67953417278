// Eleventy plugin: copies the site's own assets as they are, plus content-hashed copies of CSS and JS for long caching.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { type Fingerprints, fingerprintAssets, writeFingerprinted } from "./fingerprint.ts";

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
  let fingerprints: Fingerprints = new Map();
  // Hashed again at each build, so a stylesheet edited during `npm start` gets a new name.
  eleventyConfig.on("eleventy.before", async () => {
    fingerprints = await fingerprintAssets(process.cwd());
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await writeFingerprinted(process.cwd(), directories.output, fingerprints);
  });
  /** `{{ "/assets/css/site.css" | assetUrl }}` → the hashed name of that file. */
  eleventyConfig.addFilter("assetUrl", (sitePath: string) => {
    const hashed = fingerprints.get(sitePath);
    if (!hashed) throw new Error(`assetUrl: ${sitePath} is not a stylesheet or script under assets/`);
    return hashed;
  });
}
