// A press release as a tagged A4 PDF (PDFKit, DejaVu fonts embedded): letterhead, embargo notice, dateline, title, standfirst, contacts, body, about us, page numbers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Token } from "markdown-it";
import type { DateTime } from "luxon";
import { writeMarkdown } from "./pdf-markdown.ts";
import { run } from "./markdown-runs.ts";
import { COLOURS, FONTS, PdfWriter } from "./pdf-writer.ts";
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
const LOGO_SIZE = 34;

export type ReleaseContact = Pick<PressContact, "name" | "role" | "email" | "phone" | "phoneUri" | "languages">;

/** Everything the PDF shows, already in the release's language. */
export interface ReleasePdf {
  /** BCP 47 tag of the document, e.g. fr-FR. */
  locale: string;
  /** The collective's name and colour, and its logo as a PNG, at the top of the first page. */
  letterhead: { name: string; accent: string; logo?: Buffer | undefined };
  /** A line the release opens with and every page carries (an embargo notice). */
  notice?: string | undefined;
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

function writeLetterhead(writer: PdfWriter, letterhead: ReleasePdf["letterhead"]): void {
  const { doc } = writer;
  const top = doc.y;
  // The logo shows the name written beside it: decoration, which screen readers skip.
  if (letterhead.logo) writer.artifact(() => doc.image(letterhead.logo as Buffer, MARGIN, top, { width: LOGO_SIZE }));
  const indent = letterhead.logo ? LOGO_SIZE + 10 : 0;
  writer.indent += indent;
  doc.y = top + (letterhead.logo ? (LOGO_SIZE - 15) / 2 : 0);
  writer.writeText(letterhead.name, { size: 14, bold: true, colour: letterhead.accent, gapAfter: 0 });
  writer.indent -= indent;
  doc.y = Math.max(doc.y, top + LOGO_SIZE);
  writer.rule(letterhead.accent, 1.5);
}

const CONTACT_STYLE = { size: 10, gapAfter: 0.1 };

function writeContacts(writer: PdfWriter, contacts: ReleasePdf["contacts"]): void {
  writer.begin("Sect");
  writer.writeText(contacts.heading, { size: 12.5, bold: true, gapAfter: 0.4 }, undefined, "H2");
  for (const contact of contacts.list) {
    const linked = (label: string, value: string, link: string) =>
      writer.writeRuns([run(contacts.pair(label, "")), run(value, { link })], CONTACT_STYLE);
    writer.writeRuns([run(contact.name, { bold: true }), run(` — ${contact.role}`)], CONTACT_STYLE);
    linked(contacts.labels.email, contact.email, `mailto:${contact.email}`);
    linked(contacts.labels.phone, contact.phone, contact.phoneUri);
    writer.writeText(contacts.pair(contacts.labels.languages, contact.languages), {
      size: 10,
      colour: COLOURS.muted,
      gapAfter: 0.6,
    });
  }
  writer.end();
}

/** The contacts' height on the page, to put them on the first page when they fit there with the start of the text. */
function contactsHeight(writer: PdfWriter, contacts: ReleasePdf["contacts"]): number {
  const lines = contacts.list.flatMap((contact) => [
    `${contact.name} — ${contact.role}`,
    contacts.pair(contacts.labels.email, contact.email),
    contacts.pair(contacts.labels.phone, contact.phone),
    contacts.pair(contacts.labels.languages, contact.languages),
  ]);
  return (
    writer.heightOf(contacts.heading, { size: 12.5, bold: true, gapAfter: 0.4 }) +
    lines.reduce((sum, line) => sum + writer.heightOf(line, CONTACT_STYLE), 0) +
    contacts.list.length * 8
  );
}

/** Page numbers in the bottom margin of every page, and the notice in the top margin of the next ones: artifacts, drawn last. */
function paginate(writer: PdfWriter, release: ReleasePdf): void {
  const { doc } = writer;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { top, bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    const line = (text: string, y: number, colour: string) =>
      writer.artifact(() => {
        doc.font(FONTS.regular).fontSize(8.5).fillColor(colour);
        doc.text(text, MARGIN, y, { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false });
      }, "Pagination");
    line(release.pageLabel(index - start + 1, count), doc.page.height - bottom / 2 - 4, COLOURS.muted);
    if (release.notice && index > start) line(release.notice, top / 2 - 4, release.letterhead.accent);
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
    tagged: true,
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
  writeLetterhead(writer, release.letterhead);
  if (release.notice)
    writer.writeText(release.notice, { size: 11, bold: true, colour: release.letterhead.accent, gapAfter: 0.8 });
  writer.writeText(release.kind.toLocaleUpperCase(release.locale), {
    size: 9,
    bold: true,
    colour: COLOURS.muted,
    gapAfter: 0.8,
  });
  writer.writeText(release.dateline, { size: 11, bold: true, gapAfter: 0.5 });
  writer.writeText(release.title, { size: 20, bold: true, gapAfter: 0.5 }, undefined, "H1");
  writer.writeText(release.standfirst, { size: 12.5, bold: true, colour: COLOURS.muted, gapAfter: 0.9 });
  // On the first page when they fit there, leaving room for the text to begin: a journalist finds whom to call at once.
  const room = doc.page.height - doc.page.margins.bottom - doc.y;
  const contactsFirst = doc.bufferedPageRange().count === 1 && contactsHeight(writer, release.contacts) + 60 < room;
  if (contactsFirst) {
    writeContacts(writer, release.contacts);
    writer.rule();
  }
  writeMarkdown(writer, release.body);
  writer.writeText(release.endMark, { size: 11, bold: true, align: "center", gapAfter: 0.8 });
  writer.rule();
  writer.begin("Sect");
  writer.writeText(release.about.heading, { size: 12.5, bold: true, gapAfter: 0.4 }, undefined, "H2");
  writeMarkdown(writer, release.about.body, 10);
  writer.end();
  if (!contactsFirst) writeContacts(writer, release.contacts);
  writer.writeText(release.url, { size: 9, colour: COLOURS.muted }, release.url);
  writer.finish();

  paginate(writer, release);
  doc.end();
  return done;
}
