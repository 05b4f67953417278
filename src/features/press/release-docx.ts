// A press release as a Word document (.docx, made with the docx library) from its Markdown: headings, paragraphs, lists, links, emphasis; the same bytes on every build.
import type { Token } from "markdown-it";
import type { DateTime } from "luxon";
import yauzl from "yauzl";
import { buffer } from "node:stream/consumers";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import { type Run, runsOf } from "./markdown-runs.ts";
import { packZip } from "./zip.ts";

export interface ReleaseDocx {
  /** BCP 47 tag of the text, e.g. fr-FR: word processors check its spelling in that language. */
  locale: string;
  title: string;
  author: string;
  standfirst: string;
  keywords: string[];
  /** The release's Markdown (release-text.ts), parsed. */
  tokens: Token[];
  /** Relative links are resolved against the release's page. */
  url: string;
  /** Fixed dates make the file the same on every build. */
  created: DateTime;
  modified: DateTime;
}

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_4,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_6,
};
const NUMBERED = "numbered";
const RELATIONSHIPS = "word/_rels/document.xml.rels";

function inline(runs: Run[]): (TextRun | ExternalHyperlink)[] {
  return runs.flatMap((piece) => {
    if (piece.text === "") return [];
    if (piece.text === "\n") return [new TextRun({ break: 1 })];
    const text = new TextRun({
      text: piece.text,
      bold: piece.bold,
      italics: piece.italic,
      ...(piece.code ? { font: "DejaVu Sans Mono" } : {}),
      ...(piece.link ? { style: "Hyperlink" } : {}),
    });
    return piece.link ? new ExternalHyperlink({ link: piece.link, children: [text] }) : text;
  });
}

/** One paragraph per block of the Markdown; each ordered list numbered from its own start. */
function paragraphs(tokens: Token[], url: string): Paragraph[] {
  const out: Paragraph[] = [];
  const lists: { ordered: boolean; instance: number }[] = [];
  let instances = 0;
  let quote = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open")
      lists.push({ ordered: token.type === "ordered_list_open", instance: ++instances });
    else if (token.type === "bullet_list_close" || token.type === "ordered_list_close") lists.pop();
    else if (token.type === "blockquote_open") quote++;
    else if (token.type === "blockquote_close") quote--;
    else if (token.type === "fence" || token.type === "code_block")
      out.push(new Paragraph({ children: inline([{ text: token.content, bold: false, italic: false, code: true }]) }));
    else if (token.type === "inline") {
      const parent = tokens[index - 1];
      const children = inline(runsOf(token, url));
      const list = lists.at(-1);
      const level = Math.max(0, lists.length - 1);
      if (parent?.type === "heading_open") out.push(new Paragraph({ heading: HEADINGS[parent.tag], children }));
      else if (list?.ordered)
        out.push(new Paragraph({ numbering: { reference: NUMBERED, level, instance: list.instance }, children }));
      else if (list) out.push(new Paragraph({ bullet: { level }, children }));
      else out.push(new Paragraph({ children, ...(quote ? { indent: { left: 567 * quote } } : {}) }));
    }
  }
  return out;
}

/** docx writes the time of packing into the document's properties and its ZIP entries: both are made fixed here. */
function coreProperties(release: ReleaseDocx): string {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const date = (when: DateTime) => when.toUTC().toISO({ suppressMilliseconds: true });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escape(release.title)}</dc:title><dc:subject>${escape(release.standfirst)}</dc:subject><dc:creator>${escape(release.author)}</dc:creator><cp:keywords>${escape(release.keywords.join(", "))}</cp:keywords><dc:language>${release.locale}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">${date(release.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date(release.modified)}</dcterms:modified></cp:coreProperties>`;
}

export async function releaseDocx(release: ReleaseDocx): Promise<Buffer> {
  const document = new Document({
    title: release.title,
    creator: release.author,
    styles: { default: { document: { run: { language: { value: release.locale } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: paragraphs(release.tokens, release.url) }],
  });
  const packed = await Packer.toBuffer(document, false, [{ path: "docProps/core.xml", data: coreProperties(release) }]);
  // Packed again with one fixed date and the entries in order, as the press kit is.
  const archive = await yauzl.fromBufferPromise(packed, { lazyEntries: true });
  const files = new Map<string, string>();
  for await (const entry of archive.eachEntry())
    files.set(entry.fileName, (await buffer(await archive.openReadStreamPromise(entry))).toString("utf8"));
  return packZip(numberedLinkIds(files), release.modified);
}

/** docx names each hyperlink's relationship with a random id: numbered in order instead, the same on every build. */
function numberedLinkIds(files: Map<string, string>): Map<string, string> {
  const relationships = files.get(RELATIONSHIPS) ?? "";
  const random = [...relationships.matchAll(/Id="(rId[^"]+)"/g)].map((match) => match[1] as string);
  const renamed = new Map(random.filter((id) => !/^rId\d+$/.test(id)).map((id, index) => [id, `rIdLink${index + 1}`]));
  const rename = (xml: string) => xml.replace(/"(rId[^"]+)"/g, (_match, id: string) => `"${renamed.get(id) ?? id}"`);
  return new Map(
    [...files].map(([name, text]) => [name, name.endsWith(".xml") || name.endsWith(".rels") ? rename(text) : text]),
  );
}
