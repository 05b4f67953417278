// How the press room shows its logos and photos: through the site's pictures service when it has one (responsive, lazy), and each photo at web size.
import type { SiteModel } from "../../core/contract.ts";
import { PICTURES } from "../../core/media/picture-service.ts";
import type { PublishedImage } from "./images.ts";
import { type PressDownload, type PressMedia, download } from "./room.ts";

/** The width of a picture in the press room's grid of logos and photos (site.css: two columns from 33rem, in the 40rem column). */
const GRID_SIZES = "(min-width: 40rem) 16.5rem, (min-width: 33rem) calc(50vw - 3.5rem), calc(100vw - 4rem)";

export interface MediaView {
  /** The picture's markup; empty when the site makes no responsive pictures (the template then shows the file itself). */
  html: string;
  /** At web size (a photo's widest rendition) when there is one, then full resolution. */
  downloads: (PressDownload & { size: "web" | "full" })[];
}

/** A photo at web size: the widest rendition the pictures service makes of it, when narrower than the photo itself. */
export async function webSize(model: SiteModel, original: PublishedImage): Promise<PublishedImage | undefined> {
  const pictures = PICTURES.get(model);
  const widest = pictures?.picture(original.url)?.widest;
  if (!pictures || !widest || widest.width >= original.width) return undefined;
  const format = widest.type.replace("image/", "");
  return { url: widest.url, data: await pictures.bytes(widest), width: widest.width, height: widest.height, format };
}

export async function mediaViews(items: PressMedia[], model: SiteModel): Promise<Record<string, MediaView>> {
  const pictures = PICTURES.get(model);
  const views = await Promise.all(
    items.map(async (item): Promise<[string, MediaView]> => {
      const { original } = item.images;
      const web = await webSize(model, original);
      return [
        original.url,
        {
          html: pictures?.html(original.url, { alt: item.alt, sizes: GRID_SIZES }) ?? "",
          downloads: [
            ...(web ? [{ ...download(web), size: "web" as const }] : []),
            ...item.downloads.map((file) => ({ ...file, size: "full" as const })),
          ],
        },
      ];
    }),
  );
  return Object.fromEntries(views);
}
