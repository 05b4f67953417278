// What every page view shares (alternates, x-default, language switcher), made by one factory for every feature's views.
import type { SiteConfig } from "../content/schema.ts";
import type { Alternate, Edition, LanguageLink, View, ViewBase } from "./types.ts";

export const ROOT_URL = "/";

/**
 * hreflang set of a page: its language versions, plus x-default, the default language's version. Never `/`: it only
 * sends readers on, and its canonical address is the default language's home.
 */
function withDefault(alternates: Alternate[], defaultLang: string): Alternate[] {
  const fallback = alternates.find((a) => a.lang === defaultLang)?.url;
  return alternates.length > 1 && fallback ? [...alternates, { lang: "x-default", url: fallback }] : alternates;
}

/** Makes views: the shared fields come from the page's own URL and its equivalents in other languages. */
export class ViewFactory {
  constructor(
    readonly editions: Edition[],
    readonly site: SiteConfig,
  ) {}

  get defaultEdition(): Edition {
    const [first] = this.editions;
    if (!first) throw new Error("no language is declared");
    return first;
  }

  /** The same kind of page in every language that has one: they are each other's alternates. */
  everyLanguage(urlOf: (edition: Edition) => string | undefined): Alternate[] {
    return this.editions.flatMap((edition) => {
      const url = urlOf(edition);
      return url ? [{ lang: edition.language.code, url }] : [];
    });
  }

  /** A UI string in every language, joined: for the root pages that speak them all. */
  everyText(key: string): string {
    return this.editions.map((edition) => edition.strings.t(key)).join(" / ");
  }

  private languageLinks(lang: string, alternates: Alternate[]): LanguageLink[] {
    return this.editions.map((edition) => {
      const code = edition.language.code;
      const match = alternates.find((alternate) => alternate.lang === code);
      return {
        lang: code,
        name: edition.language.name,
        url: match?.url ?? edition.routes.home(),
        current: code === lang,
        translated: Boolean(match),
      };
    });
  }

  /**
   * A view of `type` at `fields.url`. `alternates` lists the same page in other languages (empty when it has
   * none: the language switcher then leads to the other languages' homes).
   */
  make<
    Fields extends { url: string } & Partial<
      Pick<ViewBase, "noindex" | "redirect" | "bare" | "schemaType" | "origin" | "lastmod">
    >,
  >(
    edition: Edition,
    type: string,
    fields: Fields,
    text: { title: string; description: string },
    alternates: Alternate[] = [],
  ): View & Fields {
    const lang = edition.language.code;
    const own = alternates.some((a) => a.lang === lang) ? alternates : [{ lang, url: fields.url }];
    const base: ViewBase = {
      lang,
      url: fields.url,
      ...text,
      alternates: withDefault(own, this.defaultEdition.language.code),
      languageLinks: this.languageLinks(lang, own),
    };
    return { ...base, ...fields, type } as View & Fields;
  }
}
