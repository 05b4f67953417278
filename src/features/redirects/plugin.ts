// Eleventy plugin: server-side redirect maps for renamed pages (nginx `map` include and the `_redirects` file of static hosts).
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { modelFrom } from "../../core/i18n/plugin.ts";
import { redirectPairs } from "./views.ts";
import { addressForms } from "./aliases.ts";

export default function redirectsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("redirectPairs", function () {
    // Every form a browser may ask for an old address in: with and without the final slash, and its index.html.
    return redirectPairs(modelFrom(this).views).flatMap(({ from, to }) => addressForms(from).map((path) => ({ from: path, to })));
  });
  eleventyConfig.addFilter("nginxString", (value: string) => `"${value.replace(/[\\"]/g, "\\$&")}"`);
  const templates = { "nginx-redirects.map": "/_server/redirects.map", "nginx-languages.map": "/_server/languages.map", "redirects.txt": "/_redirects" };
  for (const [template, permalink] of Object.entries(templates)) {
    eleventyConfig.addTemplate(`tract/${template}.njk`, `{% include "server/${template}.njk" %}`, { permalink, eleventyExcludeFromCollections: true });
  }
}
