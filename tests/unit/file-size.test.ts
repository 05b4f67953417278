// File sizes as the press room shows them, in the reader's language and decimal units.
import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../src/features/press/file-size.ts";

describe("formatFileSize", () => {
  it("writes sizes in French and English units", () => {
    const sizes = [250, 1500, 181_000, 1_234_567];
    expect(sizes.map((bytes) => formatFileSize(bytes, "fr-FR").replace(/\s/g, " "))).toEqual([
      "250 octets",
      "1,5 ko",
      "181 ko",
      "1,2 Mo",
    ]);
    expect(sizes.map((bytes) => formatFileSize(bytes, "en-GB"))).toEqual(["250 bytes", "1.5 kB", "181 kB", "1.2 MB"]);
  });
});
