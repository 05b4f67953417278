// schema.org JSON-LD for each page: BlogPosting / NewsArticle for posts, WebSite for homes, WebPage or CollectionPage otherwise.
import type { SiteModel } from "../../core/model/site-model.ts";
import type { View } from "../../core/model/types.ts";
import { isoDateTime } from "../../core/dates/format.ts";
import { eventStructuredData } from "../events/structured-data.ts";

type JsonLd = Record<string, unknown>;

const COLLECTION_TYPES = new Set<View["type"]>(["list", "tag", "tags", "archive", "events", "rebuttals"]);

export function structuredData(view: View, model: SiteModel): JsonLd {
  const section = model.section(view.lang);
  const t = (key: string) => section.strings.t(key);
  const abs = (url: string) => model.absoluteUrl(url);
  const website = { "@type": "WebSite", "@id": `${abs(section.routes.home())}#website`, name: t("site.title"), url: abs(section.routes.home()), inLanguage: view.lang };
  const publisher = { "@type": "Organization", name: t("site.title"), url: abs(section.routes.home()), logo: abs(model.site.image) };
  const base = { "@context": "https://schema.org", url: abs(view.url), inLanguage: view.lang, description: view.description };

  switch (view.type) {
    case "home":
      return { ...base, ...website, publisher };
    case "post": {
      const { post } = view;
      return {
        ...base,
        "@type": post.kind === "press-release" ? "NewsArticle" : "BlogPosting",
        headline: post.title,
        datePublished: isoDateTime(post.date, model.site.timezone),
        dateModified: isoDateTime(post.updated ?? post.date, model.site.timezone),
        author: { "@type": "Organization", name: post.author },
        publisher,
        image: abs(post.image ?? model.site.image),
        keywords: post.tags.map((tag) => tag.name).join(", "),
        mainEntityOfPage: abs(post.url),
        isPartOf: { "@id": website["@id"] },
      };
    }
    case "event":
      return { ...base, ...eventStructuredData(view.event, model) };
    default:
      return { ...base, "@type": COLLECTION_TYPES.has(view.type) ? "CollectionPage" : "WebPage", name: view.title, isPartOf: website };
  }
}

/** JSON for a <script type="application/ld+json"> block: nothing in it can close the element or start markup. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
