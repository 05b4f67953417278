// The links and images of a Markdown body, with the line of the file they are on: read once per document, checked by the build and npm run check.
import type { Markdown } from "../markdown/render.ts";

export interface MarkdownReference {
  kind: "link" | "image";
  target: string;
  /** An image's text alternative (empty when the writer gave none). */
  alt: string;
  /** The image is declared decorative (`![décoratif](…)`): it has no text alternative on purpose. */
  decorative?: boolean;
  /** 1-based line in the file. */
  line: number;
}

/** The references of `body`, whose first line is line `bodyLine` of its file. */
export function markdownReferences(body: string, bodyLine: number, markdown: Markdown): MarkdownReference[] {
  const references: MarkdownReference[] = [];
  for (const block of markdown.parse(body)) {
    if (block.type !== "inline" || !block.children) continue;
    const line = bodyLine + (block.map?.[0] ?? 0);
    for (const token of block.children) {
      if (token.type === "link_open" && token.markup !== "linkify")
        references.push({ kind: "link", target: token.attrGet("href") ?? "", alt: "", line });
      if (token.type === "image") {
        const alt = token.content.trim();
        const decorative = markdown.isDecorative(alt);
        references.push({
          kind: "image",
          target: token.attrGet("src") ?? "",
          alt,
          line,
          ...(decorative ? { decorative } : {}),
        });
      }
    }
  }
  return references;
}
