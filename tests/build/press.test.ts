// The press room of the built sample site: pages, cards, kits (opened with yauzl), PDFs (read with pdfjs), pictures (sharp, exifr).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, inject } from "vitest";
import ICAL from "ical.js";
import sharp from "sharp";
import { type HtmlPage, htmlPages } from "../helpers/site.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import mammoth from "mammoth";
import {
  RASTER,
  embeddedMetadata,
  everyOutput,
  flatten,
  pdfText,
  structureTree,
  zipEntries,
} from "../helpers/press.ts";

const run = promisify(execFile);
/** Each language's first card's UID, to check that a contact keeps one UID across languages. */
const OTHER_LANGUAGE_UID = new Map<string, string>();
import { formatFileSize } from "../../src/features/press/file-size.ts";

const siteDir = inject("siteDir");
let byUrl: Map<string, HtmlPage>;
const file = (url: string) => readFile(path.join(siteDir, decodeURI(url)));

beforeAll(async () => {
  byUrl = new Map((await htmlPages(siteDir)).map((page) => [page.url, page]));
});

const ROOMS = [
  {
    lang: "fr",
    url: "/fr/presse/",
    kit: "/fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip",
    release: "/fr/communique-contre-sommet/",
    title: "Contre-sommet de l’IA le 8 février à Paris\u202F: d’autres voix avant le sommet officiel",
  },
  {
    lang: "en",
    url: "/en/press/",
    kit: "/en/press/press-kit-against-ai-and-its-world-2025-02-07.zip",
    release: "/en/press-release-counter-summit/",
    title: "AI counter-summit in Paris on 8 February: other voices before the official summit",
  },
];

