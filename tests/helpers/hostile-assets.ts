// Test helpers: real files as cameras, phones and editors leave them, carrying a person's name, a home path and a GPS position.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import exifr from "exifr";
import PDFKit from "pdfkit";
import { PDFDocument, PDFName } from "pdf-lib";

export const AUTHOR = "Camille Dupont";
export const HOME = "/home/camille/manif";
/** Strings that must be in no published file. */
export const LEAKS = [AUTHOR, "/home/camille", "PhoneMaker", "Serial 0042", "InkscapeSecret"];

const XMP = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><dc:creator><rdf:Seq><rdf:li>${AUTHOR}</rdf:li></rdf:Seq></dc:creator><xmp:CreatorTool>${HOME}/InkscapeSecret</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

/** A photo as a phone leaves it: GPS, camera, author and copyright in EXIF, the author in XMP, a P3 colour profile, turned 90°. */
export function photoWithMetadata(format: "jpeg" | "png" | "webp" | "avif" | "tiff"): Promise<Buffer> {
  return sharp({ create: { width: 30, height: 20, channels: 3, background: "#7fb0a6" } })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: AUTHOR, Copyright: AUTHOR, Make: "PhoneMaker", Model: "Serial 0042" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 7/1" },
    })
    .withXmp(XMP)
    .withIccProfile("p3")
    .toFormat(format)
    .toBuffer();
}

/** An animated GIF with the author in a comment extension (sharp writes none). */
export async function gifWithComment(): Promise<Buffer> {
  const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#9b1c1c" } })
    .gif()
    .toBuffer();
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe, AUTHOR.length]), Buffer.from(AUTHOR), Buffer.from([0])]);
  // After the header (6 bytes), the screen descriptor (7) and its global colour table, before the first image.
  const tableSize = gif[10]! & 0x80 ? 3 * 2 ** ((gif[10]! & 7) + 1) : 0;
  const at = 13 + tableSize;
  return Buffer.concat([gif.subarray(0, at), comment, gif.subarray(at)]);
}

/** What the metadata readers find in a published picture: EXIF/XMP/ICC/IPTC blocks (sharp) and the tags exifr decodes. */
export async function pictureMetadata(data: Buffer): Promise<{ blocks: string[]; tags: Record<string, unknown> }> {
  const found = await sharp(data).metadata();
  const blocks = (["exif", "xmp", "icc", "iptc"] as const).filter((block) => found[block]);
  const tags = ((await exifr
    .parse(data, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, mergeOutput: true })
    .catch(() => undefined)) ?? {}) as Record<string, unknown>;
  return { blocks, tags };
}

/** A photo from a phone saved as HEIC (HEVC), made with libheif's heif-enc. */
export async function heicPhoto(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tract-heic-"));
  try {
    await writeFile(path.join(dir, "in.jpg"), await photoWithMetadata("jpeg"));
    await promisify(execFile)("heif-enc", ["-q", "50", path.join(dir, "in.jpg"), "-o", path.join(dir, "out.heic")]);
    return await readFile(path.join(dir, "out.heic"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A 2×2 Windows bitmap (24 bits, no compression): a format sharp cannot read. */
export function bitmap(): Buffer {
  const rows = Buffer.alloc(2 * 8, 0x80); // two rows of 2 pixels × 3 bytes, padded to 8 bytes
  const header = Buffer.alloc(54);
  header.write("BM", 0, "latin1");
  header.writeUInt32LE(54 + rows.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(rows.length, 34);
  return Buffer.concat([header, rows]);
}

/** The drawing every hostile SVG holds: what must stay. */
const DRAWING = `<rect width="64" height="32" fill="#1d1d1b"/><circle cx="16" cy="16" r="10" fill="#9b1c1c"/><text x="30" y="20" font-size="8" fill="#fff">T</text>`;

/** The same drawing, written as editors write it, with the author and their home path in each way svgo's editor plugin alone misses or catches. */
export const HOSTILE_SVGS: Record<string, string> = {
  "xmp outside <metadata>": `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" viewBox="0 0 64 32"><?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${AUTHOR}</dc:creator><dc:source>${HOME}/logo.svg</dc:source></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>${DRAWING}</svg>`,
  "single-quoted editor attributes": `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape' xmlns:sodipodi='http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd' width="64" height="32" viewBox="0 0 64 32" sodipodi:docname='${AUTHOR}.svg' inkscape:export-filename='${HOME}/logo.png'><g inkscape:label='${AUTHOR}' inkscape:groupmode='layer'>${DRAWING}</g></svg>`,
  "spaces around =": `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape = "http://www.inkscape.org/namespaces/inkscape" width="64" height="32" viewBox="0 0 64 32" inkscape:export-filename = "${HOME}/logo.png"  inkscape:version =\n '1.3 (InkscapeSecret)'><g inkscape:label\t=\t"${AUTHOR}">${DRAWING}</g></svg>`,
  "editor elements, declared where used": `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" viewBox="0 0 64 32"><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:current-layer="${AUTHOR}"><inkscape:page x="0" y="0" inkscape:label="${HOME}"/></sodipodi:namedview><editor:data xmlns:editor="http://example.org/some-editor">${AUTHOR} ${HOME}</editor:data><g xmlns:ai="http://ns.adobe.com/AdobeIllustrator/10.0/" ai:source="${HOME}/InkscapeSecret.ai">${DRAWING}</g></svg>`,
  "comments, doctype, metadata": `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg [ <!ENTITY who "${AUTHOR}"> ]>\n<!-- drawn by ${AUTHOR} in ${HOME} -->\n<!--! licence note by ${AUTHOR} -->\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" viewBox="0 0 64 32"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">${AUTHOR}</dc:creator></rdf:RDF></metadata>${DRAWING}</svg>`,
};

/** The drawing alone, as a reference for the rendering of each cleaned SVG. */
export const PLAIN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" viewBox="0 0 64 32">${DRAWING}</svg>`;

/** A PDF made by pdf-lib with every document-information field filled and an XMP packet on its catalog and on its page. */
export async function pdfWithMetadata(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 100]);
  page.drawText("Brochure", { x: 20, y: 50, size: 20 });
  document.setTitle("Brochure");
  document.setAuthor(AUTHOR);
  document.setCreator(`InkscapeSecret ${HOME}`);
  document.setProducer("PhoneMaker PDF");
  document.setSubject(`Notes of ${AUTHOR}`);
  document.setKeywords([AUTHOR, HOME]);
  const xmp = document.context.stream(XMP, { Type: "Metadata", Subtype: "XML" });
  document.catalog.set(PDFName.of("Metadata"), document.context.register(xmp));
  page.node.set(
    PDFName.of("Metadata"),
    document.context.register(document.context.stream(XMP, { Type: "Metadata", Subtype: "XML" })),
  );
  document.catalog.set(
    PDFName.of("PieceInfo"),
    document.context.obj({ Illustrator: { Private: `${HOME}/InkscapeSecret.ai` } }),
  );
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A password-protected PDF (pdfkit encrypts it). */
export async function encryptedPdf(): Promise<Buffer> {
  const document = new PDFKit({
    userPassword: "secret",
    ownerPassword: "owner",
    pdfVersion: "1.7",
    info: { Author: AUTHOR },
  });
  document.text("Brochure");
  document.end();
  return buffer(document);
}
