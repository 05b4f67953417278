// Eleventy plugin: minifies HTML output in production builds (HTML only; CSS, feeds and data files are left alone).
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { minify } from "html-minifier-terser";

const OPTIONS = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  decodeEntities: false,
  sortAttributes: false,
};

export default function minifyPlugin(eleventyConfig: UserConfig): void {
  if (process.env.ELEVENTY_RUN_MODE !== "build") return;
  eleventyConfig.addTransform("tract-minify-html", async function (content, outputPath) {
    return typeof outputPath === "string" && outputPath.endsWith(".html") ? minify(content, OPTIONS) : content;
  });
}
