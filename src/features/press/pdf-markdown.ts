// Writes Markdown into a tagged PDF from markdown-it's tokens: paragraphs, headings (with bookmarks), lists, quotes, tables, code, links, emphasis.
import type { Token } from "markdown-it";
import { type Run, run, runsOf } from "./markdown-runs.ts";
import { LIST_INDENT, type PdfWriter } from "./pdf-writer.ts";

const HEADING_SIZES: Record<string, number> = { h1: 17, h2: 14, h3: 12.5, h4: 11.5, h5: 11, h6: 11 };
const QUOTE_INDENT = 14;

/** An open list: its numbering, and whether the current item's body element is open. */
interface OpenList {
  ordered: boolean;
  next: number;
  body: boolean;
}

/** Writes a whole token stream (markdown-it `parse` output) as tagged blocks: H2…, P, L/LI/Lbl/LBody, BlockQuote. */
export function writeMarkdown(writer: PdfWriter, tokens: Token[], bodySize = 11): void {
  const lists: OpenList[] = [];
  let marker: string | undefined;
  let row: Run[] = [];
  let headerRow = false;
  for (const [index, token] of tokens.entries()) {
    switch (token.type) {
      case "heading_open":
        writer.doc.moveDown(0.4);
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({
          ordered: token.type === "ordered_list_open",
          next: Number(token.attrGet("start") ?? 1),
          body: false,
        });
        writer.begin("L");
        writer.indent += LIST_INDENT;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        writer.end();
        writer.indent -= LIST_INDENT;
        if (lists.length === 0) writer.doc.moveDown(0.3);
        break;
      case "list_item_open": {
        const list = lists.at(-1);
        writer.begin("LI");
        marker = list?.ordered ? `${list.next++}.` : "•";
        break;
      }
      case "list_item_close": {
        const list = lists.at(-1);
        if (list?.body) writer.end();
        if (list) list.body = false;
        writer.end();
        break;
      }
      case "blockquote_open":
        writer.begin("BlockQuote");
        writer.indent += QUOTE_INDENT;
        break;
      case "blockquote_close":
        writer.end();
        writer.indent -= QUOTE_INDENT;
        break;
      case "tr_open":
        row = [];
        break;
      case "th_open":
        headerRow = true;
        break;
      case "tr_close":
        // A row is drawn as one line of text, its cells separated by dashes: tagged as the paragraph it looks like.
        writer.writeRuns(
          row.map((piece) => ({ ...piece, bold: piece.bold || headerRow })),
          { size: bodySize - 1, gapAfter: 0.3 },
        );
        headerRow = false;
        break;
      case "table_close":
        writer.doc.moveDown(0.4);
        break;
      case "hr":
        writer.rule();
        break;
      case "fence":
      case "code_block":
        writer.writeRuns([run(token.content.replace(/\n$/, ""), { code: true })], { size: bodySize - 1.5 });
        break;
      case "inline": {
        const runs = runsOf(token, writer.baseUrl);
        const parent = tokens[index - 1];
        if (parent?.type === "th_open" || parent?.type === "td_open") {
          if (row.length) row.push(run(" — "));
          row.push(...runs);
        } else if (parent?.type === "heading_open") {
          // Headings become the PDF's bookmarks, as a reader's table of contents.
          writer.doc.outline.addItem(runs.map((piece) => piece.text).join(""));
          const size = HEADING_SIZES[parent.tag] ?? bodySize;
          writer.writeRuns(runs, { size, bold: true, gapAfter: 0.4 }, parent.tag.toUpperCase());
        } else {
          const list = lists.at(-1);
          if (marker && list) {
            writer.writeLabel(marker, { size: bodySize });
            writer.begin("LBody");
            list.body = true;
            marker = undefined;
          }
          writer.writeRuns(runs, { size: bodySize });
        }
        break;
      }
    }
  }
}
