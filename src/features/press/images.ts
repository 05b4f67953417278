// The press room's pictures: each file cleaned of metadata, and a PNG of each SVG logo (the pictures service shows them in the page).
import path from "node:path";
import type { Sharp } from "sharp";
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import type { MediaWork } from "../../core/media/asset-cache.ts";
import { loadSharp, publishedPicture } from "../../core/media/clean-images.ts";

/** Renditions depend on this module's code and on sharp: stored results go stale with either. */
const DERIVED_VERSION = codeVersion(["sharp"], [new URL(import.meta.url)]);

/** An image file as the site publishes it. */
export interface PublishedImage {
  url: string;
  data: Buffer;
  width: number;
  height: number;
  /** jpeg, png, svg… */
  format: string;
}

export interface MediaImages {
  /** The file itself, cleaned: the asset copy publishes it at its own address. */
  original: PublishedImage;
  /** A PNG of an SVG logo, for software that takes no SVG. */
  rendition?: PublishedImage;
  /** The files the press room makes beside the original (the PNG of an SVG logo). */
  derived: PublishedImage[];
}

/** `/assets/press/logo.svg` → `/assets/press/logo-1200w.png`: derived files live beside their source, named by width. */
function derivedUrl(url: string, width: number, format: string): string {
  const extension = format === "jpeg" ? "jpg" : format;
  return `${url.slice(0, -path.extname(url).length)}-${width}w.${extension}`;
}

async function encode(
  media: MediaWork,
  url: string,
  work: string,
  source: Buffer,
  run: (sharp: Awaited<ReturnType<typeof loadSharp>>) => Sharp,
): Promise<PublishedImage> {
  const { data, info } = await media.remember(
    work,
    source,
    async () => run(await loadSharp()).toBuffer({ resolveWithObject: true }),
    DERIVED_VERSION,
  );
  return {
    url: derivedUrl(url, info.width, info.format),
    data,
    width: info.width,
    height: info.height,
    format: info.format,
  };
}

/** Renders an SVG at `width` pixels: the density makes librsvg draw it sharp at that size rather than scale up a small bitmap. */
function renderPng(media: MediaWork, svg: PublishedImage, width: number): Promise<PublishedImage> {
  const density = Math.min(100_000, (72 * width) / Math.max(1, svg.width));
  return encode(media, svg.url, `png-${width}`, svg.data, (sharp) =>
    sharp(svg.data, { density }).resize({ width }).png({ compressionLevel: 9 }),
  );
}

/** `file` is the picture's address (`/assets/press/logo.svg`); errors are AssetErrors naming it. */
export async function prepareImages(
  context: BuildContext,
  file: string,
  options: { pngWidth?: number | undefined },
): Promise<MediaImages> {
  const cleaned = await publishedPicture(context.root, file.replace(/^\//, ""), context.media);
  const original: PublishedImage = { url: file, ...cleaned };
  const rendition =
    original.format === "svg" ? await renderPng(context.media, original, options.pngWidth ?? 1200) : undefined;
  return { original, rendition, derived: rendition ? [rendition] : [] };
}
