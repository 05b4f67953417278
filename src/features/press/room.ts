// One language's press room, from the press data and the published model: releases, contacts and cards, texts, media.
import type { DateTime } from "luxon";
import { v5 as uuidV5 } from "uuid";
import type { DateFormats } from "../../core/dates/format.ts";
import type { ModelBuilder } from "../../core/contract.ts";
import type { Edition, Post } from "../../core/model/types.ts";
import { Slot } from "../../core/slots.ts";
import { typeset } from "../../core/typography/french.ts";
import type { PressSource } from "./data.ts";
import type { MediaImages, PublishedImage } from "./images.ts";
import { pressFields } from "./fields.ts";
import { pressRoutes } from "./routes.ts";
import { type CardContact, telUri } from "./vcard.ts";

export const PRESS_RELEASE_KIND = "press-release";

/** On each edition that has one: its press room. */
export const PRESS_ROOM = new Slot<PressRoom>("press");

export interface PressRelease {
  post: Post;
  /** "Paris, le 7 février 2025". */
  dateline: string;
  pdfUrl: string;
}

export interface PressContact {
  name: string;
  role: string;
  email: string;
  phone: string;
  phoneUri: string;
  /** The languages spoken, named in the page's language ("français et anglais"). */
  languages: string;
  cardUrl: string;
  card: CardContact;
}

/** A file readers can download. */
export interface PressDownload {
  url: string;
  bytes: number;
  /** JPEG, PNG, SVG, PDF… */
  format: string;
  width?: number | undefined;
  height?: number | undefined;
}

export interface PressMedia {
  caption: string;
  alt: string;
  credit: string;
  licence: { name: string; url: string };
  /** Full resolution: the file itself, and the PNG of an SVG logo. */
  downloads: PressDownload[];
  images: MediaImages;
}

/** The packed press kit, as the press room describes it. */
export interface PressKit {
  url: string;
  fileName: string;
  bytes: number;
  sha256: string;
  /** The newest content it holds (never the build's time, so the same sources give the same kit). */
  date: DateTime;
}

export interface PressRoom {
  url: string;
  /** The collective's name in this language. */
  organisation: string;
  /** Published releases of this language, newest first. */
  releases: PressRelease[];
  /** The first page of the list of every release. */
  releasesUrl: string;
  contacts: PressContact[];
  contactsCardUrl: string;
  boilerplate: { markdown: string; html: string };
  facts: { label: string; value: string }[];
  usage: string;
  logos: PressMedia[];
  photos: PressMedia[];
  brochure?: (PressDownload & { title: string; data: Buffer }) | undefined;
  /** When the kit's content last changed: the press data's date or its newest release's. */
  updated: DateTime;
  kitUrl: string;
}

export function download(image: PublishedImage): PressDownload {
  return {
    url: image.url,
    bytes: image.data.length,
    format: image.format.toUpperCase(),
    width: image.format === "svg" ? undefined : image.width,
    height: image.format === "svg" ? undefined : image.height,
  };
}

function media(item: PressSource["photos"][number], lang: string): PressMedia {
  const { images } = item;
  return {
    caption: typeset(item.caption[lang] ?? "", lang),
    alt: typeset(item.alt[lang] ?? "", lang),
    credit: typeset(item.credit, lang),
    licence: item.licence,
    downloads: [images.original, ...(images.rendition ? [images.rendition] : [])].map(download),
    images,
  };
}

/** Language names in the reader's language, joined as a list ("français et anglais", "French and English"). */
function languageNames(codes: string[], locale: string): string {
  const names = new Intl.DisplayNames([locale], { type: "language" });
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(codes.map((code) => names.of(code) ?? code));
}

export function datelineOf(post: Post, edition: Edition, dates: DateFormats): string {
  return edition.strings.t("press.release.dateline", {
    city: pressFields.of(post).dateline ?? "",
    date: dates.format(post.date, edition.language.locale, "long"),
  });
}

/** N's parts: the family name given in the data, or the name's last word; the given names are the rest of the name. */
function nameParts(contact: PressSource["contacts"][number]): { familyName: string; givenNames: string } {
  const familyName = contact.familyName ?? contact.name.trim().split(/\s+/).at(-1) ?? contact.name;
  const at = contact.name.lastIndexOf(familyName);
  const givenNames = at < 0 ? "" : `${contact.name.slice(0, at)}${contact.name.slice(at + familyName.length)}`;
  return { familyName, givenNames: givenNames.replace(/\s+/g, " ").trim() };
}

function newest(dates: DateTime[]): DateTime {
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** The press room of a language, when the press data is written in it. */
export function pressRoom(source: PressSource, edition: Edition, model: ModelBuilder): PressRoom | undefined {
  const lang = edition.language.code;
  if (!source.languages.includes(lang)) return undefined;
  const { strings } = edition;
  const routes = pressRoutes(edition.routes, strings);
  const organisation = strings.t("site.title");
  const url = routes.room;
  const releases = edition.posts
    .filter((post) => post.kind === PRESS_RELEASE_KIND)
    .map((post) => ({ post, dateline: datelineOf(post, edition, model.dates), pdfUrl: routes.releasePdf(post.slug) }));
  const contacts = source.contacts.map((contact): PressContact => {
    const role = typeset(contact.role[lang] ?? "", lang);
    return {
      name: contact.name,
      role,
      email: contact.email,
      phone: contact.phone,
      phoneUri: telUri(contact.phone),
      languages: languageNames(contact.languages, edition.language.locale),
      cardUrl: routes.card(contact.slug),
      card: {
        // Named after the site and the contact's card file: the same card in every language, and from one build to the next.
        uid: `urn:uuid:${uuidV5(`${model.site.url}/press/contacts/${contact.slug}`, uuidV5.URL)}`,
        name: contact.name,
        ...nameParts(contact),
        role,
        organisation,
        email: contact.email,
        phone: contact.phone,
        languages: contact.languages,
        url: model.absoluteUrl(url),
      },
    };
  });
  const brochure = source.brochure && {
    url: source.brochure.file,
    bytes: source.brochure.data.length,
    format: "PDF",
    title: typeset(source.brochure.title[lang] ?? "", lang),
    data: source.brochure.data,
  };
  const boilerplate = source.boilerplate[lang] ?? "";
  const updated = newest([source.updated, ...releases.map(({ post }) => post.updated ?? post.date)]);
  return {
    url,
    organisation,
    releases,
    releasesUrl: routes.releases,
    contacts,
    contactsCardUrl: routes.card(),
    boilerplate: { markdown: boilerplate, html: model.markdown(lang).render(boilerplate) },
    facts: (source.facts[lang] ?? []).map((fact) => ({
      label: typeset(fact.label, lang),
      value: typeset(fact.value, lang),
    })),
    usage: typeset(source.usage[lang] ?? "", lang),
    logos: source.logos.map((logo) => media(logo, lang)),
    photos: source.photos.map((photo) => media(photo, lang)),
    brochure,
    updated,
    kitUrl: routes.kit(organisation, updated.setZone(model.site.timezone).toISODate() ?? ""),
  };
}
