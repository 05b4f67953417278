// A post's or page's body with its pictures made responsive: each <img> of a picture of assets/ becomes its <picture> markup, lazily loaded.
import { Parser } from "htmlparser2";
import type { PictureService } from "../../core/media/picture-service.ts";
import { columnSizes } from "./markup.ts";
import type { PictureSource } from "./sources.ts";

interface ImageTag {
  start: number;
  end: number;
  attributes: Record<string, string>;
}

function imageTags(html: string): ImageTag[] {
  const tags: ImageTag[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === "img") tags.push({ start: parser.startIndex, end: parser.endIndex + 1, attributes });
    },
  });
  parser.end(html);
  return tags;
}

/** The address an `<img src>` names, as assets are listed (`/assets/été.jpg`, whether written encoded or not). */
function sitePath(src: string | undefined): string | undefined {
  if (!src?.startsWith("/assets/")) return undefined;
  try {
    return decodeURI(src);
  } catch {
    return undefined;
  }
}

/**
 * Markdown images and `<img>` tags of assets/ pictures. An `<img>` written with its own `srcset` or `width` is left
 * as written (its author chose how it is shown), and so is one without `alt`: the checks report it.
 */
export function responsiveBody(
  html: string,
  sources: ReadonlyMap<string, PictureSource>,
  pictures: PictureService,
): string {
  if (!html.includes("<img")) return html;
  let result = html;
  for (const tag of imageTags(html).reverse()) {
    const { alt, srcset, width } = tag.attributes;
    const source = sources.get(sitePath(tag.attributes.src) ?? "");
    if (!source || alt === undefined || srcset !== undefined || width !== undefined) continue;
    const markup = pictures.html(source.url, { alt, sizes: columnSizes(source.width) });
    if (markup) result = `${result.slice(0, tag.start)}${markup}${result.slice(tag.end)}`;
  }
  return result;
}
