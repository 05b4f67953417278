// The links and images of a Markdown body, with the line of the file they are on.
import type { Markdown } from "../markdown/render.ts";

export interface MarkdownReference {
  kind: "link" | "image";
  target: string;
  /** An image's text alternative (empty when the writer gave none). */
  alt: string;
  /** 1-based line in the file. */
  line: number;
}

export function markdownReferences(body: string, bodyLine: number, markdown: Markdown): MarkdownReference[] {
  const references: MarkdownReference[] = [];
  for (const block of markdown.parse(body)) {
    if (block.type !== "inline" || !block.children) continue;
    const line = bodyLine + (block.map?.[0] ?? 0);
    for (const token of block.children) {
      if (token.type === "link_open" && token.markup !== "linkify")
        references.push({ kind: "link", target: token.attrGet("href") ?? "", alt: "", line });
      if (token.type === "image")
        references.push({ kind: "image", target: token.attrGet("src") ?? "", alt: token.content.trim(), line });
    }
  }
  return references;
}
