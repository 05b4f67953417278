// The core's template filters (UI strings, dates) and how a filter finds the site model in the template's data.
import type { SiteModel } from "../contract.ts";
import type { TemplateFilter } from "../contract.ts";
import type { DateStyle, DateValue } from "../dates/format.ts";

/** The site model, as Nunjucks passes the template's data to filters in `this.ctx`. */
export function modelFrom(context: { ctx?: Record<string, unknown> }): SiteModel {
  const model = context.ctx?.tract as SiteModel | undefined;
  if (!model) throw new Error("the site model `tract` is not in this template's data");
  return model;
}

export const CORE_FILTERS: Record<string, TemplateFilter> = {
  /** `{{ "nav.posts" | t(lang) }}`: a UI string of a language, with `{name}` placeholders filled. */
  t(key: string, lang: string, values?: Record<string, string | number>) {
    return modelFrom(this).edition(lang).strings.t(key, values);
  },
  /** `{{ post.date | date(lang, "long") }}`: a date for readers of a language. */
  date(value: DateValue, lang: string, style: DateStyle = "long") {
    const model = modelFrom(this);
    return model.dates.format(value, model.edition(lang).language.locale, style);
  },
  /** `{{ value | nginxString | safe }}`: a value as an nginx string (the server maps the build writes). */
  nginxString(value: string) {
    return `"${value.replace(/[\\"]/g, "\\$&")}"`;
  },
  /** `{{ post.date | isoDate }}`: for `<time datetime>` and machine-readable data. */
  isoDate(value: DateValue) {
    return modelFrom(this).dates.iso(value);
  },
};
