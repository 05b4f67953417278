// Typed declaration of the one fontkit function tract uses (fontkit ships no .d.ts): open a font to hand to PDFKit.
declare module "fontkit" {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
