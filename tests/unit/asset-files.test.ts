// Which files of assets/ the site publishes: regular files only, no link followed, no dotfile, no picture it cannot clean.
import { execFile } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { AssetError, listAssets, readAssetFile } from "../../src/core/media/asset-files.ts";
import { formatProblem } from "../../src/core/content/problems.ts";
import { tempDir } from "../helpers/project.ts";
import { bitmap, heicPhoto, photoWithMetadata } from "../helpers/hostile-assets.ts";

async function project(files: Record<string, string | Buffer>): Promise<string> {
  const root = await tempDir("tract-assets-");
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
  return root;
}

describe("listAssets", () => {
  it("lists regular files, skips dotfiles with a warning, and refuses links, devices and pictures it cannot clean", async () => {
    const outside = await project({ "secret/key.txt": "private" });
    const root = await project({
      "assets/css/site.css": "body{}",
      "assets/img/photo.txt": await photoWithMetadata("jpeg"),
      "assets/.env": "TOKEN=1",
      "assets/.git/config": "[user]",
      "assets/img/.DS_Store": "x",
      "assets/img/IMG_0042.heic": await heicPhoto(),
      "assets/img/scan.bmp": bitmap(),
      "assets/img/fake.png": "<html>not a picture</html>",
      "assets/docs/brochure.pdf": "not a PDF",
    });
    await symlink("/etc/passwd", path.join(root, "assets/img/passwd"));
    await symlink(path.join(outside, "secret"), path.join(root, "assets/linked"), "dir");
    await promisify(execFile)("mkfifo", [path.join(root, "assets/img/pipe")]);

    const { files, problems } = await listAssets(root);
    expect(files).toEqual([
      { path: "assets/css/site.css", url: "/assets/css/site.css" },
      { path: "assets/img/photo.txt", url: "/assets/img/photo.txt" },
    ]);
    expect(problems.map((problem) => `${problem.severity} ${formatProblem(problem)}`)).toEqual([
      "warning assets/.env: is not published: names starting with a dot (.env, .git, .DS_Store) are never published (rename it if it belongs on the site)",
      "warning assets/.git: is not published: names starting with a dot (.env, .git, .DS_Store) are never published (rename it if it belongs on the site)",
      "warning assets/img/.DS_Store: is not published: names starting with a dot (.env, .git, .DS_Store) are never published (rename it if it belongs on the site)",
      "error assets/img/passwd: is a symbolic link, which the build never follows (expected a regular file or folder: put the file itself in assets/, not a link to it)",
      "error assets/img/pipe: is not a regular file (a named pipe, socket or device; expected a regular file, or nothing of that name in assets/)",
      "error assets/linked: is a symbolic link, which the build never follows (expected a regular file or folder: put the file itself in assets/, not a link to it)",
      expect.stringMatching(
        /^error assets\/docs\/brochure\.pdf: is named \.pdf but is not a PDF \(expected a PDF file/,
      ),
      expect.stringMatching(
        /^error assets\/img\/IMG_0042\.heic: is a HEIC photo, .*convert it to JPEG, e\.g\. `heif-convert IMG_0042\.heic IMG_0042\.jpg`/,
      ),
      expect.stringMatching(
        /^error assets\/img\/fake\.png: is named like a picture but is none the build recognises \(expected a JPEG, PNG/,
      ),
      expect.stringMatching(
        /^error assets\/img\/scan\.bmp: is a BMP image, which the build cannot open .*convert it to JPEG for a photo or PNG for a drawing/,
      ),
    ]);
  });

  it("never reads through a link, even one put in place after the listing", async () => {
    const outside = await project({ "secret/key.txt": "private" });
    const root = await project({ "assets/css/site.css": "body{}" });
    await symlink(path.join(outside, "secret"), path.join(root, "assets/linked"), "dir");
    await symlink(path.join(outside, "secret/key.txt"), path.join(root, "assets/key.txt"));
    for (const [file, named] of [
      ["assets/linked/key.txt", "assets/linked"],
      ["assets/key.txt", "assets/key.txt"],
    ]) {
      const error = await readAssetFile(root, file!).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AssetError);
      expect((error as AssetError).problem.file).toBe(named);
      expect((error as AssetError).message).toMatch(/is a symbolic link/);
    }
  });
});
