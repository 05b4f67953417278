// What the build keeps of a PDF: its pages and title, not its author, tools, keywords, XMP metadata or editors' private data.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { cleanPdf } from "../../src/core/media/clean-pdf.ts";
import { pdfText } from "../helpers/press.ts";
import { AUTHOR, LEAKS, encryptedPdf, pdfWithMetadata } from "../helpers/hostile-assets.ts";

/** poppler's pdfinfo: a second, independent reader; exits non-zero on a broken file. */
async function pdfinfo(pdf: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), "tract-pdf-")), "file.pdf");
  await writeFile(file, pdf);
  return (
    (await promisify(execFile)("pdfinfo", ["-meta", file])).stdout +
    (await promisify(execFile)("pdfinfo", [file])).stdout
  );
}

async function xmpOf(pdf: Buffer): Promise<unknown> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const { metadata } = await document.getMetadata();
  await document.destroy();
  return metadata;
}

describe("cleanPdf (pdf-lib)", () => {
  it("starts from a PDF that carries the author, the tools and XMP metadata", async () => {
    const original = await pdfWithMetadata();
    const info = await pdfinfo(original);
    expect(info).toMatch(new RegExp(`^Author: +${AUTHOR}$`, "m"));
    expect(info).toMatch(/^Creator: +InkscapeSecret/m);
    expect(info).toMatch(/^Metadata Stream: +yes$/m);
    expect(info).toContain("<rdf:li>Camille Dupont</rdf:li>");
  });

  it("removes Author, Creator, Producer, Subject, Keywords and every XMP stream, keeps the title and the page, and stays valid", async () => {
    const cleaned = await cleanPdf(await pdfWithMetadata());
    const info = await pdfinfo(cleaned);
    for (const field of ["Author", "Creator", "Producer", "Subject", "Keywords", "CreationDate", "ModDate"])
      expect(info).not.toMatch(new RegExp(`^${field}:`, "m"));
    expect(info).toMatch(/^Title: +Brochure$/m);
    expect(info).toMatch(/^Metadata Stream: +no$/m);
    expect(info).toMatch(/^Pages: +1$/m);
    const read = await pdfText(cleaned);
    expect(read.text).toContain("Brochure");
    expect(
      Object.keys(read.info).filter(
        (key) =>
          ![
            "PDFFormatVersion",
            "Language",
            "EncryptFilterName",
            "IsLinearized",
            "IsAcroFormPresent",
            "IsXFAPresent",
            "IsCollectionPresent",
            "IsSignaturesPresent",
          ].includes(key),
      ),
    ).toEqual(["Title"]);
    expect(await xmpOf(cleaned)).toBeNull();
    // Written without object streams, every object is in the file as plain text: none holds a name or path.
    for (const leak of [...LEAKS, "PieceInfo", "/Metadata"]) expect(cleaned.includes(leak), leak).toBe(false);
  });

  it("gives the same bytes for the same file", async () => {
    const original = await pdfWithMetadata();
    expect((await cleanPdf(original)).equals(await cleanPdf(Buffer.from(original)))).toBe(true);
  });

  it("refuses an encrypted PDF and one it cannot read, saying how to fix them", async () => {
    await expect(cleanPdf(await encryptedPdf())).rejects.toThrow(
      /^is an encrypted \(password-protected\) PDF, .* \(expected a PDF saved without a password or restrictions, e\.g\. `qpdf --decrypt in\.pdf out\.pdf`\)$/,
    );
    await expect(cleanPdf(Buffer.from("%PDF-1.4 brochure"))).rejects.toThrow(
      /^is not a PDF the build can read: .* \(expected a complete, valid PDF: export it again from the original\)$/,
    );
    const whole = await pdfWithMetadata();
    await expect(cleanPdf(whole.subarray(0, whole.length / 2))).rejects.toThrow(/^is not a PDF the build can read/);
  });
});
