// In a copy of the project: an embargoed release is in no output before its time and in all of them after; the same
// sources give byte-identical files; and pictures carrying GPS, camera and author data are published without any.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import exifr from "exifr";
import * as cheerio from "cheerio";
import mammoth from "mammoth";
import { copyProject, runBuild, type RunResult } from "../helpers/project.ts";
import { RASTER, embeddedMetadata, everyOutput, flatten, pdfText } from "../helpers/press.ts";
import { inflate } from "../../src/features/search/bundle.ts";
import { SEARCH_INDEX } from "../helpers/search-index.ts";

/** Phrases found only in the embargoed release, in French and in English. */
const PHRASES = ["contre-expertise venue du terrain", "gives the floor to people who see its effects"];
const SLUGS = ["communique-contre-sommet", "press-release-counter-summit"];
const BEFORE = "2025-02-07T08:59+01:00";
const AT = "2025-02-07T09:00+01:00";
const WITNESS = "Jane Witness";

let root: string;
const builds: Record<"before" | "after" | "again", { dir: string; result: RunResult }> = {} as never;

/** Every string in a JSON document, so escapes such as \n do not hide a phrase. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonStrings);
  return [];
}

function searchIndexText(output: { name: string; data: Buffer }): string {
  const text = inflate({ path: output.name, content: output.data }).toString("utf8");
  return output.name.endsWith(".pf_fragment") ? flatten(jsonStrings(JSON.parse(text)).join(" ")) : flatten(text);
}

/** Everything a reader or a program can get from an output, as flat text: the file itself, a PDF's or a .docx's extracted text, a JSON file's strings, the search index's words. */
async function readable(output: { name: string; data: Buffer }): Promise<string> {
  if (SEARCH_INDEX.test(output.name)) return searchIndexText(output);
  const text = output.data.toString("utf8");
  const raw = flatten(text);
  if (output.name.endsWith(".pdf")) return `${raw} ${flatten((await pdfText(output.data)).text)}`;
  if (output.name.endsWith(".docx")) return flatten((await mammoth.extractRawText({ buffer: output.data })).value);
  if (output.name.endsWith(".json")) return `${raw} ${flatten(jsonStrings(JSON.parse(text)).join(" "))}`;
  return raw;
}

/** A photo as a phone would leave it: GPS position, camera, author, and a 90° orientation flag. */
function photoWithGps(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#7fb0a6"/><circle cx="80" cy="100" r="50" fill="#9b1c1c"/></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: WITNESS, Make: "PhoneMaker", Model: "Serial 0042" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 7/1" },
    })
    .toBuffer();
}

const SVG_WITH_METADATA = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" width="64" height="64" viewBox="0 0 64 64" inkscape:export-filename="/home/jane/manif/logo.png">
  <!-- drawn by ${WITNESS} -->
  <metadata><rdf:RDF><rdf:Description><dc:creator>${WITNESS}</dc:creator></rdf:Description></rdf:RDF></metadata>
  <title>Logo</title>
  <rect width="64" height="64" fill="#1d1d1b" inkscape:label="fond"/>
