// Pictures as the site publishes them: re-encoded by sharp without EXIF, GPS, XMP, IPTC or ICC data; SVG cleaned by svgo.
import type sharpFunction from "sharp";
import { AssetError, assetProblem, readAssetFile } from "./asset-files.ts";
import { type AssetKind, assetKind } from "./asset-kind.ts";
import type { MediaWork } from "./asset-cache.ts";
import { cleanSvg } from "./clean-svg.ts";
import { msg } from "../i18n/message.ts";

/** sharp (libvips) is loaded only when a picture must be processed: a build whose pictures are all cached never loads it. */
export async function loadSharp(): Promise<typeof sharpFunction> {
  return (await import("sharp")).default;
}

export interface CleanImage {
  data: Buffer;
  /** Pixel size; for SVG, the size it declares (sharp renders it at that size by default). */
  width: number;
  height: number;
  format: string;
}

/** file-type's short names, as people know the formats. */
const FORMAT_NAMES: Record<string, string> = { jpg: "JPEG", tif: "TIFF" };

/** The first line of a library's message: libvips adds one line per retry. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Re-encodes a raster image with no metadata at all: sharp writes none unless asked to (no
 * `withMetadata`/`keepExif` here). The picture is first turned upright from its EXIF orientation,
 * which would otherwise be lost with the rest.
 */
async function cleanRaster(data: Buffer): Promise<CleanImage> {
  const sharp = await loadSharp();
  const image = sharp(data, { animated: true }).rotate();
  const { format, isPalette } = await image.metadata();
  const encoded =
    format === "jpeg"
      ? image.jpeg({ quality: 90 })
      : format === "png"
        ? image.png({ compressionLevel: 9, palette: isPalette })
        : format === "webp"
          ? image.webp({ quality: 90 })
          : format === "heif"
            ? image.avif()
            : format === "gif"
              ? image.gif()
              : image.tiff();
  const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data: output, width: info.width, height: info.pageHeight ?? info.height, format: info.format };
}

/** A picture embedded in an SVG, cleaned like any other. */
async function cleanEmbedded(data: Buffer): Promise<{ data: Buffer; mime: string }> {
  const picture = await cleanRaster(data);
  return { data: picture.data, mime: `image/${picture.format === "heif" ? "avif" : picture.format}` };
}

async function cleanVector(data: Buffer): Promise<CleanImage> {
  const svg = Buffer.from(await cleanSvg(data.toString("utf8"), cleanEmbedded));
  const { width = 0, height = 0 } = await (await loadSharp())(svg).metadata();
  return { data: svg, width, height, format: "svg" };
}

/** The published form of a picture already read, or an error naming the file and saying how to fix it. */
export async function cleanPicture(
  file: string,
  data: Buffer,
  kind: Extract<AssetKind, { type: "raster" | "svg" }>,
  media: MediaWork,
): Promise<CleanImage> {
  try {
    return kind.type === "svg"
      ? await media.remember("clean-svg", data, () => cleanVector(data))
      : await media.remember("clean-raster", data, () => cleanRaster(data));
  } catch (error) {
    const what =
      kind.type === "svg" ? msg`an SVG` : msg`a ${FORMAT_NAMES[kind.format] ?? kind.format.toUpperCase()} picture`;
    throw new AssetError(
      assetProblem(
        file,
        msg`cannot be read as ${what}: ${reason(error)} (expected a complete, valid file: export it again from the original)`,
      ),
    );
  }
}

/** The published form of a picture of the project (`assets/press/logo.svg`); an error for any other kind of file. */
export async function publishedPicture(root: string, file: string, media: MediaWork): Promise<CleanImage> {
  const data = await readAssetFile(root, file);
  const kind = await assetKind(file, data);
  if (kind.type === "raster" || kind.type === "svg") return cleanPicture(file, data, kind, media);
  throw new AssetError(
    assetProblem(
      file,
      kind.type === "refused"
        ? kind.message
        : msg`is not a picture (expected a JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG file)`,
    ),
  );
}
