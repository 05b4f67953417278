// Eleventy plugin: date filters in the reader's language and the site's time zone.
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import type { DateTime } from "luxon";
import { modelFrom } from "../i18n/plugin.ts";
import { type DateStyle, formatDate, isoDateTime } from "./format.ts";

export default function datesPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("date", function (value: DateTime | Date | string, lang: string, style: DateStyle = "long") {
    const model = modelFrom(this);
    return formatDate(value, model.section(lang).language.locale, model.site.timezone, style);
  });
  eleventyConfig.addFilter("isoDate", function (value: DateTime | Date | string) {
    return isoDateTime(value, modelFrom(this).site.timezone);
  });
}
