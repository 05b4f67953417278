// Packs each language's press kit from the published model (releases as PDF, .docx, Markdown and text, texts, pictures at web size and full resolution, cards, brochure) and describes it for the press room.
import path from "node:path";
import type { BuildContext } from "../../core/context.ts";
import type { SiteModel } from "../../core/contract.ts";
import type { Edition } from "../../core/model/types.ts";
import type { PublishedImage } from "./images.ts";
import { type CreditedPicture, credits, factSheet, kitNames, readme } from "./kit-texts.ts";
import { webSize } from "./media-view.ts";
import { releaseDocxFile, releaseTextFile } from "./release-document.ts";
import { releasePdfFile } from "./release-files.ts";
import { releaseMarkdown } from "./release-text.ts";
import { type PressKit, type PressMedia, type PressRoom, download } from "./room.ts";
import { vCards } from "./vcard.ts";
import { sha256, zipFiles } from "./zip.ts";

/** `photos/rassemblement.jpg` at 1280 pixels wide is `photos/rassemblement-1280w.jpg` in the kit. */
function webName(original: PublishedImage, web: PublishedImage): string {
  const stem = path.basename(original.url, path.extname(original.url));
  return `${stem}-${web.width}w.${web.format === "jpeg" ? "jpg" : web.format}`;
}

/** The pictures of a list under `folder`: the cleaned original (full resolution), an SVG logo's PNG, a photo at web size. */
async function pictureFiles(
  items: PressMedia[],
  folder: string,
  model: SiteModel,
): Promise<{ files: Map<string, Buffer>; credited: CreditedPicture[] }> {
  const files = new Map<string, Buffer>();
  const credited: CreditedPicture[] = [];
  for (const item of items) {
    const { original, rendition } = item.images;
    const web = await webSize(model, original);
    const named = [
      ...(web ? [{ name: webName(original, web), image: web }] : []),
      ...[original, ...(rendition ? [rendition] : [])].map((image) => ({ name: path.basename(image.url), image })),
    ].map(({ name, image }) => ({ ...download(image), name: `${folder}/${name}`, data: image.data }));
    for (const file of named) files.set(file.name, file.data);
    credited.push({ files: named, item });
  }
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
    const logos = await pictureFiles(room.logos, names.logos, model);
    const photos = await pictureFiles(room.photos, names.photos, model);
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
