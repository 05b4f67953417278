// Typography of text (never code, URLs or markup): typographic apostrophes; in French, narrow no-break spaces before ; : ! ?, inside « » and around the h of "13 h 15".
import type MarkdownIt from "markdown-it";

const NNBSP = "\u202F";

/** Applies French spacing rules to plain text (never to code, URLs or markup). */
export function frenchSpacing(text: string): string {
  return (
    text
      // An ordinary or no-break space before ; : ! ? becomes a narrow no-break space.
      .replace(/[ \u00A0\u202F]+([;:!?]+)/g, `${NNBSP}$1`)
      // A missing space before ; ! ? (and : when a space follows it, so 13:00 and https: stay) is added.
      .replace(/([\p{L}\p{N}»)\]…"'’])([;!?]+|:(?=\s|$))(?=\s|$|[)\]»])/gu, `$1${NNBSP}$2`)
      .replace(/«[ \u00A0\u202F]*/g, `«${NNBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NNBSP}»`)
      // Hours as French writes them, "13 h" and "15 h 15": the h is held to its figures by narrow no-break spaces.
      .replace(
        /(?<![\p{L}\p{N}])(\d{1,2})[ \u00A0\u202F]?h(?:[ \u00A0\u202F]?(\d{2}))?(?![\p{L}\p{N}])/gu,
        (_, hours: string, minutes?: string) => `${hours}${NNBSP}h${minutes ? `${NNBSP}${minutes}` : ""}`,
      )
  );
}

function isFrench(lang: string): boolean {
  return lang === "fr" || lang.startsWith("fr-");
}

/** Straight apostrophes between letters become typographic ones (l'IA → l’IA), as markdown-it does in bodies. */
function apostrophes(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, "$1’");
}

/** Typesets a title or UI string: apostrophes in every language, French spacing in French. */
export function typeset(text: string, lang: string): string {
  const withApostrophes = apostrophes(text);
  return isFrench(lang) ? frenchSpacing(withApostrophes) : withApostrophes;
}

/**
 * markdown-it plugin: applies `typeset` to text tokens only, so code spans, code blocks,
 * raw HTML, attributes and the visible text of autolinked URLs are never touched.
 * The document language comes from the render environment (`env.lang`).
 */
export function typographyPlugin(md: MarkdownIt): void {
  md.core.ruler.push("tract_typography", (state) => {
    const lang = (state.env as { lang?: string }).lang ?? "";
    if (!isFrench(lang)) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      let insideAutolink = 0;
      for (const token of block.children) {
        if (token.type === "link_open" && (token.markup === "linkify" || token.markup === "autolink")) insideAutolink++;
        else if (
          token.type === "link_close" &&
          insideAutolink > 0 &&
          (token.markup === "linkify" || token.markup === "autolink")
        )
          insideAutolink--;
        else if (token.type === "text" && insideAutolink === 0) token.content = frenchSpacing(token.content);
      }
    }
  });
}
