// Test helpers for the press room's outputs, read with real parsers: ZIP (yauzl), PDF text (pdfjs-dist), image metadata (exifr).
import { readFile } from "node:fs/promises";
import { buffer } from "node:stream/consumers";
import path from "node:path";
import yauzl from "yauzl";
import exifr from "exifr";
import sharp from "sharp";
import { OPS, getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { listFiles } from "./site.ts";

export interface ZipEntry {
  name: string;
  data: Buffer;
  entry: yauzl.Entry;
}

/** Every entry of a ZIP, in the archive's order, with its uncompressed content. */
export async function zipEntries(zip: Buffer): Promise<ZipEntry[]> {
  const archive = await yauzl.fromBufferPromise(zip, { lazyEntries: true, strictFileNames: true });
  const entries: ZipEntry[] = [];
  for await (const entry of archive.eachEntry()) {
    entries.push({ name: entry.fileName, data: await buffer(await archive.openReadStreamPromise(entry)), entry });
  }
  return entries;
}

export interface PdfText {
  /** The text as extracted, lines joined by spaces (pdf.js gives every kind of space as " "). */
  text: string;
  /** The characters of the glyphs drawn, in order, without line breaks: narrow no-break spaces stay what they are. */
  drawn: string;
  pages: number;
  info: Record<string, unknown>;
}

export async function pdfText(pdf: Buffer): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = "";
  let drawn = "";
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    for (const item of (await page.getTextContent({ disableNormalization: true })).items)
      if ("str" in item) text += item.str + (item.hasEOL ? " " : "");
    const operators = await page.getOperatorList();
    operators.fnArray.forEach((operator, index) => {
      if (operator !== OPS.showText) return;
      for (const glyph of operators.argsArray[index][0] as unknown[])
        if (glyph && typeof glyph === "object" && "unicode" in glyph) drawn += String(glyph.unicode);
    });
  }
  const { info } = await document.getMetadata();
  const pages = document.numPages;
  await document.destroy();
  return { text, drawn, pages, info: info as Record<string, unknown> };
}

/** A PDF's structure tree as pdf.js reads it: the document's language and every role in it (the first page's). */
export async function structureTree(pdf: Buffer): Promise<{ lang: string | undefined; roles: string[] }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const roles: string[] = [];
  const walk = (node: { role?: string; children?: unknown[] }) => {
    if (node.role) roles.push(node.role);
    for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
  };
  walk((await (await document.getPage(1)).getStructTree()) as never);
  const { info } = await document.getMetadata();
  await document.destroy();
  return { lang: (info as { Language?: string }).Language, roles };
}

/** Spaces of any width (French narrow no-break spaces included) and line breaks as one space, to find phrases across wrapped lines. */
export function flatten(text: string): string {
  return text.replace(/[\s\u00A0\u202F]+/g, " ");
}

export const RASTER = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;

/**
 * Any EXIF, GPS, XMP, IPTC or ICC block in an image; undefined when it carries none. exifr reads every format but
 * WebP, whose EXIF, XMP and ICC chunks sharp (libvips) reads.
 */
export async function embeddedMetadata(image: Buffer): Promise<Record<string, unknown> | undefined> {
  const found = await sharp(image).metadata();
  const blocks = (["exif", "xmp", "icc", "iptc"] as const).filter((block) => found[block]);
  if (blocks.length > 0) return Object.fromEntries(blocks.map((block) => [block, found[block]]));
  if (found.format === "webp") return undefined;
  return exifr.parse(image, {
    tiff: true,
    exif: true,
    gps: true,
    interop: true,
    ifd1: true,
    xmp: true,
    icc: true,
    iptc: true,
    jfif: false,
    ihdr: false,
    mergeOutput: true,
  });
}

/** Every file of a built site, and every entry of each ZIP in it, as (name, content). */
export async function everyOutput(siteDir: string): Promise<{ name: string; data: Buffer }[]> {
  const outputs: { name: string; data: Buffer }[] = [];
  for (const file of await listFiles(siteDir)) {
    const data = await readFile(file);
    const name = path.relative(siteDir, file);
    outputs.push({ name, data });
    if (file.endsWith(".zip"))
      for (const entry of await zipEntries(data)) outputs.push({ name: `${name}!${entry.name}`, data: entry.data });
  }
  return outputs;
}