</svg>
`;

beforeAll(async () => {
  root = await copyProject();
  const photo = await photoWithGps();
  await writeFile(path.join(root, "assets/press/photos/terrain.jpg"), photo);
  await writeFile(path.join(root, "assets/img/affiche.jpg"), photo);
  await writeFile(path.join(root, "assets/press/logo-inkscape.svg"), SVG_WITH_METADATA);
  const press = await readFile(path.join(root, "_data/press.yaml"), "utf8");
  const entry = (file: string) =>
    `  - file: ${file}\n    caption: { fr: Légende, en: Caption }\n    alt: { fr: Texte de remplacement, en: Alternative text }\n    credit: Le collectif\n    licence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }\n`;
  await writeFile(
    path.join(root, "_data/press.yaml"),
    press
      .replace("\nphotos:\n", `\nphotos:\n${entry("/assets/press/photos/terrain.jpg")}`)
      .replace("\nlogos:\n", `\nlogos:\n${entry("/assets/press/logo-inkscape.svg")}`),
  );
  const build = async (name: keyof typeof builds, env: Record<string, string>) => {
    const dir = path.join(root, `_site-${name}`);
    builds[name] = { dir, result: await runBuild(root, dir, env) };
    expect(builds[name].result.code, builds[name].result.stderr).toBe(0);
  };
  await build("before", { TRACT_NOW: BEFORE });
  await build("after", { TRACT_NOW: AT });
  // Another time zone for the machine, another clock after the embargo (and, like AT, before the counter-summit,
  // which the agenda would otherwise rightly move to the past): nothing in the output may change.
  await build("again", { TRACT_NOW: "2025-02-07T10:30Z", TZ: "America/New_York" });
}, 180_000);

describe("an embargoed press release", () => {
  it("is in no output before its time: page, lists, sitemap, press room, kit entries, PDFs", async () => {
    expect(builds.before.result.stdout).toContain(
      "[tract] embargo: holding back 2 posts; next: posts/en/press-release-counter-summit.md until 2025-02-07T09:00:00+01:00",
    );
    const outputs = await everyOutput(builds.before.dir);
    expect(outputs.filter((o) => o.name.includes(".zip!"))).not.toEqual([]);
    for (const output of outputs) {
      const text = await readable(output);
      for (const phrase of [...PHRASES, ...SLUGS])
        expect(text.includes(phrase), `${output.name} contains "${phrase}"`).toBe(false);
    }
    // Before the release, the kit is dated by the press data alone.
    expect(outputs.map((output) => output.name)).toContain(
      "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-03.zip",
    );
    const room = cheerio.load(await readFile(path.join(builds.before.dir, "fr/presse/index.html"), "utf8"));
    expect(room(".post-summary")).toHaveLength(0);
    expect(room(".checksum").text()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is in no file of the search index before its time, though the index holds every other page", async () => {
    const index = (await everyOutput(builds.before.dir)).filter((output) => SEARCH_INDEX.test(output.name));
    const fragments = index.filter((output) => output.name.endsWith(".pf_fragment")).map(searchIndexText);
    expect(fragments.some((text) => text.includes("/fr/ia-retour-du-charbon/"))).toBe(true);
    expect(fragments.some((text) => text.includes("/en/ai-coal-comeback/"))).toBe(true);
    for (const output of index) {
      const text = searchIndexText(output);
      for (const phrase of [...PHRASES, ...SLUGS])
        expect(text.includes(phrase), `${output.name} contains "${phrase}"`).toBe(false);
    }
  });

  it("is everywhere after its time: its page, its PDF, the kit's PDF and Markdown", async () => {
    expect(builds.after.result.stdout).not.toContain("embargo: holding back");
    const outputs = await everyOutput(builds.after.dir);
    for (const [index, phrase] of PHRASES.entries()) {
      const holders: string[] = [];
      for (const output of outputs) if ((await readable(output)).includes(phrase)) holders.push(output.name);
      const slug = SLUGS[index]!;
      const lang = index === 0 ? "fr" : "en";
      const kit =
        index === 0
          ? "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip"
          : "en/press/press-kit-against-ai-and-its-world-2025-02-07.zip";
      const folder = path.basename(kit, ".zip");
      const releases = index === 0 ? "communiques" : "press-releases";
      // Besides its page, PDF and kit entries, the release is in its language's feeds: all posts, press releases, its topics.
      const feeds = holders.filter((name) => /(^|\/)(feed\.xml|rss\.xml|feed\.json)$/.test(name));
      // And in its language's search index: the fragment Pagefind keeps of its page.
      const searchIndex = holders.filter((name) => SEARCH_INDEX.test(name));
      expect(searchIndex).toEqual([
        expect.stringMatching(new RegExp(`^pagefind/fragment/${lang}_[0-9a-f]+\\.pf_fragment$`)),
      ]);
      expect(feeds).toEqual(
        expect.arrayContaining([
          `${lang}/feed.xml`,
          `${lang}/rss.xml`,
          `${lang}/feed.json`,
          `${path.dirname(kit)}/feed.xml`,
        ]),
      );
      expect(holders.filter((name) => !feeds.includes(name) && !searchIndex.includes(name)).sort()).toEqual(
        [
          `${lang}/${slug}/index.html`,
          `${lang}/${slug}/${slug}.pdf`,
          `${kit}!${folder}/${releases}/2025-02-07-${slug}.docx`,
          `${kit}!${folder}/${releases}/2025-02-07-${slug}.md`,
          `${kit}!${folder}/${releases}/2025-02-07-${slug}.pdf`,
          `${kit}!${folder}/${releases}/2025-02-07-${slug}.txt`,
        ].sort(),
      );
    }
  });
});

describe("reproducible outputs", () => {
  it("gives byte-identical files, kits and PDFs included, from the same sources on another machine clock and time zone", async () => {
    const after = await everyOutput(builds.after.dir);
    const again = new Map((await everyOutput(builds.again.dir)).map((output) => [output.name, output.data]));
    expect(after.map((output) => output.name).sort()).toEqual([...again.keys()].sort());
    const kits = after.filter((output) => output.name.endsWith(".zip"));
    expect(kits.map((kit) => kit.name).sort()).toEqual([
      "en/press/press-kit-against-ai-and-its-world-2025-02-07.zip",
      "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip",
    ]);
    for (const output of after) expect(output.data.equals(again.get(output.name)!), output.name).toBe(true);
  });
});

describe("pictures with GPS, camera and author data", () => {
  it("start with that data (the test photo is what a phone would give)", async () => {
    const photo = await readFile(path.join(root, "assets/press/photos/terrain.jpg"));
    expect(await exifr.gps(photo)).toMatchObject({
      latitude: expect.closeTo(48.8567, 3),
      longitude: expect.closeTo(2.3519, 3),
    });
    expect(await exifr.parse(photo)).toMatchObject({
      Artist: WITNESS,
      Make: "PhoneMaker",
      Orientation: "Rotate 90 CW",
    });
  });

  it("are published, on the site and in the kits, without any of it, and upright", async () => {
    const outputs = await everyOutput(builds.after.dir);
    const images = outputs.filter((output) => RASTER.test(output.name));
    for (const name of [
      "assets/press/photos/terrain.jpg",
      "assets/img/affiche.jpg",
      "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip!dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07/photos/terrain.jpg",
    ]) {
      expect(images.map((image) => image.name)).toContain(name);
    }
    // Its renditions (the photo is 200 pixels wide: one width, in each format).
    expect(
      images.filter((image) => /^assets\/press\/photos\/terrain-[0-9a-f]{10}-200w\.(avif|webp|jpg)$/.test(image.name)),
    ).toHaveLength(3);
    for (const image of images) {
      expect(await embeddedMetadata(image.data), image.name).toBeUndefined();
      // exifr reads no WebP; embeddedMetadata reads its EXIF with sharp.
      if (!image.name.endsWith(".webp")) expect(await exifr.gps(image.data), image.name).toBeUndefined();
    }
    for (const output of outputs) {
      expect(output.data.includes(WITNESS), output.name).toBe(false);
      expect(output.data.includes("/home/jane"), output.name).toBe(false);
    }
    const published = await sharp(
      images.find((image) => image.name === "assets/press/photos/terrain.jpg")!.data,
    ).metadata();
    expect([published.width, published.height]).toEqual([200, 300]);
    const svg = outputs.find((output) => output.name === "assets/press/logo-inkscape.svg")!.data.toString("utf8");
    expect(svg).not.toMatch(/<metadata|inkscape:|<!--/);
    expect(svg).toContain('<rect width="64" height="64" fill="#1d1d1b"/>');
  });
});
