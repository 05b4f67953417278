// Lays styled text out in a PDFKit document and tags it as it goes (Tagged PDF): every block a structure element in reading order, links as Link elements holding their annotation, decoration as artifacts.
import { type Run, run } from "./markdown-runs.ts";

export const FONTS = {
  regular: "DejaVuSans",
  bold: "DejaVuSans-Bold",
  italic: "DejaVuSans-Oblique",
  boldItalic: "DejaVuSans-BoldOblique",
  mono: "DejaVuSansMono",
} as const;

export const COLOURS = { text: "#1d1d1b", muted: "#55554f", link: "#8a1616", rule: "#d6d3c8" };

export const LIST_INDENT = 16;

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  colour?: string;
  align?: "left" | "center";
  gapAfter?: number;
}

function fontOf(run: { bold: boolean; italic: boolean; code: boolean }): string {
  if (run.code) return FONTS.mono;
  if (run.bold) return run.italic ? FONTS.boldItalic : FONTS.bold;
  return run.italic ? FONTS.italic : FONTS.regular;
}

/** Writes text at the current position, within the page's margins, into the structure element that is open. */
export class PdfWriter {
  /** Left indentation from lists and quotes. */
  indent = 0;
  /** The grouping elements open, the document itself first: each block goes into the last. */
  private readonly open: PDFKit.PDFStructureElement[];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    /** Relative links are resolved against this page address. */
    readonly baseUrl: string,
  ) {
    const root = doc.struct("Document");
    // Attached at once, so that the content given to each element below is drawn when it is given: in reading order.
    doc.addStructure(root);
    this.open = [root];
  }

  private get container(): PDFKit.PDFStructureElement {
    return this.open.at(-1) as PDFKit.PDFStructureElement;
  }

  private get left(): number {
    return this.doc.page.margins.left + this.indent;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.right - this.left;
  }

  /** Starts a grouping element (a section, a list, a list item, a quotation) that the next blocks go into, until `end`. */
  begin(type: string, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    const element = this.doc.struct(type, options);
    this.container.add(element);
    this.open.push(element);
  }

  end(): void {
    if (this.open.length > 1) (this.open.pop() as PDFKit.PDFStructureElement).end();
  }

  /** Ends every element, the document's too: the structure tree is complete. */
  finish(): void {
    while (this.open.length > 1) this.end();
    this.container.end();
  }

  /** Draws something that is not content (rules, a logo beside the name it shows, page numbers) as an artifact. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A list item's bullet or number, hanging in the indentation before the text that follows (at the same height). */
  writeLabel(marker: string, style: TextStyle): void {
    const { doc } = this;
    const y = doc.y;
    const label = doc.struct("Lbl");
    this.container.add(label);
    label.add(() => {
      doc
        .font(FONTS.regular)
        .fontSize(style.size)
        .fillColor(style.colour ?? COLOURS.text);
      doc.text(marker, this.left - LIST_INDENT, y, { width: LIST_INDENT, lineBreak: false });
    });
    label.end();
    doc.y = y;
  }

  /** Writes runs as one block element of type `tag` (P, H1…); a run with a link becomes a Link element with its annotation. */
  writeRuns(runs: Run[], style: TextStyle, tag = "P"): void {
    const { doc } = this;
    const pieces = runs.filter((piece) => piece.text.length > 0);
    if (pieces.length === 0) return;
    const y = doc.y;
    const block = doc.struct(tag);
    this.container.add(block);
    pieces.forEach((piece, index) => {
      const draw = () => {
        const font = fontOf({
          bold: piece.bold || Boolean(style.bold),
          italic: piece.italic || Boolean(style.italic),
          code: piece.code,
        });
        doc
          .font(font)
          .fontSize(style.size)
          .fillColor(piece.link ? COLOURS.link : (style.colour ?? COLOURS.text));
        const options: PDFKit.Mixins.TextOptions = {
          continued: index < pieces.length - 1,
          link: piece.link ?? null,
          underline: Boolean(piece.link),
          lineGap: style.size * 0.3,
          align: style.align ?? "left",
        };
        if (index === 0) doc.text(piece.text, this.left, y, { ...options, width: this.width });
        else doc.text(piece.text, options);
      };
      if (piece.link) {
        // PDFKit puts a link's annotation in the Link element being drawn: the element's text and its target go together.
        const link = doc.struct("Link");
        block.add(link);
        link.add(draw);
        link.end();
      } else block.add(draw);
    });
    block.end();
    doc.x = doc.page.margins.left;
    doc.moveDown(style.gapAfter ?? 0.6);
  }

  /** Plain text as one block. */
  writeText(text: string, style: TextStyle, link?: string, tag = "P"): void {
    this.writeRuns([run(text, { link })], style, tag);
  }

  /** The height `writeText` would take, to decide whether a block fits where it is. */
  heightOf(text: string, style: TextStyle): number {
    const { doc } = this;
    doc.font(style.bold ? FONTS.bold : FONTS.regular).fontSize(style.size);
    const lineGap = style.size * 0.3;
    return doc.heightOfString(text, { width: this.width, lineGap }) + (style.gapAfter ?? 0.6) * (style.size + lineGap);
  }

  rule(colour = COLOURS.rule, width = 0.75): void {
    const { doc } = this;
    const y = doc.y + 4;
    this.artifact(() =>
      doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(width)
        .strokeColor(colour)
        .stroke(),
    );
    doc.y = y + 10;
  }
}
