// Eleventy plugin: copies the site's own assets (CSS, images) to the output as they are.
import type { UserConfig } from "@11ty/eleventy/UserConfig";

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
}
