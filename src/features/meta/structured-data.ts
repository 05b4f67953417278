// schema.org JSON-LD for each page: BlogPosting / NewsArticle for posts, WebSite for homes, WebPage or CollectionPage otherwise.
import type { SiteModel } from "../../core/contract.ts";
import { PICTURES } from "../../core/media/picture-service.ts";
import type { Post, View } from "../../core/model/types.ts";

type JsonLd = Record<string, unknown>;

export function structuredData(view: View, model: SiteModel): JsonLd {
  const edition = model.edition(view.lang);
  const t = (key: string) => edition.strings.t(key);
  const abs = (url: string) => model.absoluteUrl(url);
  const website = {
    "@type": "WebSite",
    "@id": `${abs(edition.routes.home())}#website`,
    name: t("site.title"),
    url: abs(edition.routes.home()),
    inLanguage: view.lang,
  };
  const publisher = {
    "@type": "Organization",
    name: t("site.title"),
    url: abs(edition.routes.home()),
    logo: abs(model.site.logo ?? model.site.image),
  };
  const base = {
    "@context": "https://schema.org",
    url: abs(view.url),
    inLanguage: view.lang,
    description: view.description,
  };

  const own = model.registry.structuredData(view.type);
  if (own) return { ...base, ...own(view, model) };
  switch (view.type) {
    case "home":
      return { ...base, ...website, publisher };
    case "post": {
      const post = view.post as Post;
      return {
        ...base,
        "@type": model.registry.kind(post.kind)?.schemaType ?? "BlogPosting",
        headline: post.title,
        datePublished: model.dates.iso(post.date),
        dateModified: model.dates.iso(post.updated ?? post.date),
        // The collective by default (its name, and its home as its address); a name given in `author:` is a person's.
        author:
          post.author === t("site.author")
            ? { ...publisher, name: post.author }
            : { "@type": "Person", name: post.author },
        publisher,
        // A rendition at web size: the picture itself is published whole, at its full resolution.
        image: abs(
          (post.image && PICTURES.get(model)?.picture(post.image)?.widest.url) ?? post.image ?? model.site.image,
        ),
        keywords: post.tags.length ? post.tags.map((tag) => tag.name).join(", ") : undefined,
        mainEntityOfPage: abs(post.url),
        isPartOf: { "@id": website["@id"] },
      };
    }
    default:
      return { ...base, "@type": view.schemaType ?? "WebPage", name: view.title, isPartOf: website };
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
