// Attacks through assets/, on a copy of the project and real builds: a link to /etc/passwd, dotfiles, phone photos
// (HEIC, .jfif, .jpe with GPS and author), truncated pictures, SVGs and PDFs holding the author's name and home path.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { lstat, mkdir, readFile, readdir, readlink, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { copyProject, runBuild, runScript, tempDir } from "../helpers/project.ts";
import { RASTER, everyOutput, pdfText } from "../helpers/press.ts";
import {
  AUTHOR,
  HOSTILE_SVGS,
  LEAKS,
  bitmap,
  encryptedPdf,
  gifWithComment,
  heicPhoto,
  pdfWithMetadata,
  photoWithMetadata,
  pictureMetadata,
} from "../helpers/hostile-assets.ts";

let root: string;

/** Every entry of the project copy but its cache (the build's own, outside the site), by path: a link by its target, a file by its hash. */
async function projectState(): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, file);
    if (relative.startsWith(".cache") || relative.startsWith("node_modules/")) continue;
    if (entry.isSymbolicLink()) state.set(relative, `-> ${await readlink(file)}`);
    else if (entry.isFile())
      state.set(
        relative,
        createHash("sha256")
          .update(await readFile(file))
          .digest("hex"),
      );
    else state.set(relative, entry.isDirectory() ? "dir" : "other");
  }
  return state;
}

/** Puts `files` in the copy, builds, takes them away again; asserts the build was refused, naming each file, and touched nothing. */
async function refusedBuild(files: Record<string, Buffer | { link: string }>, expected: RegExp[]): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    if (Buffer.isBuffer(content)) await writeFile(path.join(root, file), content);
    else await symlink(content.link, path.join(root, file));
  }
  try {
    const before = await projectState();
    const result = await runBuild(root, "_site");
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toContain("[tract] the build stopped:");
    const lines = result.stderr.split("\n");
    for (const line of expected)
      expect(
        lines.some((found) => line.test(found)),
        `${line} in\n${result.stderr}`,
      ).toBe(true);
    expect(await projectState()).toEqual(before);
    expect(await lstat(path.join(root, "_site")).catch(() => undefined)).toBeUndefined();
  } finally {
    for (const file of Object.keys(files)) await rm(path.join(root, file), { force: true });
  }
}

beforeAll(async () => {
  root = await copyProject();
});

describe("assets the build refuses", () => {
  it("a symbolic link to a file (/etc/passwd), never followed; npm run check says the same", async () => {
    await refusedBuild({ "assets/img/passwd": { link: "/etc/passwd" } }, [
      /^assets\/img\/passwd: is a symbolic link, .*put the file itself in assets\/, not a link to it\)$/,
    ]);
    await symlink("/etc/passwd", path.join(root, "assets/img/passwd"));
    const check = await runScript(root, "src/cli/check.ts");
    await rm(path.join(root, "assets/img/passwd"));
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^assets\/img\/passwd\n +error +is a symbolic link/m);
  });

  it("a symbolic link to a folder outside the project", async () => {
    const outside = await tempDir("tract-outside-");
    await writeFile(path.join(outside, "id_rsa"), "PRIVATE KEY");
    await refusedBuild({ "assets/docs": { link: outside } }, [
      /^assets\/docs: is a symbolic link, .*put the file itself in assets\//,
    ]);
  });

  it("a HEIC photo from a phone, which this sharp cannot decode, and a BMP", async () => {
    await refusedBuild({ "assets/img/IMG_0042.heic": await heicPhoto(), "assets/img/scan.bmp": bitmap() }, [
      /^assets\/img\/IMG_0042\.heic: is a HEIC photo, .*convert it to JPEG, e\.g\. `heif-convert IMG_0042\.heic IMG_0042\.jpg`/,
      /^assets\/img\/scan\.bmp: is a BMP image, .*convert it to JPEG for a photo or PNG for a drawing/,
    ]);
  });

  it("a truncated JPEG, named", async () => {
    const photo = await photoWithMetadata("jpeg");
    await refusedBuild({ "assets/img/cut.jpg": photo.subarray(0, photo.length / 2) }, [
      /^assets\/img\/cut\.jpg: cannot be read as a JPEG picture: .* \(expected a complete, valid file: export it again from the original\)$/,
    ]);
  });

  it("an encrypted PDF and an unreadable one, named", async () => {
    await refusedBuild(
      { "assets/docs/locked.pdf": await encryptedPdf(), "assets/docs/broken.pdf": Buffer.from("%PDF-1.4 broken") },
      [
        /^assets\/docs\/locked\.pdf: is an encrypted \(password-protected\) PDF, .*qpdf --decrypt/,
        /^assets\/docs\/broken\.pdf: is not a PDF the build can read: /,
      ],
    );
  });
});

