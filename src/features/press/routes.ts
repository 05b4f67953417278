// The press room's addresses in one language: the room, its list of releases, its kit, the contacts' cards, and each release's PDF beside its page.
import type { Routes } from "../../core/i18n/routes.ts";
import { slugify } from "../../core/content/slug.ts";
import type { Strings } from "../../core/i18n/strings.ts";

export const PRESS_PATH = "press";

export function pressRoutes(routes: Routes, strings: Strings) {
  const room = routes.path(PRESS_PATH);
  return {
    room,
    /** Every release, page by page (/fr/presse/communiques/, /fr/presse/communiques/2/ …), named in the language. */
    releases: `${room}${slugify(strings.t("pressReleases.path"))}/`,
    /** The press kit, one ZIP per language, named in the language after the collective and its date (dossier-de-presse-…-2025-02-07.zip). */
    kit: (name: string, date: string) => `${room}${slugify(strings.t("press.kitFile", { name, date }))}.zip`,
    /** A contact's card (vCard), or every contact's card in one file when no slug is given. */
    card: (slug?: string) => (slug ? `${room}contacts/${slug}.vcf` : `${room}contacts.vcf`),
    /** The PDF of a press release, beside its page. */
    releasePdf: (slug: string) => `${routes.document(slug)}${slug}.pdf`,
    feed: `${room}feed.xml`,
  };
}
