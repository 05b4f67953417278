// A press release as an A4 PDF (PDFKit, DejaVu fonts embedded): dateline, title, standfirst, body, end mark, about us, contacts, page numbers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Token } from "markdown-it";
import type { DateTime } from "luxon";
import { COLOURS, FONTS, PdfWriter, run } from "./pdf-markdown.ts";
import type { PressContact } from "./room.ts";

const FONT_FOLDER = path.join(
  path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const FONT_FILES: Record<(typeof FONTS)[keyof typeof FONTS], string> = {
  DejaVuSans: "DejaVuSans.ttf",
  "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
  "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
  "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
  DejaVuSansMono: "DejaVuSansMono.ttf",
};

/**
 * Each document parses its own fonts from the files (read once per session, `fontFiles`): a fontkit font shared between
 * documents keeps state from one to the next, so a PDF drawn after others came out with other bytes than the same PDF
 * drawn first, and a rebuild that drew only a changed release differed from a full build.
 */
function fontFile(file: string, fontFiles: Map<string, Buffer>): Buffer {
  let data = fontFiles.get(file);
  if (!data) fontFiles.set(file, (data = readFileSync(path.join(FONT_FOLDER, file))));
  return data;
}

/** 2 cm, as the site's print stylesheet. */
const MARGIN = 56.7;

export type ReleaseContact = Pick<PressContact, "name" | "role" | "email" | "phone" | "phoneUri" | "languages">;

/** Everything the PDF shows, already in the release's language. */
export interface ReleasePdf {
  /** BCP 47 tag of the document, e.g. fr-FR. */
  locale: string;
  kind: string;
  title: string;
  dateline: string;
  standfirst: string;
  body: Token[];
  endMark: string;
  about: { heading: string; body: Token[] };
  contacts: {
    heading: string;
    labels: { email: string; phone: string; languages: string };
    list: ReleaseContact[];
    pair: (label: string, value: string) => string;
  };
  /** The release's page, for relative links and to say where it lives. */
  url: string;
  author: string;
  keywords: string[];
  /** "Page {n} of {total}" in the release's language. */
  pageLabel: (n: number, total: number) => string;
  /** Fixed dates make the file the same on every build. */
  created: DateTime;
  modified: DateTime;
}

function writeContacts(writer: PdfWriter, contacts: ReleasePdf["contacts"]): void {
  writer.writeText(contacts.heading, { size: 12.5, bold: true, gapAfter: 0.4 });
  for (const contact of contacts.list) {
    const linked = (label: string, value: string, link: string) =>
      writer.writeRuns([run(contacts.pair(label, "")), run(value, { link })], { size: 10, gapAfter: 0.1 });
    writer.writeRuns([run(contact.name, { bold: true }), run(` — ${contact.role}`)], { size: 10, gapAfter: 0.1 });
    linked(contacts.labels.email, contact.email, `mailto:${contact.email}`);
    linked(contacts.labels.phone, contact.phone, contact.phoneUri);
    writer.writeText(contacts.pair(contacts.labels.languages, contact.languages), {
      size: 10,
      colour: COLOURS.muted,
      gapAfter: 0.6,
    });
  }
}

/** Page numbers go in the bottom margin of every page, once the number of pages is known. */
function numberPages(doc: PDFKit.PDFDocument, label: ReleasePdf["pageLabel"]): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONTS.regular).fontSize(8.5).fillColor(COLOURS.muted);
    doc.text(label(index - start + 1, count), MARGIN, doc.page.height - bottom / 2 - 4, {
      width: doc.page.width - 2 * MARGIN,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export function releasePdf(release: ReleasePdf, fontFiles: Map<string, Buffer>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: release.locale,
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: release.title,
      Author: release.author,
      Subject: release.standfirst,
      Keywords: release.keywords.join(", "),
      Creator: "tract",
      Producer: "tract (PDFKit)",
      CreationDate: release.created.toJSDate(),
      ModDate: release.modified.toJSDate(),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, fontFile(file, fontFiles));

  const writer = new PdfWriter(doc, release.url);
  writer.writeText(release.kind.toLocaleUpperCase(release.locale), {
    size: 9,
    bold: true,
    colour: COLOURS.muted,
    gapAfter: 0.8,
  });
  writer.writeText(release.dateline, { size: 11, bold: true, gapAfter: 0.5 });
  writer.writeText(release.title, { size: 20, bold: true, gapAfter: 0.5 });
  writer.writeText(release.standfirst, { size: 12.5, bold: true, colour: COLOURS.muted, gapAfter: 0.9 });
  writer.writeMarkdown(release.body);
  writer.writeText(release.endMark, { size: 11, bold: true, align: "center", gapAfter: 0.8 });
  writer.rule();
  writer.writeText(release.about.heading, { size: 12.5, bold: true, gapAfter: 0.4 });
  writer.writeMarkdown(release.about.body, 10);
  writeContacts(writer, release.contacts);
  writer.writeText(release.url, { size: 9, colour: COLOURS.muted }, release.url);

  numberPages(doc, release.pageLabel);
  doc.end();
  return done;
}
