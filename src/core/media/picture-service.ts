// The pictures service a feature may put on the model for the others: responsive renditions of the site's pictures, their markup and bytes.
import type { Post } from "../model/types.ts";
import { Slot } from "../slots.ts";

/** One file made from a picture: a format at a width. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  /** Its media type, e.g. image/avif. */
  type: string;
}

export interface ResponsivePicture {
  /** The picture's own address (`/assets/…`): the site also publishes it whole, cleaned of its metadata. */
  url: string;
  /** Its size, upright. */
  width: number;
  height: number;
  /** Every rendition: the most compact formats first, each format's widths from the narrowest. */
  renditions: Rendition[];
  /** The widest rendition in a format every reader takes (JPEG, or PNG for drawings): for feeds, sharing and downloads. */
  widest: Rendition;
}

export interface PictureMarkup {
  /** The text alternative; `""` for a decorative picture. */
  alt: string;
  /** The `sizes` attribute: how wide the picture is shown, e.g. `min(100vw - 2rem, 38rem)`. */
  sizes: string;
  /** First on the screen (a post's own picture): fetched at once, first; any other picture is fetched when it nears the screen. */
  eager?: boolean;
}

export interface PictureService {
  /** A raster picture of assets/ with its renditions; undefined for any other address. */
  picture(url: string): ResponsivePicture | undefined;
  /** Its `<picture>` markup (every format and width, width and height, lazy or eager); undefined when `url` is no such picture. */
  html(url: string, markup: PictureMarkup): string | undefined;
  /** The bytes of a rendition, made once and kept by content. */
  bytes(rendition: Rendition): Promise<Buffer>;
  /** A post's own picture (`image:`) as a figure with its credit and licence, in the post's language; undefined without one. */
  lead(post: Post): string | undefined;
}

/** On the model (`tract.ext.pictures`), when a feature makes pictures responsive. */
export const PICTURES = new Slot<PictureService>("pictures");
