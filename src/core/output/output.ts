// One file of the built site, as a feature declares it: where it goes, its type, where it comes from, and how to make it.

/** Who declared an output, and from what: named in messages when two outputs want one address or a path is unsafe. */
export interface OutputOrigin {
  feature: string;
  /** The source file (post, data file) it comes from, when there is one. */
  file?: string | undefined;
  /** The field of that file that gave the address (e.g. `aliases`). */
  field?: string | undefined;
  line?: number | undefined;
}

export interface Output {
  /** Address on the site: `/fr/` is written as `fr/index.html`, `/fr/feed.xml` as it is. */
  url: string;
  /** The media type it is served with, e.g. `text/html`, `application/atom+xml`. */
  type: string;
  origin: OutputOrigin;
  /** Whether gzip and brotli copies are written beside it; by default, for text types. Server files read by the server itself need none. */
  compress?: boolean;
  /** Makes its content; called once, by the writer. */
  produce(): Promise<string | Uint8Array> | string | Uint8Array;
}

/**
 * Files made from the content of other outputs, such as a search index made from the pages. The writer hands it the
 * content of each output it reads, as produced (before minification), then writes the files it makes like any other
 * output, once every output it reads is written: their addresses are checked against all the others.
 */
export interface Derivation {
  origin: OutputOrigin;
  /** Whether it needs the content of this output; asked once per output. */
  reads(output: Output): boolean;
  /** The content of one output it reads, once, in no particular order; the writer waits for it before going on. */
  read(output: Output, content: Buffer): Promise<void> | void;
  /** Its files, asked once every output it reads has been read. */
  outputs(): Promise<Output[]>;
}

/** Media types whose files get gzip and brotli copies (the others are already compressed: images, PDF, ZIP). */
const TEXT_TYPES =
  /^(text\/|application\/(?:json|feed\+json|xml|atom\+xml|rss\+xml|manifest\+json|ld\+json)$|image\/svg\+xml$)/;

export function isCompressible(type: string): boolean {
  return TEXT_TYPES.test(type);
}

export function isHtml(type: string): boolean {
  return type === "text/html";
}
