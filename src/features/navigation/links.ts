// The links of _data/navigation.yaml made for one language: their text in that language, their address, their rel.
import type { Edition } from "../../core/model/types.ts";
import { Slot } from "../../core/slots.ts";
import { typeset } from "../../core/typography/french.ts";
import type { Label, LinkSource, NavigationSource } from "./schema.ts";

export interface NavLink {
  label: string;
  url: string;
  /** Another site or an e-mail address: never marked as the current page. */
  external: boolean;
  rel?: "me" | undefined;
}

export interface Navigation {
  menu: NavLink[];
  footer: NavLink[];
  callToAction?: { text: string; links: NavLink[] } | undefined;
}

/** On each edition: its menu, footer and call to action. */
export const NAVIGATION = new Slot<Navigation>("navigation");

/** The label in `lang`, or the default language's when it has none there. */
export function labelIn(label: Label, lang: string, defaultLanguage: string): string | undefined {
  return typeof label === "string" ? label : (label[lang] ?? label[defaultLanguage]);
}

/** The address a section key leads to in `edition` (`home` is the home page). */
export const sectionUrl = (edition: Edition, key: string) =>
  key === "home" ? edition.routes.home() : edition.routes.path(key);

/** One link in one language; undefined when it is not for this language or leads to a page it does not have. */
export function resolve(link: LinkSource, edition: Edition, defaultLanguage: string): NavLink | undefined {
  const lang = edition.language.code;
  if (link.languages && !link.languages.includes(lang)) return undefined;
  const given = link.label && labelIn(link.label, lang, defaultLanguage);
  const make = (label: string, url: string, external: boolean): NavLink => ({
    label: typeset(label, lang),
    url,
    external,
    rel: link.rel,
  });
  if (link.section)
    return make(given ?? edition.strings.t(`nav.${link.section}`), sectionUrl(edition, link.section), false);
  if (link.page) {
    const page = edition.pages.get(link.page);
    return page && make(given ?? page.title, page.url, false);
  }
  if (link.url) return make(given ?? link.url, link.url, true);
  return link.email ? make(given ?? link.email, `mailto:${link.email}`, true) : undefined;
}

export function navigationFor(source: NavigationSource, edition: Edition, defaultLanguage: string): Navigation {
  const list = (links: LinkSource[]) => links.flatMap((link) => resolve(link, edition, defaultLanguage) ?? []);
  const { callToAction } = source;
  const text = callToAction && labelIn(callToAction.text, edition.language.code, defaultLanguage);
  return {
    menu: list(source.menu),
    footer: list(source.footer),
    callToAction:
      callToAction && text
        ? { text: typeset(text, edition.language.code), links: list(callToAction.links) }
        : undefined,
  };
}
