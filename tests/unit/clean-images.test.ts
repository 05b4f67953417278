// What the build keeps of a picture: the drawing or the pixels, upright, and none of the author's names, paths, places or camera.
import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { cleanSvg } from "../../src/core/media/clean-svg.ts";
import { publishedAsset } from "../../src/core/media/published-asset.ts";
import { AssetError } from "../../src/core/media/asset-files.ts";
import {
  HOSTILE_SVGS,
  LEAKS,
  PLAIN_SVG,
  gifWithComment,
  photoWithMetadata,
  pictureMetadata,
} from "../helpers/hostile-assets.ts";
import { fixtureProject } from "../helpers/fixture.ts";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { MediaWork } from "../../src/core/media/asset-cache.ts";
import { CacheStore } from "../../src/core/build/cache.ts";
import { BuildSession } from "../../src/core/build/build-memo.ts";

/** The media work of a project, with a cache of its own. */
const mediaWork = (root: string) => new MediaWork(new CacheStore(root), new BuildSession());

/** For SVGs without embedded pictures: cleanSvg must not ask for any. */
const noPicture = () => Promise.reject(new Error("no embedded picture expected"));

/** No metadata block, no tag naming a person, a camera or a place, none of the strings the original held. */
async function expectNoMetadata(picture: Buffer, name: string): Promise<void> {
  const { blocks, tags } = await pictureMetadata(picture);
  expect(blocks, name).toEqual([]);
  for (const tag of ["Artist", "Copyright", "Make", "Model", "GPSLatitude", "latitude", "creator"])
    expect(tags[tag], `${name}: ${tag}`).toBeUndefined();
  for (const leak of LEAKS) expect(picture.includes(leak), `${name} holds ${leak}`).toBe(false);
}

async function pixels(svg: string) {
  const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe("cleanSvg (svgo)", () => {
  const reference = pixels(PLAIN_SVG);

  for (const [form, svg] of Object.entries(HOSTILE_SVGS)) {
    it(`removes the author and their paths given as ${form}, and keeps the drawing pixel for pixel`, async () => {
      for (const leak of LEAKS.slice(0, 2)) expect(svg).toContain(leak);
      const cleaned = await cleanSvg(svg, noPicture);
      for (const leak of LEAKS) expect(cleaned).not.toContain(leak);
      expect(cleaned).not.toMatch(/inkscape|sodipodi|xmpmeta|rdf:|<\?|<!/);
      expect(cleaned).toContain(
        '<rect width="64" height="32" fill="#1d1d1b"/><circle cx="16" cy="16" r="10" fill="#9b1c1c"/><text x="30" y="20" font-size="8" fill="#fff">T</text>',
      );
      const drawn = await pixels(cleaned);
      const expected = await reference;
      expect([drawn.width, drawn.height]).toEqual([64, 32]);
      expect(drawn.data.equals(expected.data)).toBe(true);
    });
  }

  it("keeps what <foreignObject>, xlink and xml:space draw", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><circle id="c" r="2"/></defs><use xlink:href="#c" x="5" y="5"/><text xml:space="preserve">a  b</text><foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">Texte</p></foreignObject></svg>`;
    expect(await cleanSvg(svg, noPicture)).toBe(svg);
  });

  it("refuses a file that is not well-formed XML, with the line and column", async () => {
    await expect(
      cleanSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect inkscape:label="x"/></svg>', noPicture),
    ).rejects.toThrow(/1:\d+: Unbound namespace prefix/);
  });
});

describe("publishedAsset for pictures", () => {
  it("cleans the photos embedded in an SVG as data URIs, and keeps the SVG's size", async () => {
    const root = await fixtureProject({});
    const photo = await photoWithMetadata("jpeg");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40"><image width="20" height="30" xlink:href="data:image/jpeg;base64,${photo.toString("base64")}"/><image x="20" width="20" height="30" href="data:image/png;base64,${(await photoWithMetadata("png")).toString("base64")}"/></svg>`;
    await writeFile(path.join(root, "assets/img/poster.svg"), svg);
    const published = (await publishedAsset(root, "assets/img/poster.svg", mediaWork(root))).toString("utf8");
    const embedded = [...published.matchAll(/href="data:(image\/\w+);base64,([^"]+)"/g)];
    expect(embedded.map((match) => match[1])).toEqual(["image/jpeg", "image/png"]);
    for (const [, type, data] of embedded) await expectNoMetadata(Buffer.from(data!, "base64"), type!);
    const { width, height } = await sharp(Buffer.from(published)).metadata();
    expect([width, height]).toEqual([40, 40]);
  });

  it("re-encodes every raster format, whatever the file is named, upright and without EXIF, GPS, XMP or ICC data", async () => {
    const root = await fixtureProject({});
    const files: Record<string, Buffer> = {
      "assets/img/photo.jfif": await photoWithMetadata("jpeg"),
      "assets/img/photo.jpe": await photoWithMetadata("jpeg"),
      "assets/img/photo.txt": await photoWithMetadata("jpeg"),
      "assets/img/photo.png": await photoWithMetadata("png"),
      "assets/img/photo.webp": await photoWithMetadata("webp"),
      "assets/img/photo.avif": await photoWithMetadata("avif"),
      "assets/img/photo.tif": await photoWithMetadata("tiff"),
      "assets/img/anim.gif": await gifWithComment(),
    };
    for (const [file, data] of Object.entries(files)) {
      await writeFile(path.join(root, file), data);
      expect(data.includes(LEAKS[0]!), `${file} starts with the author's name`).toBe(true);
      const published = await publishedAsset(root, file, mediaWork(root));
      await expectNoMetadata(published, file);
      const { width, height } = await sharp(published).metadata();
      // Turned upright from the EXIF orientation (90°) the photos were taken with.
      if (!file.endsWith(".gif")) expect([width, height], file).toEqual([20, 30]);
    }
  });

  it("names the file of a truncated picture", async () => {
    const root = await fixtureProject({});
    const photo = await photoWithMetadata("jpeg");
    await writeFile(path.join(root, "assets/img/cut.jpg"), photo.subarray(0, photo.length / 2));
    const error = await publishedAsset(root, "assets/img/cut.jpg", mediaWork(root)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssetError);
    expect((error as AssetError).message).toMatch(
      /^assets\/img\/cut\.jpg: cannot be read as a JPEG picture: .*premature end.* \(expected a complete, valid file: export it again from the original\)$/,
    );
  });
});
