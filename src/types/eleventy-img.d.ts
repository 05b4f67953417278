// Typed declaration of the parts of @11ty/eleventy-img tract uses (it ships no .d.ts): encoding, planning from a size, and markup.
declare module "@11ty/eleventy-img" {
  /** One output file: a format at a width (`buffer` with `dryRun`). */
  export interface ImageEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    size?: number;
    buffer?: Buffer;
  }
  /** Entries by format, each format's widths from the narrowest. */
  export type ImageMetadata = Record<string, ImageEntry[]>;

  export interface ImageOptions {
    widths: (number | "auto")[];
    formats: string[];
    urlPath: string;
    filenameFormat: (id: string, src: unknown, width: number, format: string) => string;
    dryRun?: boolean;
    useCache?: boolean;
    failOnError?: boolean;
    formatFiltering?: string[];
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
  }

  /** Encodes `src` (a Buffer or a path) into every format and width. */
  function Image(src: Buffer | string, options: ImageOptions): Promise<ImageMetadata>;
  namespace Image {
    /** The entries the same options would give for a picture of this size, without reading or encoding anything. */
    function statsByDimensionsSync(src: string, width: number, height: number, options: ImageOptions): ImageMetadata;
    /** `<picture>` (or `<img>`) markup of the entries; `alt` is required (`""` for decorative pictures). */
    function generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
  }
  export default Image;
}
