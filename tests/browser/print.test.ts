// Printing from Chromium (A4, print.css): an event's programme starts on the first page, without the links that only work on screen; a post names its site and address.
import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { browserOnSharedSite } from "../helpers/browser.ts";

const site = browserOnSharedSite();

/** Each printed page's text, spaces of every width as one. */
async function printed(url: string): Promise<string[]> {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}${url}`, { waitUntil: "load" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await page.close();
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/[\s\u00A0\u202F]+/g, " "),
    );
  }
  await document.destroy();
  return pages;
}

describe("printing", () => {
  it("prints an event's programme from the first page, without calendar, programme-file or map links", async () => {
    for (const [url, heading, first] of [
      ["/fr/agenda/contre-sommet-2025/", "Programme", "IA & Extractivisme"],
      ["/en/events/contre-sommet-2025/", "Programme", "AI and extractivism"],
    ] as const) {
      const pages = await printed(url);
      expect(pages[0], `${url}: the programme starts on page 1`).toContain(heading);
      expect(pages[0], url).toContain(first);
      const all = pages.join(" ");
      for (const screenOnly of ["Ajouter à", "Add to", "schedule.json", "OpenStreetMap", ".ics"])
        expect(all, `${url} prints "${screenOnly}"`).not.toContain(screenOnly);
      expect(all, "the last session is printed").toContain(
        url.startsWith("/fr/") ? "Comment stopper l’IA" : "How to stop AI",
      );
    }
  });

  it("prints a post with the site's name and the post's address", async () => {
    const pages = await printed("/fr/ia-retour-du-charbon/");
    expect(pages[0]).toContain("Contre l’IA et son monde · https://tract.example.org/fr/ia-retour-du-charbon/");
    expect(pages.join(" ")).not.toContain("Billets voisins");
  });
});
