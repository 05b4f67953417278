// Eleventy plugin: the `t` filter for UI strings of a language, read from the site model in the template's context.
import type { FilterContext, UserConfig } from "@11ty/eleventy/UserConfig";
import type { SiteModel } from "../model/site-model.ts";

/** The site model, as Nunjucks passes the template's data to filters in `this.ctx`. */
export function modelFrom(context: FilterContext): SiteModel {
  const model = (context as FilterContext & { ctx?: { tract?: SiteModel } }).ctx?.tract;
  if (!model) throw new Error("the site model `tract` is not in this template's data");
  return model;
}

export default function i18nPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("t", function (key: string, lang: string, values?: Record<string, string | number>) {
    return modelFrom(this).section(lang).strings.t(key, values);
  });
}
