// Renders post bodies with markdown-it: heading anchors, rel="noopener" on external links, per-language typography.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { slugify } from "../content/slug.ts";
import { typographyPlugin } from "../typography/french.ts";

export interface RenderOptions {
  /** Language of the text: selects typography rules. */
  lang: string;
  /** Quote marks for the language (double open, double close, single open, single close). */
  quotes?: string | undefined;
  /** The site's own origin, so links to it are not treated as external. */
  siteOrigin: string;
}

const renderers = new Map<string, MarkdownIt>();

function isExternal(href: string, siteOrigin: string): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).origin !== siteOrigin;
  } catch {
    return true;
  }
}

function createRenderer(quotes: string, siteOrigin: string): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true, quotes });
  md.use(anchor, { level: 2, slugify, tabIndex: false, permalink: anchor.permalink.headerLink({ safariReaderFix: true }) });
  md.use(typographyPlugin);
  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token?.attrGet("href");
    if (token && href && isExternal(href, siteOrigin)) token.attrSet("rel", "noopener");
    return renderLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

function rendererFor(options: RenderOptions): MarkdownIt {
  const quotes = options.quotes ?? "“”‘’";
  const key = `${quotes}|${options.siteOrigin}`;
  let md = renderers.get(key);
  if (!md) {
    md = createRenderer(quotes, options.siteOrigin);
    renderers.set(key, md);
  }
  return md;
}

export function renderMarkdown(source: string, options: RenderOptions): string {
  return rendererFor(options).render(source, { lang: options.lang });
}

/** The tokens the same parser produces (typography applied), for outputs other than HTML such as PDF. */
export function parseMarkdown(source: string, options: RenderOptions): Token[] {
  return rendererFor(options).parse(source, { lang: options.lang });
}