describe.each(ROOMS)("the $lang press room", (room) => {
  it("is in the navigation of every page of its language", () => {
    for (const page of byUrl.values()) {
      if (!page.url.startsWith(`/${room.lang}/`)) continue;
      expect(
        page
          .$(".site-nav a")
          .toArray()
          .map((a) => page.$(a).attr("href")),
        page.url,
      ).toContain(room.url);
    }
  });

  it("lists its releases with their PDF, and shows the contacts, the boilerplate and the fact sheet", () => {
    const page = byUrl.get(room.url)!;
    expect(page.$("body").attr("data-page")).toBe("press-room");
    const release = page.$(".post-summary").first();
    expect(release.find("h3 a").attr("href")).toBe(room.release);
    expect(release.find('a[type="application/pdf"]').attr("href")).toBe(
      `${room.release}${path.basename(room.release)}.pdf`,
    );
    expect(page.$(".press-contacts > li")).toHaveLength(2);
    expect(page.$('.press-contacts a[href^="mailto:"]').first().text()).toBe("presse@example.org");
    expect(page.$('.press-contacts a[href^="tel:"]').first().attr("href")).toBe("tel:+33-1-99-00-12-34");
    expect(page.$(".press-contacts dd").eq(2).text()).toBe(
      room.lang === "fr" ? "français et anglais" : "French and English",
    );
    expect(page.$("#press-about + p").text()).toMatch(
      room.lang === "fr" ? /^Contre l’IA et son monde est un collectif/ : /^Against AI and its world \(Contre/,
    );
    expect(page.$(".fact-sheet dt").length).toBeGreaterThan(5);
  });

  it("offers each contact's card and all of them as vCard 4.0 files that ical.js reads", async () => {
    const page = byUrl.get(room.url)!;
    const cards = page
      .$('a[type="text/vcard"]')
      .toArray()
      .map((a) => page.$(a).attr("href")!);
    expect(cards).toEqual([
      `${room.url}contacts/camille-exemple.vcf`,
      `${room.url}contacts/sam-exemple.vcf`,
      `${room.url}contacts.vcf`,
    ]);
    const all = (await file(cards[2]!)).toString("utf8");
    expect(all.split("\r\n").slice(0, 2)).toEqual(["BEGIN:VCARD", "VERSION:4.0"]);
    expect(all.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const parsed = ICAL.parse(all) as [string, [string, unknown, string, string][]][];
    expect(
      parsed.map(([kind, properties]) => [
        kind,
        properties.filter((p) => ["fn", "email", "tel"].includes(p[0])).map((p) => p[3]),
      ]),
    ).toEqual([
      ["vcard", ["Camille Exemple", "presse@example.org", "tel:+33-1-99-00-12-34"]],
      ["vcard", ["Sam Exemple", "porte-parole@example.org", "tel:+33-1-99-00-56-78"]],
    ]);
    // UID and N, which address books need (khard drops a card without UID); the same UID in every language's card.
    const property = (name: string) => parsed.map(([, properties]) => properties.find((p) => p[0] === name)?.[3]);
    expect(property("uid")).toEqual([
      expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      expect.stringMatching(/^urn:uuid:/),
    ]);
    expect(property("uid")[0]).toBe(OTHER_LANGUAGE_UID.get(room.lang === "fr" ? "en" : "fr") ?? property("uid")[0]);
    OTHER_LANGUAGE_UID.set(room.lang, property("uid")[0]!);
    expect(parsed.map(([, properties]) => properties.find((p) => p[0] === "n")?.slice(3))).toEqual([
      [["Exemple", "Camille", "", "", ""]],
      [["Exemple", "Sam", "", "", ""]],
    ]);
    expect(parsed[0]![1].find((p) => p[0] === "tel")?.[1]).toEqual({ type: ["work", "voice"] });
  });

  it("offers cards that vobject, khard's reader, takes with their UID, names and both phone types", async () => {
    const script = [
      "import json, sys, vobject",
      "cards = vobject.readComponents(sys.stdin.read())",
      "print(json.dumps([[c.uid.value, c.n.value.family, c.n.value.given, c.tel.params['TYPE']] for c in cards]))",
    ].join("\n");
    const child = execFile("/usr/bin/python3", ["-c", script]);
    child.stdin!.end(await file(`${room.url}contacts.vcf`));
    const output = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => (out += chunk));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`python3 exited with ${code}`))));
    });
    expect(JSON.parse(output)).toEqual([
      [expect.stringMatching(/^urn:uuid:/), "Exemple", "Camille", ["work", "voice"]],
      [expect.stringMatching(/^urn:uuid:/), "Exemple", "Sam", ["work", "voice"]],
    ]);
  });

  it("shows logos as drawn and photos responsive, with downloads at web size and full resolution, true pixel and file sizes", async () => {
    const page = byUrl.get(room.url)!;
    const figures = page.$(".press-media figure").toArray();
    expect(figures).toHaveLength(4);
    for (const figure of figures) {
      const img = page.$(figure).find("img");
      expect([img.attr("loading"), img.attr("decoding")]).toEqual(["lazy", "async"]);
      expect(img.attr("alt")!.length).toBeGreaterThan(10);
      expect(page.$(figure).find('a[rel="license"]').attr("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
      const isPhoto = page.$(figure).find("picture").length === 1;
      if (isPhoto) {
        const types = page
          .$(figure)
          .find("source")
          .toArray()
          .map((source) => page.$(source).attr("type"));
        expect(types).toEqual(["image/avif", "image/webp"]);
        const widest = img.attr("srcset")!.split(", ").at(-1)!.split(" ")[0]!;
        const shown = await sharp(await file(widest)).metadata();
        expect([img.attr("width"), img.attr("height")]).toEqual([String(shown.width), String(shown.height)]);
        expect(img.attr("sizes")).toMatch(/16\.5rem/);
      } else expect(img.attr("src")).toMatch(/\.svg$/);
      const downloads = page.$(figure).find(".downloads li").toArray();
      const sizes: number[] = [];
      for (const link of downloads) {
        const href = page.$(link).find("a").attr("href")!;
        const data = await file(href);
        const text = flatten(page.$(link).text());
        expect(text, href).toContain(flatten(formatFileSize(data.length, room.lang === "fr" ? "fr-FR" : "en-GB")));
        if (href.endsWith(".svg")) continue;
        const { width, height } = await sharp(data).metadata();
        expect(text, href).toContain(`${width} × ${height} pixels`);
        sizes.push(width!);
      }
      if (isPhoto) {
        expect(downloads.map((link) => flatten(page.$(link).find("a").text()).split(" — ")[0])).toEqual(
          room.lang === "fr"
            ? ["Télécharger en JPEG pour le web", "Télécharger en JPEG en pleine résolution, pour l’impression"]
            : ["Download as JPEG for the web", "Download as JPEG in full resolution, for print"],
        );
        // The web size is a rendition; full resolution is the photo itself, cleaned, at its own size.
        expect(sizes).toEqual([1280, 1800]);
      }
    }
  });

  it("gives the kit's true size, date and SHA-256", async () => {
    const page = byUrl.get(room.url)!;
    const zip = await file(room.kit);
    expect(page.$(".download-button").attr("href")).toBe(room.kit);
    expect(page.$(".checksum").text()).toBe(createHash("sha256").update(zip).digest("hex"));
    const size = flatten(page.$(".press-kit dd").first().text());
    expect(size).toBe(`ZIP, ${Math.round(zip.length / 1000)} ${room.lang === "fr" ? "ko" : "kB"}`);
    expect(page.$(".press-kit time").attr("datetime")).toBe("2025-02-07T09:00:00+01:00");
  });

  it("packs a kit named after the collective and its date, with the README, fact sheet, releases as PDF, .docx, Markdown and text, logos, photos, credits and contacts", async () => {
    const entries = await zipEntries(await file(room.kit));
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual([...names].sort());
    const folder = path.basename(room.kit, ".zip");
    const [readme, facts, releases] =
      room.lang === "fr"
        ? ["LISEZ-MOI.txt", "fiche-d-information.md", "communiques"]
        : ["README.txt", "fact-sheet.md", "press-releases"];
    const slug = path.basename(room.release);
    expect(names).toEqual(
      [
        "CREDITS.txt",
        readme,
        "brochure/brochure.pdf",
        "contacts.vcf",
        facts,
        `${releases}/2025-02-07-${slug}.docx`,
        `${releases}/2025-02-07-${slug}.md`,
        `${releases}/2025-02-07-${slug}.pdf`,
        `${releases}/2025-02-07-${slug}.txt`,
        "logos/logo-1200w.png",
        "logos/logo-noir-1200w.png",
        "logos/logo-noir.svg",
        "logos/logo.svg",
        "photos/centre-de-donnees-1280w.jpg",
        "photos/centre-de-donnees.jpg",
        "photos/rassemblement-1280w.jpg",
        "photos/rassemblement.jpg",
      ]
        .map((name) => `${folder}/${name}`)
        .sort(),
    );
    for (const { entry } of entries) {
      expect(entry.extraFields).toEqual([]);
      expect(entry.getLastModDate({ forceDosFormat: true, timezone: "UTC" }).toISOString()).toBe(
        "2025-02-07T09:00:00.000Z",
      );
    }
    const content = (name: string) => entries.find((entry) => entry.name === `${folder}/${name}`)!.data;
    expect(content("contacts.vcf")).toEqual(await file(`${room.url}contacts.vcf`));
    expect(content("photos/rassemblement.jpg")).toEqual(await file("/assets/press/photos/rassemblement.jpg"));
    // The brochure the sample's brochure post promises for the kit, with the bytes the site publishes.
    expect(content("brochure/brochure.pdf")).toEqual(await file("/assets/press/brochure.pdf"));
    expect(content(`${releases}/2025-02-07-${slug}.pdf`)).toEqual(await file(`${room.release}${slug}.pdf`));
    expect(content(readme).toString("utf8")).toContain("presse@example.org");
    const creditsText = content("CREDITS.txt").toString("utf8");
    expect(creditsText).toContain("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)");
    for (const name of ["photos/rassemblement.jpg", "photos/rassemblement-1280w.jpg"]) {
      const { width, height } = await sharp(content(name)).metadata();
      const size = formatFileSize(content(name).length, room.lang === "fr" ? "fr-FR" : "en-GB");
      expect(creditsText).toContain(`${name} (${width} × ${height} pixels, ${size})`);
    }
    expect(content("photos/rassemblement-1280w.jpg")).toEqual(
      await file(
        byUrl.get(room.url)!.$("img[srcset*=rassemblement]").attr("srcset")!.split(", ").at(-1)!.split(" ")[0]!,
      ),
    );
    expect(
      content(`${releases}/2025-02-07-${slug}.md`).toString("utf8").startsWith(`# ${room.title}\n\n**Paris, `),
    ).toBe(true);
    expect(flatten(content(`${releases}/2025-02-07-${slug}.txt`).toString("utf8"))).toContain(flatten(room.title));
  });

  it("gives each release as a Word document that a reader opens, with its title, headings, lists and links", async () => {
    const entries = await zipEntries(await file(room.kit));
    const docx = entries.find((entry) => entry.name.endsWith(".docx"))!.data;
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: docx });
    expect(messages).toEqual([]);
    const $ = cheerio.load(html);
    expect(flatten($("h1").text())).toBe(flatten(room.title));
    expect($("h2").length).toBeGreaterThan(2);
    expect($("ol > li").length).toBeGreaterThan(3);
    expect($('a[href="mailto:presse@example.org"]').text()).toBe("presse@example.org");
  });

  it("makes each release a tagged PDF (pdfinfo), with its language, letterhead and the contacts on its first page", async () => {
    const slug = path.basename(room.release);
    const pdf = path.join(siteDir, `${room.release}${slug}.pdf`);
    const { stdout } = await run("pdfinfo", [pdf]);
    expect(stdout).toMatch(/^Tagged: +yes$/m);
    const firstPage = (await run("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"])).stdout;
    expect(
      firstPage.trimStart().startsWith(room.lang === "fr" ? "Contre l’IA et son monde" : "Against AI and its world"),
    ).toBe(true);
    expect(firstPage).toContain("porte-parole@example.org");
    const tree = await structureTree(await readFile(pdf));
    expect(tree.lang).toBe(room.lang === "fr" ? "fr-FR" : "en-GB");
    expect(tree.roles).toEqual(
      expect.arrayContaining(["Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Link"]),
    );
  });

  it("makes each release a PDF with its title, accents and typography, contacts, page numbers and metadata", async () => {
    const slug = path.basename(room.release);
    const pdf = await pdfText(await file(`${room.release}${slug}.pdf`));
    expect(pdf.text).toContain(room.title.split(" à ")[0]);
    expect(flatten(pdf.text)).toContain(flatten(room.title));
    expect(pdf.info).toMatchObject({
      Title: room.title,
      Author:
        room.lang === "fr" ? "Le collectif, Contre l’IA et son monde" : "The collective, Against AI and its world",
      Language: room.lang === "fr" ? "fr-FR" : "en-GB",
    });
    expect(pdf.text).toContain("porte-parole@example.org");
    expect(pdf.text).toContain(room.lang === "fr" ? "Fin du communiqué" : "Ends");
    expect(pdf.text).toContain(room.lang === "fr" ? `Page 1 sur ${pdf.pages}` : `Page 1 of ${pdf.pages}`);
    if (room.lang === "fr") expect(pdf.drawn).toContain("Paris\u202F: d’autres voix");
  });

  it("lays its release out as a press release: dateline, standfirst, end mark, boilerplate, contacts and PDF", () => {
    const page = byUrl.get(room.release)!;
    expect(page.$("body").attr("data-layout")).toBe("press-release");
    expect(page.$(".dateline time").attr("datetime")).toBe("2025-02-07T09:00:00+01:00");
    expect(page.$(".dateline").text()).toBe(room.lang === "fr" ? "Paris, le 7 février 2025" : "Paris, 7 February 2025");
    expect(page.$("h1").text()).toBe(room.title);
    expect(page.$(".standfirst").text()).toBe(page.$('meta[name="description"]').attr("content"));
    expect(page.$(".end-mark").text()).toBe(room.lang === "fr" ? "Fin du communiqué" : "Ends");
    expect(page.$(".press-release-notes .press-contacts > li")).toHaveLength(2);
    expect(page.$(".press-release-pdf a").attr("href")).toBe(`${room.release}${path.basename(room.release)}.pdf`);
    expect(JSON.parse(page.$('script[type="application/ld+json"]').text())["@type"]).toBe("NewsArticle");
  });
});

describe("pictures", () => {
  it("publishes no image, on the site or in a kit, with EXIF, GPS, XMP, IPTC or ICC data, nor SVG metadata", async () => {
    const outputs = await everyOutput(siteDir);
    const images = outputs.filter((output) => RASTER.test(output.name));
    expect(images.length).toBeGreaterThan(10);
    for (const image of images) expect(await embeddedMetadata(image.data), image.name).toBeUndefined();
    for (const svg of outputs.filter((output) => output.name.endsWith(".svg")))
      expect(svg.data.toString("utf8"), svg.name).not.toMatch(/<metadata|inkscape:|sodipodi:|<!--/);
  });
});
