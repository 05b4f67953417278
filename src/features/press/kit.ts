// Packs each language's press kit from the published model (PDFs, Markdown, texts, pictures, cards) and describes it for the press room.
import path from "node:path";
import type { SiteModel } from "../../core/model/site-model.ts";
import type { LanguageSection } from "../../core/model/types.ts";
import { credits, factSheet, kitNames, readme } from "./kit-texts.ts";
import { releaseMarkdown, releasePdfFile } from "./release-files.ts";
import type { PressMedia, PressRoom } from "./room.ts";
import { sha256, zipFiles } from "./zip.ts";

/** The pictures of a list under `folder`: the cleaned original and, for an SVG logo, its PNG. */
function pictureFiles(items: PressMedia[], folder: string): { files: Map<string, Buffer>; credited: { files: string[]; item: PressMedia }[] } {
  const files = new Map<string, Buffer>();
  const credited = items.map((item) => {
    const images = [item.images.original, ...(item.images.rendition ? [item.images.rendition] : [])];
    for (const image of images) files.set(`${folder}/${path.basename(image.url)}`, image.data);
    return { files: images.map((image) => `${folder}/${path.basename(image.url)}`), item };
  });
  return { files, credited };
}

async function packKit(room: PressRoom, section: LanguageSection, model: SiteModel): Promise<void> {
  const names = kitNames(section);
  const entries = new Map<string, Buffer | string>();
  for (const release of room.releases) {
    const pdf = await releasePdfFile(release, room, section, model);
    room.files.set(release.pdfUrl, pdf);
    release.pdfBytes = pdf.length;
    const base = `${names.releases}/${release.post.date.toISODate()}-${release.post.slug}`;
    entries.set(`${base}.pdf`, pdf);
    entries.set(`${base}.md`, releaseMarkdown(release, room, section, model));
  }
  const logos = pictureFiles(room.logos, names.logos);
  const photos = pictureFiles(room.photos, names.photos);
  for (const [name, data] of [...logos.files, ...photos.files]) entries.set(name, data);
  if (logos.credited.length || photos.credited.length) entries.set(names.credits, credits([...logos.credited, ...photos.credited], section));
  if (room.brochure) entries.set(`${names.brochure}/${path.basename(room.brochure.url)}`, room.brochure.data);
  entries.set(names.contacts, room.files.get(room.contactsCardUrl) ?? "");
  entries.set(names.facts, factSheet(room, section));
  entries.set(names.readme, readme(room, section, model, names));

  // One folder at the top of the archive, so that unpacking it never scatters files.
  const folder = path.basename(room.kitUrl, ".zip");
  const zip = await zipFiles(new Map([...entries].map(([name, data]) => [`${folder}/${name}`, data])), room.updated.setZone(model.site.timezone));
  room.files.set(room.kitUrl, zip);
  room.kit = { url: room.kitUrl, fileName: path.basename(room.kitUrl), bytes: zip.length, sha256: sha256(zip), date: room.updated };
}

/** Packs every language's kit; run once the model is built and before pages render, which show each kit's size and checksum. */
export async function packPressKits(model: SiteModel): Promise<void> {
  await Promise.all(Object.values(model.sections).map((section) => section.press && packKit(section.press, section, model)));
}
