// Writes Markdown into a PDFKit document from markdown-it's tokens: paragraphs, headings, lists, quotes, tables, code, links, emphasis.
import type { Token } from "markdown-it";

export const FONTS = {
  regular: "DejaVuSans",
  bold: "DejaVuSans-Bold",
  italic: "DejaVuSans-Oblique",
  boldItalic: "DejaVuSans-BoldOblique",
  mono: "DejaVuSansMono",
} as const;

export const COLOURS = { text: "#1d1d1b", muted: "#55554f", link: "#8a1616", rule: "#d6d3c8" };

const HEADING_SIZES: Record<string, number> = { h1: 17, h2: 14, h3: 12.5, h4: 11.5, h5: 11, h6: 11 };
const LIST_INDENT = 16;
const QUOTE_INDENT = 14;

/** A piece of text in one style. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  link?: string | undefined;
}

export function run(text: string, style: Partial<Omit<Run, "text">> = {}): Run {
  return { text, bold: false, italic: false, code: false, ...style };
}

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

/** Lays text out in a PDFKit document at the current position, with the page's margins. */
export class PdfWriter {
  /** Left indentation from lists and quotes. */
  private indent = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    /** Relative links are resolved against this page address. */
    private readonly baseUrl: string,
  ) {}

  private get left(): number {
    return this.doc.page.margins.left + this.indent;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.right - this.left;
  }

  /** Writes runs as one paragraph; `marker` (a bullet or number) hangs in the indentation before it. */
  writeRuns(runs: Run[], style: TextStyle, marker?: string): void {
    const { doc } = this;
    const pieces = runs.filter((run) => run.text.length > 0);
    if (pieces.length === 0) return;
    const y = doc.y;
    if (marker) {
      doc
        .font(FONTS.regular)
        .fontSize(style.size)
        .fillColor(style.colour ?? COLOURS.text);
      doc.text(marker, this.left - LIST_INDENT, y, { width: LIST_INDENT, lineBreak: false });
    }
    pieces.forEach((run, index) => {
      const font = fontOf({
        bold: run.bold || Boolean(style.bold),
        italic: run.italic || Boolean(style.italic),
        code: run.code,
      });
      doc
        .font(font)
        .fontSize(style.size)
        .fillColor(run.link ? COLOURS.link : (style.colour ?? COLOURS.text));
      const options: PDFKit.Mixins.TextOptions = {
        continued: index < pieces.length - 1,
        link: run.link ?? null,
        underline: Boolean(run.link),
        lineGap: style.size * 0.3,
        align: style.align ?? "left",
      };
      if (index === 0) doc.text(run.text, this.left, y, { ...options, width: this.width });
      else doc.text(run.text, options);
    });
    doc.x = doc.page.margins.left;
    doc.moveDown(style.gapAfter ?? 0.6);
  }

  /** Plain text as one paragraph. */
  writeText(text: string, style: TextStyle, link?: string): void {
    this.writeRuns([run(text, { link })], style);
  }

  rule(): void {
    const { doc } = this;
    const y = doc.y + 4;
    doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.75)
      .strokeColor(COLOURS.rule)
      .stroke();
    doc.y = y + 10;
  }

  /** The runs of an inline token; links to anchors of the page itself (heading permalinks) keep only their text. */
  private runsOf(inline: Token): Run[] {
    const runs: Run[] = [];
    let bold = 0;
    let italic = 0;
    let link: string | undefined;
    for (const child of inline.children ?? []) {
      switch (child.type) {
        case "text":
          runs.push(run(child.content, { bold: bold > 0, italic: italic > 0, link }));
          break;
        case "code_inline":
          runs.push(run(child.content, { code: true, link }));
          break;
        case "softbreak":
          // Joined to the text before it: a run of its own could start a line with a space.
          if (runs.length) (runs.at(-1) as Run).text += " ";
          break;
        case "hardbreak":
          runs.push(run("\n", { link }));
          break;
        case "strong_open":
          bold++;
          break;
        case "strong_close":
          bold--;
          break;
        case "em_open":
          italic++;
          break;
        case "em_close":
          italic--;
          break;
        case "link_open": {
          const href = child.attrGet("href") ?? "";
          link = href.startsWith("#") ? undefined : new URL(href, this.baseUrl).href;
          break;
        }
        case "link_close":
          link = undefined;
          break;
        case "image":
          runs.push(run(child.content, { italic: true, link }));
          break;
      }
    }
    return runs;
  }

  /** Writes a whole token stream (markdown-it `parse` output). */
  writeMarkdown(tokens: Token[], bodySize = 11): void {
    const lists: { ordered: boolean; next: number }[] = [];
    let marker: string | undefined;
    let row: Run[] = [];
    let headerRow = false;
    for (const [index, token] of tokens.entries()) {
      switch (token.type) {
        case "heading_open":
          this.doc.moveDown(0.4);
          break;
        case "bullet_list_open":
        case "ordered_list_open":
          lists.push({ ordered: token.type === "ordered_list_open", next: Number(token.attrGet("start") ?? 1) });
          this.indent += LIST_INDENT;
          break;
        case "bullet_list_close":
        case "ordered_list_close":
          lists.pop();
          this.indent -= LIST_INDENT;
          if (lists.length === 0) this.doc.moveDown(0.3);
          break;
        case "list_item_open": {
          const list = lists.at(-1);
          marker = list?.ordered ? `${list.next++}.` : "•";
          break;
        }
        case "blockquote_open":
          this.indent += QUOTE_INDENT;
          break;
        case "blockquote_close":
          this.indent -= QUOTE_INDENT;
          break;
        case "tr_open":
          row = [];
          break;
        case "th_open":
          headerRow = true;
          break;
        case "tr_close":
          this.writeRuns(
            row.map((run) => ({ ...run, bold: run.bold || headerRow })),
            { size: bodySize - 1, gapAfter: 0.3 },
          );
          headerRow = false;
          break;
        case "table_close":
          this.doc.moveDown(0.4);
          break;
        case "hr":
          this.rule();
          break;
        case "fence":
        case "code_block":
          this.writeRuns([run(token.content.replace(/\n$/, ""), { code: true })], { size: bodySize - 1.5 });
          break;
        case "inline": {
          const runs = this.runsOf(token);
          const parent = tokens[index - 1];
          if (parent?.type === "th_open" || parent?.type === "td_open") {
            if (row.length) row.push(run(" — "));
            row.push(...runs);
          } else if (parent?.type === "heading_open") {
            // Headings become the PDF's bookmarks, as a reader's table of contents.
            this.doc.outline.addItem(runs.map((piece) => piece.text).join(""));
            this.writeRuns(runs, { size: HEADING_SIZES[parent.tag] ?? bodySize, bold: true, gapAfter: 0.4 });
          } else {
            this.writeRuns(runs, { size: bodySize }, marker);
            marker = undefined;
          }
          break;
        }
      }
    }
  }
}
