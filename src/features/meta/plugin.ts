// Eleventy plugin: page metadata for search engines and sharing (JSON-LD; Open Graph tags are in partials/meta.njk).
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import type { View } from "../../core/model/types.ts";
import { modelFrom } from "../../core/i18n/plugin.ts";
import { jsonForScript, structuredData } from "./structured-data.ts";

export default function metaPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("jsonLd", function (view: View) {
    return jsonForScript(structuredData(view, modelFrom(this)));
  });
}
