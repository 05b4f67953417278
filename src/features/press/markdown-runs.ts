// The text of a Markdown paragraph as styled runs (bold, italic, code, links made absolute), for the formats that lay text out themselves: PDF, .docx.
import type { Token } from "markdown-it";

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

/** The runs of an inline token; links to anchors of the page itself (heading permalinks) keep only their text. */
export function runsOf(inline: Token, baseUrl: string): Run[] {
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
        link = href.startsWith("#") ? undefined : new URL(href, baseUrl).href;
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
