// A picture's renditions, by eleventy-img: planned from its size alone (markup needs no encoding), encoded once from the cleaned picture, kept by content.
import { msg } from "../../core/i18n/message.ts";
import path from "node:path";
import Image, { type ImageMetadata, type ImageOptions } from "@11ty/eleventy-img";
import { codeVersion } from "../../core/build/cache.ts";
import { slugify } from "../../core/content/slug.ts";
import type { BuildContext } from "../../core/context.ts";
import { publishedPicture } from "../../core/media/clean-images.ts";
import type { Rendition, ResponsivePicture } from "../../core/media/picture-service.ts";
import type { PictureSource } from "./sources.ts";

/** Spaced by at most 1.5×: whatever the screen, the browser finds a file less than twice as wide as it shows it. */
const WIDTHS = [320, 480, 640, 960, 1280];

/** Sharp's options per format: effort kept low, since a build encodes every picture of the site at least once. */
const ENCODING = {
  sharpAvifOptions: { quality: 50, effort: 2 },
  sharpWebpOptions: { quality: 72, effort: 3 },
  sharpJpegOptions: { quality: 78, mozjpeg: true },
  sharpPngOptions: { compressionLevel: 9 },
};

/** Renditions depend on eleventy-img, sharp, these options and this code: changing any of them makes new ones. */
export const RENDITIONS_VERSION = [
  codeVersion(["@11ty/eleventy-img", "sharp"], [new URL(import.meta.url)]),
  JSON.stringify({ WIDTHS, ENCODING }),
].join("\n");

const FORMAT_NAMES: Record<string, string> = { avif: "AVIF", webp: "WebP", jpeg: "JPEG", png: "PNG" };

/** Formats sharp decodes here that are not animated: GIFs and animations are shown as they are. */
const RESIZED = new Set(["jpeg", "png", "webp", "heif", "tiff"]);

export function hasRenditions(source: PictureSource): boolean {
  return RESIZED.has(source.format) && !source.animated;
}

/** JPEG for photos, PNG for drawings and transparent pictures: the format every reader takes. */
function fallbackFormat(source: PictureSource): "jpeg" | "png" {
  return source.alpha || source.format === "png" ? "png" : "jpeg";
}

/** `/assets/img/Photo 1.jpg` → `/assets/img/photo-1-<digest>-640w.avif`: beside the picture, named so that a srcset can hold it. */
function options(source: PictureSource): ImageOptions {
  const stem = slugify(path.posix.basename(source.url, path.posix.extname(source.url))) || "picture";
  return {
    widths: WIDTHS,
    formats: ["avif", "webp", fallbackFormat(source)],
    urlPath: `${path.posix.dirname(source.url)}/`,
    filenameFormat: (_id, _src, width, format) =>
      `${stem}-${source.digest}-${width}w.${format === "jpeg" ? "jpg" : format}`,
    // The format is chosen above from the cleaned picture; eleventy-img would otherwise guess it from a size alone.
    formatFiltering: [],
    // tract keeps the files by content itself; eleventy-img's memory cache would hold every picture for the process.
    useCache: false,
    ...ENCODING,
  };
}

/** What eleventy-img will make of a picture, from its size alone. */
export function planRenditions(source: PictureSource): { picture: ResponsivePicture; metadata: ImageMetadata } {
  const metadata = Image.statsByDimensionsSync(source.url, source.width, source.height, options(source));
  const renditions = Object.values(metadata)
    .flat()
    .map(({ url, width, height, sourceType }): Rendition => ({ url, width, height, type: sourceType }));
  const fallback = metadata[fallbackFormat(source)] ?? [];
  const widest = fallback[fallback.length - 1];
  if (!widest) throw new Error(`${source.file}: eleventy-img planned no ${fallbackFormat(source)} rendition`);
  return {
    picture: {
      url: source.url,
      width: source.width,
      height: source.height,
      renditions,
      widest: { url: widest.url, width: widest.width, height: widest.height, type: widest.sourceType },
    },
    metadata,
  };
}

/**
 * The bytes of every rendition of a picture, by address: eleventy-img encodes the cleaned picture (never the
 * original, so no metadata can reach a rendition) in memory, and tract's writer publishes the files.
 */
export async function encodeRenditions(context: BuildContext, source: PictureSource): Promise<Map<string, Buffer>> {
  const cleaned = await publishedPicture(context.root, source.file, context.media);
  const made = await Image(cleaned.data, { ...options(source), dryRun: true, failOnError: true });
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(made).flat()) if (entry.buffer) files.set(entry.url, Buffer.from(entry.buffer));
  const formats = Object.keys(made).map((format) => FORMAT_NAMES[format] ?? format);
  context.log.info(msg`pictures: ${source.file}: ${files.size} renditions made (${formats.join(", ")})`);
  return files;
}
