// Renders post bodies with markdown-it: heading anchors, rel="noopener" on external links, per-language typography.
import { BuildMemo } from "../build/build-memo.ts";
import MarkdownIt from "markdown-it";
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

/** The token stream of a Markdown source, from the same parser that renders it (for tools that inspect links and images). */
export function parseMarkdown(source: string, options: RenderOptions): ReturnType<MarkdownIt["parse"]> {
  return rendererFor(options).parse(source, { lang: options.lang });
}

/** A `##` section of a text: its heading's id, the heading and what follows it up to the next `##`. */
export interface MarkdownSection {
  id: string;
  heading: string;
  body: string;
}

/** Rebuttals are split into sections at every build: the preview's rebuilds reuse the split of unchanged ones. */
const splitSections = new BuildMemo<string, { intro: string; sections: MarkdownSection[] }>();

/** The text split at its `##` headings, rendered exactly as renderMarkdown renders it whole (same ids, same typography). */
export function renderMarkdownSections(source: string, options: RenderOptions): { intro: string; sections: MarkdownSection[] } {
  return splitSections.get(`${JSON.stringify(options)}\0${source}`, () => splitMarkdownSections(source, options));
}

function splitMarkdownSections(source: string, options: RenderOptions): { intro: string; sections: MarkdownSection[] } {
  const md = rendererFor(options);
  const env = { lang: options.lang };
  const tokens = md.parse(source, env);
  const render = (part: typeof tokens) => md.renderer.render(part, md.options, env);
  const starts = tokens.flatMap((token, index) => (token.type === "heading_open" && token.tag === "h2" ? [index] : []));
  const sections = starts.map((start, n) => {
    const headingEnd = tokens.findIndex((token, index) => index > start && token.type === "heading_close") + 1;
    return { id: tokens[start]?.attrGet("id") ?? "", heading: render(tokens.slice(start, headingEnd)), body: render(tokens.slice(headingEnd, starts[n + 1] ?? tokens.length)) };
  });
  return { intro: render(tokens.slice(0, starts[0] ?? tokens.length)), sections };
}
