// The collective's identity from _data/site.yaml, for the header, social cards and PDFs: its logo, and its accent colour made readable in both colour schemes.
import Color from "colorjs.io";
import type { SiteConfig } from "../content/schema.ts";

/** The backgrounds of site.css that accent text and links sit on, light and dark. */
const BACKGROUNDS = { light: ["#fdfcf8", "#f1efe7"], dark: ["#161614", "#24241f"] } as const;
/** WCAG AA for text. */
const TEXT_CONTRAST = 4.5;
const TEXT_ON_ACCENT = ["#ffffff", "#161614"];

/** The accent of one colour scheme, and the text colour to write on it. */
export interface AccentPair {
  accent: string;
  onAccent: string;
}

export interface Identity {
  /** The logo (an SVG under /assets/): its address on the site and its file in the project. */
  logo?: { url: string; file: string } | undefined;
  /** The accent as written in _data/site.yaml (#rrggbb), for PDFs and social cards. */
  accent: string;
  /** The accent each colour scheme shows, moved lighter or darker just enough for text to read on the page. */
  light: AccentPair;
  dark: AccentPair;
}

const contrast = (a: Color, b: string) => a.contrast(new Color(b), "WCAG21");

/** The accent, lightness moved step by step in OKLCH until it reads as text on every background of the scheme. */
function readable(accent: string, scheme: keyof typeof BACKGROUNDS): AccentPair {
  const color = new Color(accent).to("oklch");
  const step = scheme === "light" ? -0.02 : 0.02;
  for (let tries = 0; tries < 50 && BACKGROUNDS[scheme].some((bg) => contrast(color, bg) < TEXT_CONTRAST); tries++)
    color.l = Math.min(1, Math.max(0, (color.l ?? 0) + step));
  const hex = color.to("srgb").toGamut().toString({ format: "hex", collapse: false });
  const onAccent = [...TEXT_ON_ACCENT].sort((a, b) => contrast(new Color(hex), b) - contrast(new Color(hex), a))[0];
  return { accent: hex, onAccent: onAccent ?? "#ffffff" };
}

export function identityOf(site: SiteConfig): Identity {
  return {
    logo: site.logo ? { url: site.logo, file: site.logo.slice(1) } : undefined,
    accent: site.accent.toLowerCase(),
    light: readable(site.accent, "light"),
    dark: readable(site.accent, "dark"),
  };
}

/** The stylesheet that gives the pages the collective's colour (custom properties site.css uses), both schemes. */
export function identityStylesheet(identity: Identity): string {
  const pair = ({ accent, onAccent }: AccentPair) => `--accent:${accent};--accent-text:${onAccent}`;
  return `/* The accent of _data/site.yaml, made by tract. */\n:root{${pair(identity.light)}}\n@media (prefers-color-scheme:dark){:root{${pair(identity.dark)}}}\n`;
}
