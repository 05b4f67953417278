// Packs each language's press kit from the published model (releases as PDF, .docx, Markdown and text, texts, pictures, cards, brochure) and describes it for the press room.
import path from "node:path";
import type { BuildContext } from "../../core/context.ts";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition } from "../../core/model/types.ts";
import { credits, factSheet, kitNames, readme } from "./kit-texts.ts";
import { releaseDocxFile, releaseTextFile } from "./release-document.ts";
import { releasePdfFile } from "./release-files.ts";
import { releaseMarkdown } from "./release-text.ts";
import type { PressKit, PressMedia, PressRoom } from "./room.ts";
import { vCards } from "./vcard.ts";
import { sha256, zipFiles } from "./zip.ts";

/** The pictures of a list under `folder`: the cleaned original and, for an SVG logo, its PNG. */
function pictureFiles(
  items: PressMedia[],
  folder: string,
): { files: Map<string, Buffer>; credited: { files: string[]; item: PressMedia }[] } {
  const files = new Map<string, Buffer>();
  const credited = items.map((item) => {
    const images = [item.images.original, ...(item.images.rendition ? [item.images.rendition] : [])];
    for (const image of images) files.set(`${folder}/${path.basename(image.url)}`, image.data);
    return { files: images.map((image) => `${folder}/${path.basename(image.url)}`), item };
  });
  return { files, credited };
}

/** The press kit of a language and how the press room describes it, packed once per build (its page shows its size and checksum). */
export function pressKit(
  room: PressRoom,
  edition: Edition,
  model: SiteModel,
  context: BuildContext,
): Promise<{ zip: Buffer; kit: PressKit }> {
  return context.artifacts.once(`press-kit:${room.kitUrl}`, async () => {
    const names = kitNames(edition);
    const entries = new Map<string, Buffer | string>();
    for (const release of room.releases) {
      const base = `${names.releases}/${release.post.date.toISODate()}-${release.post.slug}`;
      entries.set(`${base}.pdf`, await releasePdfFile(release, room, edition, model, context));
      const markdown = releaseMarkdown(release, room, edition, model);
      entries.set(`${base}.md`, markdown);
      entries.set(`${base}.txt`, await releaseTextFile(markdown, release, model, context));
      entries.set(`${base}.docx`, await releaseDocxFile(release, room, edition, model, context));
    }
    const logos = pictureFiles(room.logos, names.logos);
    const photos = pictureFiles(room.photos, names.photos);
    for (const [name, data] of [...logos.files, ...photos.files]) entries.set(name, data);
    if (logos.credited.length || photos.credited.length)
      entries.set(names.credits, credits([...logos.credited, ...photos.credited], edition));
    if (room.brochure) entries.set(`${names.brochure}/${path.basename(room.brochure.url)}`, room.brochure.data);
    entries.set(names.contacts, vCards(room.contacts.map((contact) => contact.card)));
    entries.set(names.facts, factSheet(room, edition));
    entries.set(names.readme, readme(room, edition, model, names));

    // One folder at the top of the archive, so that unpacking it never scatters files.
    const folder = path.basename(room.kitUrl, ".zip");
    const zip = await zipFiles(
      new Map([...entries].map(([name, data]) => [`${folder}/${name}`, data])),
      room.updated.setZone(model.site.timezone),
      context.session.memo("press-kit-zips"),
    );
    return {
      zip,
      kit: {
        url: room.kitUrl,
        fileName: path.basename(room.kitUrl),
        bytes: zip.length,
        sha256: sha256(zip),
        date: room.updated,
      },
    };
  });
}
