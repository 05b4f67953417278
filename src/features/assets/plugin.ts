// Eleventy plugin: copies the site's own assets (CSS, fonts…) as they are, every image cleaned of its metadata,
// and content-hashed copies of CSS and JS for long caching.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { cleanImage, isImageFile } from "./clean-images.ts";
import { type Fingerprints, fingerprintAssets, writeFingerprinted } from "./fingerprint.ts";

const ASSETS = "assets";

/** Every image under assets/, as paths relative to the project root. */
async function imageFiles(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, ASSETS), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && isImageFile(entry.name)).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
}

/** Writes the cleaned form of every image to the same path in the output: activists are photographed, and files carry places and names. */
export async function writeCleanImages(root: string, outputDir: string): Promise<void> {
  for (const file of await imageFiles(root)) {
    const target = path.join(outputDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, (await cleanImage(path.join(root, file))).data);
  }
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ [ASSETS]: ASSETS }, { filter: (relativePath: string) => !isImageFile(relativePath) });
  let fingerprints: Fingerprints = new Map();
  // Hashed again at each build, so a stylesheet edited during `npm start` gets a new name.
  eleventyConfig.on("eleventy.before", async () => {
    fingerprints = await fingerprintAssets(process.cwd());
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    await writeCleanImages(process.cwd(), directories.output);
    await writeFingerprinted(process.cwd(), directories.output, fingerprints);
  });
  /** `{{ "/assets/css/site.css" | assetUrl }}` → the hashed name of that file. */
  eleventyConfig.addFilter("assetUrl", (sitePath: string) => {
    const hashed = fingerprints.get(sitePath);
    if (!hashed) throw new Error(`assetUrl: ${sitePath} is not a stylesheet or script under assets/`);
    return hashed;
  });
}
