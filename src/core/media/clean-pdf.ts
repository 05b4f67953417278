// PDFs as the site publishes them: rewritten by pdf-lib without author, tools, XMP metadata or editors' private data.
import { BuildError } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";
import type { PDFContext, PDFObject, PDFRef } from "pdf-lib";

/** What editors leave on the catalog, pages and images: XMP packets, Illustrator's or InDesign's private data and edit dates. */
const EDITOR_KEYS = ["Metadata", "PieceInfo", "LastModified"];

/** Of the document information (Author, Creator, Producer, Subject, Keywords, dates…), only the title readers show. */
const KEPT_INFO = "Title";

/** Every indirect object reachable from the document's catalog and information: the rest would be written out as it was. */
async function reachable(context: PDFContext, roots: (PDFObject | undefined)[]): Promise<Set<PDFRef>> {
  const { PDFArray, PDFDict, PDFRef, PDFStream } = await import("pdf-lib");
  const seen = new Set<PDFRef>();
  const pending = roots.filter((root) => root !== undefined);
  for (let object = pending.pop(); object; object = pending.pop()) {
    if (object instanceof PDFRef) {
      if (seen.has(object)) continue;
      seen.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) pending.push(...object.values());
    else if (object instanceof PDFArray) pending.push(...object.asArray());
    else if (object instanceof PDFStream) pending.push(object.dict);
  }
  return seen;
}

/**
 * The PDF without its metadata, and every page as it was. Deterministic: pdf-lib is told not to stamp its own
 * producer and dates, so the same file always gives the same bytes. Throws, with the fix, on an encrypted or
 * unreadable file.
 */
export async function cleanPdf(data: Buffer): Promise<Buffer> {
  const { PDFDict, PDFDocument, PDFName, PDFStream } = await import("pdf-lib");
  let document;
  try {
    // Loaded even when encrypted, to say so below rather than with pdf-lib's advice to ignore it.
    document = await PDFDocument.load(data, {
      updateMetadata: false,
      throwOnInvalidObject: true,
      ignoreEncryption: true,
    });
    if (!document.isEncrypted && document.getPageCount() === 0) throw new Error("it has no pages");
  } catch (error) {
    throw new BuildError(
      msg`is not a PDF the build can read: ${(error as Error).message.split("\n")[0] ?? ""} (expected a complete, valid PDF: export it again from the original)`,
      { cause: error },
    );
  }
  if (document.isEncrypted)
    throw new BuildError(
      msg`is an encrypted (password-protected) PDF, whose metadata the build cannot remove (expected a PDF saved without a password or restrictions, e.g. \`qpdf --decrypt in.pdf out.pdf\`)`,
    );
  const { context } = document;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) for (const key of EDITOR_KEYS) dict.delete(PDFName.of(key));
  }
  const info = context.trailerInfo.Info && context.lookup(context.trailerInfo.Info);
  if (info instanceof PDFDict) for (const key of info.keys()) if (key.decodeText() !== KEPT_INFO) info.delete(key);
  if (!(info instanceof PDFDict) || info.keys().length === 0) context.trailerInfo.Info = undefined;
  const kept = await reachable(context, [context.trailerInfo.Root, context.trailerInfo.Info]);
  for (const [ref] of context.enumerateIndirectObjects()) if (!kept.has(ref)) context.delete(ref);
  // Without object streams, every object is written as it is read: any PDF reader since PDF 1.0 opens it.
  return Buffer.from(
    await document.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }),
  );
}
