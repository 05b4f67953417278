// Images as the site publishes them: re-encoded by sharp without EXIF, GPS, XMP, IPTC or ICC data; SVG without editor metadata.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type sharpFunction from "sharp";
import { ContentCache, codeVersion } from "../../core/build/cache.ts";

/** sharp (libvips) is loaded only when a picture must be processed: a build whose pictures are all cached never loads it. */
export async function loadSharp(): Promise<typeof sharpFunction> {
  return (await import("sharp")).default;
}

/** Raster formats the build re-encodes; their originals are never copied to the output as they are. */
const RASTER = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff"]);

export function isImageFile(file: string): boolean {
  const extension = path.extname(file).toLowerCase();
  return RASTER.has(extension) || extension === ".svg";
}

export interface CleanImage {
  data: Buffer;
  /** Pixel size; for SVG, the size it declares (sharp renders it at that size by default). */
  width: number;
  height: number;
  format: string;
}

/**
 * SVG editors store the author, file paths of the author's machine (inkscape:export-filename) and
 * comments in the file: only what draws the picture is kept.
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<metadata\b[^>]*\/>|<metadata\b[\s\S]*?<\/metadata>/g, "")
    .replace(/<sodipodi:namedview\b[^>]*\/>|<sodipodi:namedview\b[\s\S]*?<\/sodipodi:namedview>/g, "")
    .replace(/\s(?:inkscape|sodipodi):[\w.-]+="[^"]*"/g, "");
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
    format === "jpeg" ? image.jpeg({ quality: 90 })
    : format === "png" ? image.png({ compressionLevel: 9, palette: isPalette })
    : format === "webp" ? image.webp({ quality: 90 })
    : format === "heif" ? image.avif()
    : format === "gif" ? image.gif()
    : image.tiff();
  const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data: output, width: info.width, height: info.pageHeight ?? info.height, format: info.format };
}

async function cleanVector(data: Buffer): Promise<CleanImage> {
  const svg = Buffer.from(cleanSvg(data.toString("utf8")));
  const { width = 0, height = 0 } = await (await loadSharp())(svg).metadata();
  return { data: svg, width, height, format: "svg" };
}

/** Work on images, by what it is and the bytes it starts from: the same picture is processed once per process (watch rebuilds, the press room and the asset copy share it). */
const cache = new Map<string, Promise<unknown>>();

/** The modules whose code decides what image work gives: changing them makes every stored result stale. */
const IMAGE_CODE = ["./clean-images.ts", "../press/images.ts", "../feeds/icons.ts"].map((module) => new URL(module, import.meta.url));

/** Results of earlier builds, on disk: re-encoding the press photos took a tenth of a second of every build. */
let stored: ContentCache | undefined;
function storedImages(): ContentCache {
  return (stored ??= new ContentCache(process.cwd(), "images", codeVersion(["sharp"], IMAGE_CODE)));
}

/** A result as one file: the length of a JSON header (everything but the bytes), the header, the bytes. */
function pack({ data, ...fields }: { data: Buffer }): Buffer {
  const header = Buffer.from(JSON.stringify(fields));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, data]);
}

function unpack<T>(file: Buffer): T {
  const headerEnd = 4 + file.readUInt32BE(0);
  return { ...JSON.parse(file.subarray(4, headerEnd).toString("utf8")), data: file.subarray(headerEnd) } as T;
}

export function memoizeImageWork<T extends { data: Buffer }>(work: string, data: Buffer, run: () => Promise<T>): Promise<T> {
  const key = `${work}|${createHash("sha256").update(data).digest("hex")}`;
  let result = cache.get(key) as Promise<T> | undefined;
  if (!result) {
    const store = storedImages();
    result = store.remember(store.key(key), async () => pack(await run())).then((file) => unpack<T>(file));
    cache.set(key, result);
    result.catch(() => cache.delete(key));
  }
  return result;
}

/** The published form of an image file (SVG or raster). */
export async function cleanImage(file: string): Promise<CleanImage> {
  const data = await readFile(file);
  const vector = path.extname(file).toLowerCase() === ".svg";
  return memoizeImageWork(vector ? "clean-svg" : "clean-raster", data, () => (vector ? cleanVector(data) : cleanRaster(data)));
}
