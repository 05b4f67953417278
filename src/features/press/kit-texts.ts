// The press kit's own texts, in its language: README (contents, contacts, terms), CREDITS of the pictures, and the fact sheet.
import type { Edition } from "../../core/model/types.ts";
import type { SiteModel } from "../../core/contract.ts";
import { formatFileSize } from "./file-size.ts";
import type { PressDownload, PressMedia, PressRoom } from "./room.ts";

/** Names of the files and folders inside the kit, in its language. */
export interface KitNames {
  readme: string;
  facts: string;
  releases: string;
  logos: string;
  photos: string;
  credits: string;
  contacts: string;
  brochure: string;
}

export function kitNames(edition: Edition): KitNames {
  const name = (key: keyof KitNames) => edition.strings.t(`press.files.${key}`);
  return {
    readme: name("readme"),
    facts: name("facts"),
    releases: name("releases"),
    logos: name("logos"),
    photos: name("photos"),
    credits: name("credits"),
    contacts: name("contacts"),
    brochure: name("brochure"),
  };
}

function texts(edition: Edition) {
  const t = (key: string, values?: Record<string, string | number>) => edition.strings.t(key, values);
  return { t, pair: (name: string, value: string) => t("press.pair", { name, value }) };
}

function underline(title: string, character: string): string {
  return `${title}\n${character.repeat([...title].length)}`;
}

export function readme(room: PressRoom, edition: Edition, model: SiteModel, names: KitNames): string {
  const { t, pair } = texts(edition);
  const date = model.dates.format(room.updated, edition.language.locale, "long");
  const contents: [string, string][] = [
    [names.readme, t("press.readme.readme")],
    [names.facts, t("press.readme.facts")],
    [`${names.releases}/`, t("press.readme.releases")],
    ...(room.logos.length ? [[`${names.logos}/`, t("press.readme.logos")] as [string, string]] : []),
    ...(room.photos.length ? [[`${names.photos}/`, t("press.readme.photos")] as [string, string]] : []),
    ...(room.logos.length || room.photos.length
      ? [[names.credits, t("press.readme.credits")] as [string, string]]
      : []),
    [names.contacts, t("press.readme.contacts")],
    ...(room.brochure ? [[`${names.brochure}/`, t("press.readme.brochure")] as [string, string]] : []),
  ];
  const contacts = room.contacts.map(
    (contact) =>
      `- ${contact.name}, ${contact.role}\n  ${[pair(t("press.contacts.email"), contact.email), pair(t("press.contacts.phone"), contact.phone), pair(t("press.contacts.languages"), contact.languages)].join("\n  ")}`,
  );
  return (
    [
      underline(t("press.readme.title", { name: room.organisation }), "="),
      t("press.readme.updated", { date }),
      t("press.readme.page", { url: model.absoluteUrl(room.url) }),
      underline(t("press.readme.contents"), "-"),
      contents.map(([name, what]) => `- ${pair(name, what)}`).join("\n"),
      underline(t("press.contacts.heading"), "-"),
      contacts.join("\n"),
      underline(t("press.usage"), "-"),
      room.usage,
      t("press.readme.images", { credits: names.credits }),
      t("press.readme.metadata"),
    ].join("\n\n") + "\n"
  );
}

/** A picture of the kit and its files, each with its pixel size and file size. */
export interface CreditedPicture {
  files: (PressDownload & { name: string })[];
  item: PressMedia;
}

/** Each picture's files in the kit ("photos/rassemblement.jpg (1800 × 1200 pixels, 120 kB)"), caption, credit and licence. */
export function credits(pictures: CreditedPicture[], edition: Edition): string {
  const { t, pair } = texts(edition);
  const locale = edition.language.locale;
  const describe = (file: CreditedPicture["files"][number]) =>
    `${file.name} (${file.width ? t("press.media.pixels", { width: file.width, height: file.height ?? 0 }) : t("press.media.vector")}, ${formatFileSize(file.bytes, locale)})`;
  const blocks = pictures.map(({ files, item }) =>
    [
      files.map(describe).join("\n"),
      `  ${item.caption}`,
      `  ${pair(t("press.media.credit"), item.credit)}`,
      `  ${pair(t("press.media.licence"), `${item.licence.name} (${item.licence.url})`)}`,
    ].join("\n"),
  );
  return [underline(t("press.credits.title"), "="), ...blocks].join("\n\n") + "\n";
}

export function factSheet(room: PressRoom, edition: Edition): string {
  const { t, pair } = texts(edition);
  return (
    [
      `# ${t("press.facts")} — ${room.organisation}`,
      room.facts.map((fact) => `- ${pair(`**${fact.label}**`, fact.value)}`).join("\n"),
      `## ${t("press.about")}`,
      room.boilerplate.markdown.trim(),
    ].join("\n\n") + "\n"
  );
}
