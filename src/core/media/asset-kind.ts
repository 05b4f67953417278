// What an asset is, told by its content (magic bytes) rather than its name: a photo named .jfif, .jpe or .txt is still a photo.
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { type Message, msg } from "../i18n/message.ts";

/** Formats sharp decodes here and writes back in the same format, by file-type's name for them. */
const RE_ENCODED = new Set(["jpg", "png", "webp", "avif", "gif", "tif"]);

/** Names under which people save pictures: such a file the build does not recognise is a broken picture, not a file to copy. */
const IMAGE_EXTENSIONS = new Set([
  ".jpg",
  ".jpeg",
  ".jpe",
  ".jfif",
  ".png",
  ".webp",
  ".avif",
  ".gif",
  ".tif",
  ".tiff",
  ".heic",
  ".heif",
  ".bmp",
  ".ico",
]);

export type AssetKind =
  /** A picture re-encoded without its metadata; `format` is file-type's name (jpg, png…). */
  | { type: "raster"; format: string }
  | { type: "svg" }
  | { type: "pdf" }
  /** Published as it is: stylesheets, scripts, fonts… */
  | { type: "copy" }
  /** Not published: `message` says what the file is and how to make it publishable. */
  | { type: "refused"; message: Message };

/** How many bytes of a file tell what it is (file-type's own need). */
export const SNIFF_BYTES = 4100;

/** An XML document whose root is `<svg>` (after an XML declaration, comments and a doctype). */
function isSvgText(head: Buffer): boolean {
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  return /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<(?:[\w.-]+:)?svg[\s>/]/.test(
    text,
  );
}

function unsupportedImage(file: string, ext: string): Message {
  const name = path.basename(file, path.extname(file));
  const expected = msg`expected a JPEG, PNG, WebP, AVIF, GIF or TIFF file`;
  if (ext === "heic" || ext === "heif") {
    return msg`is a ${ext.toUpperCase()} photo, which the build cannot open to remove its metadata (GPS position, camera) (${expected}: convert it to JPEG, e.g. \`heif-convert ${name}.${ext} ${name}.jpg\` from Debian's libheif-examples, or set the phone to save photos as JPEG, "Most Compatible")`;
  }
  if (ext === "apng")
    return msg`is an animated PNG, which the build would flatten to its first picture (expected a still PNG, or an animation as GIF or WebP, e.g. \`ffmpeg -i ${name}.png ${name}.webp\`)`;
  return msg`is a ${ext.toUpperCase()} image, which the build cannot open to remove its metadata (${expected}: convert it to JPEG for a photo or PNG for a drawing, e.g. \`convert ${name}.${ext} ${name}.png\` with ImageMagick)`;
}

/** The kind of an asset, from its first bytes (at least SNIFF_BYTES of them, or the whole file) and, for text, its name. */
export async function assetKind(file: string, head: Buffer): Promise<AssetKind> {
  const extension = path.extname(file).toLowerCase();
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (RE_ENCODED.has(detected.ext)) return { type: "raster", format: detected.ext };
    if (detected.ext === "pdf") return { type: "pdf" };
    if (detected.mime.startsWith("image/")) return { type: "refused", message: unsupportedImage(file, detected.ext) };
    if (detected.ext === "gz" && extension === ".svgz")
      return {
        type: "refused",
        message: msg`is a compressed SVG, which the build cannot clean (expected the SVG itself, e.g. \`gunzip -c ${path.basename(file)} > ${path.basename(file, extension)}.svg\`: the build compresses what it publishes)`,
      };
  }
  if ((!detected || detected.ext === "xml") && (extension === ".svg" || isSvgText(head))) return { type: "svg" };
  if (extension === ".pdf")
    return {
      type: "refused",
      message: msg`is named .pdf but is not a PDF (expected a PDF file: export it again as PDF, or give it the name of what it is)`,
    };
  if (!detected && IMAGE_EXTENSIONS.has(extension))
    return {
      type: "refused",
      message: msg`is named like a picture but is none the build recognises (expected a JPEG, PNG, WebP, AVIF, GIF or TIFF file: export it again from the original, or give it the name of what it is)`,
    };
  return { type: "copy" };
}
