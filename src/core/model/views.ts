// What every page view shares (alternates, x-default, language switcher), and the registry of view builders.
import type { SiteConfig } from "../content/schema.ts";
import type { Alternate, LanguageLink, LanguageSection, View, ViewBase, ViewKinds } from "./types.ts";

export const ROOT_URL = "/";

/** hreflang set of a page: its language versions, plus x-default (given, or the default language's version). */
function withDefault(alternates: Alternate[], defaultLang: string, xDefault?: string): Alternate[] {
  const fallback = xDefault ?? alternates.find((a) => a.lang === defaultLang)?.url;
  return alternates.length > 1 && fallback ? [...alternates, { lang: "x-default", url: fallback }] : alternates;
}

/** Makes views: the shared fields come from the page's own URL and its equivalents in other languages. */
export class ViewFactory {
  constructor(
    readonly sections: LanguageSection[],
    readonly site: SiteConfig,
  ) {}

  get defaultSection(): LanguageSection {
    const [first] = this.sections;
    if (!first) throw new Error("no language is declared");
    return first;
  }

  /** The same kind of page in every language that has one: they are each other's alternates. */
  everyLanguage(urlOf: (section: LanguageSection) => string | undefined): Alternate[] {
    return this.sections.flatMap((section) => {
      const url = urlOf(section);
      return url ? [{ lang: section.language.code, url }] : [];
    });
  }

  /** A UI string in every language, joined: for the root pages that speak them all. */
  everyText(key: string): string {
    return this.sections.map((s) => s.strings.t(key)).join(" / ");
  }

  private languageLinks(lang: string, alternates: Alternate[]): LanguageLink[] {
    return this.sections.map((section) => {
      const code = section.language.code;
      const match = alternates.find((alternate) => alternate.lang === code);
      return { lang: code, name: section.language.name, url: match?.url ?? section.routes.home(), current: code === lang, translated: Boolean(match) };
    });
  }

  /**
   * A view of kind `type` at `fields.url`. `alternates` lists the same page in other languages (empty when it
   * has none: the language switcher then leads to the other languages' homes).
   */
  make<K extends keyof ViewKinds>(
    section: LanguageSection,
    type: K,
    fields: ViewKinds[K] & { url: string } & Partial<Pick<ViewBase, "noindex">>,
    text: { title: string; description: string },
    alternates: Alternate[] = [],
    xDefault?: string,
  ): View {
    const lang = section.language.code;
    const own = alternates.some((a) => a.lang === lang) ? alternates : [{ lang, url: fields.url }];
    const base: ViewBase = { lang, url: fields.url, ...text, alternates: withDefault(own, this.defaultSection.language.code, xDefault), languageLinks: this.languageLinks(lang, own) };
    return { ...base, ...fields, type } as View;
  }
}

/** A concern's pages (blog, feeds, press room, events…), built from the published model. */
export type ViewBuilder = (factory: ViewFactory) => View[];