describe("assets the build cleans", () => {
  let site: string;
  let outputs: { name: string; data: Buffer }[];
  let result: Awaited<ReturnType<typeof runBuild>>;
  let unchanged: boolean;

  beforeAll(async () => {
    const files: Record<string, Buffer | string> = {
      "assets/.env": "TOKEN=secret-token",
      "assets/.git/config": "[user]\n  name = Camille Dupont\n",
      "assets/img/.DS_Store": "Camille Dupont",
      "assets/img/photo.jfif": await photoWithMetadata("jpeg"),
      "assets/img/photo.jpe": await photoWithMetadata("jpeg"),
      "assets/img/photo.png": await photoWithMetadata("png"),
      "assets/img/photo.webp": await photoWithMetadata("webp"),
      "assets/img/photo.avif": await photoWithMetadata("avif"),
      "assets/img/photo.tiff": await photoWithMetadata("tiff"),
      "assets/img/anim.gif": await gifWithComment(),
      "assets/press/photos/terrain.jpe": await photoWithMetadata("jpeg"),
      "assets/docs/tract.pdf": await pdfWithMetadata(),
      "assets/press/brochure.pdf": await pdfWithMetadata(),
      ...Object.fromEntries(Object.values(HOSTILE_SVGS).map((svg, index) => [`assets/img/hostile-${index}.svg`, svg])),
      "assets/press/logo-editeur.svg": HOSTILE_SVGS["editor elements, declared where used"]!,
    };
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    }
    const press = path.join(root, "_data/press.yaml");
    const entry = (file: string) =>
      `  - file: ${file}\n    caption: { fr: Légende, en: Caption }\n    alt: { fr: Texte de remplacement, en: Alternative text }\n    credit: Le collectif\n    licence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }\n`;
    await writeFile(
      press,
      (await readFile(press, "utf8")).replace("\nlogos:\n", `\nlogos:\n${entry("/assets/press/logo-editeur.svg")}`),
    );
    // The sample data names a brochure, assets/press/brochure.pdf: written over above with one full of metadata.
    const before = await projectState();
    result = await runBuild(root, "_site");
    site = path.join(root, "_site");
    const after = await projectState();
    unchanged =
      [...before].every(([file, state]) => after.get(file) === state) &&
      [...after.keys()].every(
        (file) => before.has(file) || file.startsWith("_site") || file.startsWith("._site.releases"),
      );
    outputs = await everyOutput(site);
  }, 180_000);

  it("builds, warns about each dotfile it skips, publishes none of them, and changes nothing outside the output", () => {
    expect(result.code, result.stderr).toBe(0);
    for (const file of ["assets/.env", "assets/.git", "assets/img/.DS_Store"])
      expect(result.stderr).toContain(`[tract] warning: ${file}: is not published: names starting with a dot`);
    expect(
      outputs.map((output) => output.name).filter((name) => name.split(/[/!]/).some((part) => part.startsWith("."))),
    ).toEqual([]);
    expect(unchanged).toBe(true);
  });

  it("publishes every picture, on the site and in the kits, with no EXIF, GPS, XMP, IPTC or ICC data, upright", async () => {
    const pictures = outputs.filter((output) => RASTER.test(output.name) || /\.(jfif|jpe)$/.test(output.name));
    for (const name of [
      "assets/img/photo.jfif",
      "assets/img/photo.jpe",
      "assets/img/photo.png",
      "assets/img/photo.webp",
      "assets/img/photo.avif",
      "assets/img/photo.tiff",
      "assets/img/anim.gif",
      "assets/press/photos/terrain.jpe",
      "assets/press/logo-editeur-1200w.png",
      "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip!dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07/logos/logo-editeur.svg",
    ]) {
      expect(outputs.map((output) => output.name)).toContain(name);
    }
    for (const picture of pictures) {
      const { blocks, tags } = await pictureMetadata(picture.data);
      expect(blocks, picture.name).toEqual([]);
      for (const tag of ["Artist", "Copyright", "Make", "Model", "GPSLatitude", "latitude", "creator"])
        expect(tags[tag], `${picture.name}: ${tag}`).toBeUndefined();
    }
    const photo = await sharp(outputs.find((output) => output.name === "assets/img/photo.jfif")!.data).metadata();
    expect([photo.format, photo.width, photo.height]).toEqual(["jpeg", 20, 30]);
  });

  it("holds the author's name and home path in no published file: pictures, SVGs, PDFs, kits", () => {
    for (const output of outputs)
      for (const leak of LEAKS) expect(output.data.includes(leak), `${output.name} holds ${leak}`).toBe(false);
  });

  it("publishes the SVGs as drawn: each renders at its size, like the drawing alone", async () => {
    for (const index of Object.keys(HOSTILE_SVGS).keys()) {
      const svg = outputs.find((output) => output.name === `assets/img/hostile-${index}.svg`)!;
      const { width, height } = await sharp(svg.data).metadata();
      expect([width, height], svg.name).toEqual([64, 32]);
    }
  });

  it("publishes valid PDFs without author, tools or XMP, and puts the same brochure in the kits", async () => {
    const brochure = outputs.find((output) => output.name === "assets/press/brochure.pdf")!.data;
    for (const name of [
      "assets/docs/tract.pdf",
      "assets/press/brochure.pdf",
      "fr/presse/dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07.zip!dossier-de-presse-contre-l-ia-et-son-monde-2025-02-07/brochure/brochure.pdf",
      "en/press/press-kit-against-ai-and-its-world-2025-02-07.zip!press-kit-against-ai-and-its-world-2025-02-07/brochure/brochure.pdf",
    ]) {
      const pdf = outputs.find((output) => output.name === name)!.data;
      expect(pdf.equals(brochure), name).toBe(true);
      const { text, info } = await pdfText(pdf);
      expect(text).toContain("Brochure");
      expect(info).toMatchObject({ Title: "Brochure" });
      for (const field of ["Author", "Creator", "Producer", "Subject", "Keywords"])
        expect(info[field], `${name}: ${field}`).toBeUndefined();
    }
    const file = path.join(site, "assets/press/brochure.pdf");
    const { stdout } = await promisify(execFile)("pdfinfo", [file]);
    expect(stdout).toMatch(/^Metadata Stream: +no$/m);
    expect(stdout).not.toContain(AUTHOR);
  });

  it("gives the same bytes again from an empty cache, and still fingerprints the stylesheets", async () => {
    await rm(path.join(root, ".cache"), { recursive: true, force: true });
    const again = await runBuild(root, "_site-again");
    expect(again.code, again.stderr).toBe(0);
    for (const output of outputs.filter(
      (output) => output.name.startsWith("assets/") && !/\.(gz|br)$/.test(output.name),
    )) {
      expect((await readFile(path.join(root, "_site-again", output.name))).equals(output.data), output.name).toBe(true);
    }
    const page = await readFile(path.join(site, "fr/index.html"), "utf8");
    const stylesheet = page.match(/href="(\/assets\/css\/site\.[0-9a-f]{10}\.css)"/)?.[1];
    expect(stylesheet).toBeDefined();
    expect(await readFile(path.join(site, stylesheet!), "utf8")).toBe(
      await readFile(path.join(root, "assets/css/site.css"), "utf8"),
    );
  });
});
