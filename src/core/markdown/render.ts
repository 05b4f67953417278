// Renders Markdown with markdown-it for one language: heading anchors, rel="noopener" on external links, figures, the language's typography.
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Language } from "../content/schema.ts";
import { slugify } from "../content/slug.ts";
import { typographyPlugin } from "../typography/french.ts";
import { figuresPlugin } from "./figures.ts";

export interface RenderOptions {
  /** Language of the text: selects typography rules. */
  lang: string;
  /** Quote marks for the language (double open, double close, single open, single close). */
  quotes?: string | undefined;
  /** The site's own origin, so links to it are not treated as external. */
  siteOrigin: string;
  /** The words a writer gives as an image's text to declare it decorative (`![décoratif](…)`): it gets alt="". */
  decorative?: string[] | undefined;
}

/** Declares an image decorative in every language, besides the language's own word (`writing.decorative` in its strings). */
export const DECORATIVE = "decorative";

/** The options every text of a language is rendered with: the one place they are made. */
export function markdownOptions(language: Language, siteUrl: string, decorative?: string): RenderOptions {
  return {
    lang: language.code,
    quotes: language.quotes,
    siteOrigin: new URL(siteUrl).origin,
    decorative: [...new Set([DECORATIVE, ...(decorative ? [decorative] : [])])],
  };
}

function isExternal(href: string, siteOrigin: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).origin !== siteOrigin;
  } catch {
    return true;
  }
}

/** A `##` section of a text: its heading's id, the heading and what follows it up to the next `##`. */
export interface MarkdownSection {
  id: string;
  heading: string;
  body: string;
}

export type MarkdownToken = ReturnType<MarkdownIt["parse"]>[number];

/** One language's Markdown renderer: the same parser renders bodies, splits them into sections and lists their links. */
export class Markdown {
  private readonly md: MarkdownIt;

  constructor(readonly options: RenderOptions) {
    const md = new MarkdownIt({ html: true, linkify: true, typographer: true, quotes: options.quotes ?? "“”‘’" });
    md.use(anchor, {
      level: 2,
      slugify,
      tabIndex: false,
      permalink: anchor.permalink.headerLink({ safariReaderFix: true }),
    });
    md.use(typographyPlugin);
    md.use(figuresPlugin);
    const renderLinkOpen =
      md.renderer.rules.link_open ??
      ((tokens, idx, renderOptions, _env, self) => self.renderToken(tokens, idx, renderOptions));
    const renderImage = md.renderer.rules.image;
    md.renderer.rules.image = (tokens, idx, renderOptions, env, self) => {
      const token = tokens[idx];
      // A decorative image has an empty text alternative: screen readers pass over it.
      if (token && this.isDecorative(token.content.trim())) token.children = [];
      return renderImage
        ? renderImage(tokens, idx, renderOptions, env, self)
        : self.renderToken(tokens, idx, renderOptions);
    };
    md.renderer.rules.link_open = (tokens, idx, renderOptions, env, self) => {
      const token = tokens[idx];
      const href = token?.attrGet("href");
      if (token && href && isExternal(href, options.siteOrigin)) token.attrSet("rel", "noopener");
      return renderLinkOpen(tokens, idx, renderOptions, env, self);
    };
    this.md = md;
  }

  /** Whether an image's text is the word declaring it decorative. */
  isDecorative(alt: string): boolean {
    const word = alt.trim().toLocaleLowerCase(this.options.lang);
    return (this.options.decorative ?? [DECORATIVE]).some(
      (declared) => declared.toLocaleLowerCase(this.options.lang) === word,
    );
  }

  private get env() {
    return { lang: this.options.lang };
  }

  render(source: string): string {
    return this.md.render(source, this.env);
  }

  /** The token stream, for tools that inspect links and images, or write the text in another format (PDF). */
  parse(source: string): MarkdownToken[] {
    return this.md.parse(source, this.env);
  }

  /** The text split at its `##` headings, rendered exactly as `render` renders it whole (same ids, same typography). */
  sections(source: string): { intro: string; sections: MarkdownSection[] } {
    const env = this.env;
    const tokens = this.md.parse(source, env);
    const render = (part: MarkdownToken[]) => this.md.renderer.render(part, this.md.options, env);
    const starts = tokens.flatMap((token, index) =>
      token.type === "heading_open" && token.tag === "h2" ? [index] : [],
    );
    const sections = starts.map((start, n) => {
      const headingEnd = tokens.findIndex((token, index) => index > start && token.type === "heading_close") + 1;
      return {
        id: tokens[start]?.attrGet("id") ?? "",
        heading: render(tokens.slice(start, headingEnd)),
        body: render(tokens.slice(headingEnd, starts[n + 1] ?? tokens.length)),
      };
    });
    return { intro: render(tokens.slice(0, starts[0] ?? tokens.length)), sections };
  }
}
