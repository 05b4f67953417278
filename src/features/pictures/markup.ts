// The HTML of pictures: eleventy-img's <picture> markup with the right sizes and loading, plain <img> for the rest, a post's picture with its credit.
import Image, { type ImageMetadata } from "@11ty/eleventy-img";
import type { PictureMarkup } from "../../core/media/picture-service.ts";
import type { Post } from "../../core/model/types.ts";
import type { Strings } from "../../core/i18n/strings.ts";
import { typeset } from "../../core/typography/french.ts";
import type { PictureSource } from "./sources.ts";

/** The text column (`--measure` 40rem less 1rem of padding on each side, in site.css) at the default font size. */
const COLUMN_PX = 608;
const GUTTERS_PX = 32;

/**
 * How wide a picture of the text column is shown: the column, or its own width when it is narrower (CSS never
 * enlarges it). Media conditions only, which every browser and HTML checker reads.
 */
export function columnSizes(width: number): string {
  if (width >= COLUMN_PX) return `(min-width: 40rem) 38rem, calc(100vw - 2rem)`;
  return `(min-width: ${width + GUTTERS_PX}px) ${width}px, calc(100vw - 2rem)`;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Below the first screen, the browser fetches a picture only as it nears the screen, and decodes it off the main thread. */
function loading(markup: PictureMarkup): Record<string, string> {
  return markup.eager ? { fetchpriority: "high" } : { loading: "lazy", decoding: "async" };
}

export function pictureHtml(metadata: ImageMetadata, markup: PictureMarkup): string {
  return Image.generateHTML(metadata, { alt: markup.alt, sizes: markup.sizes, ...loading(markup) });
}

/** A picture without renditions (SVG, GIF, an animation): itself, with its size so that the page does not shift. */
export function plainImageHtml(source: PictureSource, markup: PictureMarkup): string {
  const attributes = {
    src: source.url,
    alt: markup.alt,
    width: source.width,
    height: source.height,
    ...loading(markup),
  };
  return `<img ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeAttribute(String(value))}"`)
    .join(" ")}>`;
}

/** "Crédit : … · Licence : CC BY 4.0" under a post's picture, the licence linked when it has an address. */
export function creditHtml(post: Post, strings: Strings): string {
  const parts: string[] = [];
  if (post.imageCredit)
    parts.push(
      `${escapeAttribute(strings.t("pictures.credit"))} ${escapeAttribute(typeset(post.imageCredit, post.lang))}`,
    );
  const licence = post.imageLicence;
  if (licence) {
    const name = escapeAttribute(licence.name);
    const shown = licence.url ? `<a href="${escapeAttribute(licence.url)}" rel="license">${name}</a>` : name;
    parts.push(`${escapeAttribute(strings.t("pictures.licence"))} ${shown}`);
  }
  return parts.join(" · ");
}
