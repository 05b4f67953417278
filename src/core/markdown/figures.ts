// Markdown figures: an image alone in its paragraph with a title, `![alt](src "caption")`, becomes a <figure> with that caption.
import type MarkdownIt from "markdown-it";
import { typeset } from "../typography/french.ts";

/** Where the caption of a figure's image is kept between parsing and rendering. */
interface FigureMeta {
  caption?: string;
}

/**
 * The title of an image written alone in its paragraph is its caption, shown under it (`<figcaption>`), not a
 * tooltip: tooltips reach neither touch screens nor keyboards. An image among other text keeps its title.
 */
export function figuresPlugin(md: MarkdownIt): void {
  md.core.ruler.push("tract_figures", (state) => {
    const lang = (state.env as { lang?: string }).lang ?? "";
    const { tokens } = state;
    for (let index = 0; index + 2 < tokens.length; index++) {
      const [open, inline, close] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]!];
      if (open.type !== "paragraph_open" || open.hidden || inline.type !== "inline" || close.type !== "paragraph_close")
        continue;
      const [image, ...others] = inline.children ?? [];
      const title = image?.type === "image" && others.length === 0 ? image.attrGet("title") : null;
      if (!image || !title) continue;
      image.attrs = (image.attrs ?? []).filter(([name]) => name !== "title");
      image.meta = { ...(image.meta as FigureMeta | null), caption: typeset(title, lang) } satisfies FigureMeta;
      open.tag = close.tag = "figure";
    }
  });
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const caption = (tokens[index]?.meta as FigureMeta | null)?.caption;
    const html = renderImage(tokens, index, options, env, self);
    return caption === undefined ? html : `${html}<figcaption>${md.utils.escapeHtml(caption)}</figcaption>`;
  };
}
