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
  /** The language of its content (a page's `<html lang>`), when it has one: what reads it by language need not open it. */
  lang?: string | undefined;
  /** Whether gzip and brotli copies are written beside it; by default, for text types. Server files read by the server itself need none. */
  compress?: boolean;
  /**
   * What it is made from: any value (a view, a feed, an event, a file's stamp) whose JSON changes whenever the output
   * would. A build whose last release holds a file made from the same inputs (and the same templates, settings,
   * strings and code) links that file instead of making it. Without it, the output is made at every build.
   */
  inputs?: () => unknown;
  /** Makes its content; called once, by the writer. */
  produce(): Promise<string | Uint8Array> | string | Uint8Array;
}

/** A written file as a derivation reads it: the same key, the same content. */
export interface WrittenContent {
  /** The hash of its content as published: two builds' files with the same key are the same bytes. */
  key: string;
  /** Its content as published (minified in production), read back from the file. */
  content(): Promise<Buffer>;
}

/**
 * Files a feature makes from other outputs' content (a search index made from the pages). Each output it reads is
 * handed over once written, whether made at this build or linked unchanged from the last release; the files it makes
 * are written like any other output after every output it reads, their addresses checked against all the others.
 */
export interface Derivation {
  origin: OutputOrigin;
  /** Whether it needs the content of this output; asked once per output. */
  reads(output: Output): boolean;
  /** One output it reads, once written, in no particular order; the writer waits for it before going on. */
  read(output: Output, file: WrittenContent): Promise<void> | void;
  /** Its files, asked once every output it reads has been written. */
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
