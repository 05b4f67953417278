// Eleventy plugin: publishes the regular files of assets/ (pictures, SVGs and PDFs cleaned of their metadata, the rest as
// it is) and content-hashed copies of CSS and JS for long caching. Links and devices stop the build; dotfiles are skipped.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy/UserConfig";
import { mapWithConcurrency } from "../../core/build/concurrency.ts";
import { ContentError, type Problem, formatProblem } from "../../core/content/problems.ts";
import { ASSETS, AssetError, type AssetFile, assetProblem, listAssets } from "./asset-files.ts";
import { type Fingerprints, fingerprintedUrl, isFingerprinted } from "./fingerprint.ts";
import { publishedAsset } from "./published-asset.ts";

/** Pictures are decoded in memory: a few at a time keeps a folder of large photos from filling it. */
const CONCURRENT_ASSETS = 4;

/** The published bytes of each file, or the problem that keeps it from being published. */
async function publishAll(root: string, files: AssetFile[]): Promise<{ published: Map<AssetFile, Buffer>; problems: Problem[] }> {
  const published = new Map<AssetFile, Buffer>();
  const problems: Problem[] = [];
  await mapWithConcurrency(files, CONCURRENT_ASSETS, async (file) => {
    try {
      published.set(file, await publishedAsset(root, file.path));
    } catch (error) {
      problems.push(error instanceof AssetError ? error.problem : assetProblem(file.path, (error as Error).message));
    }
  });
  return { published, problems };
}

function throwOnErrors(problems: Problem[]): void {
  for (const warning of problems.filter((p) => p.severity === "warning")) console.warn(`[tract] warning: ${formatProblem(warning)}`);
  if (problems.some((p) => p.severity === "error")) throw new ContentError(problems.sort((a, b) => a.file.localeCompare(b.file)));
}

async function writeOutput(outputDir: string, url: string, data: Buffer): Promise<void> {
  const target = path.join(outputDir, url);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addWatchTarget(`./${ASSETS}/`);
  let published = new Map<AssetFile, Buffer>();
  let fingerprints: Fingerprints = new Map();
  // Listed, cleaned and hashed again at each build (from the cache when unchanged), so a stylesheet edited during
  // `npm start` gets a new name; before any page renders, so that a bad file stops the build at once.
  eleventyConfig.on("eleventy.before", async () => {
    const listing = await listAssets(process.cwd());
    const result = await publishAll(process.cwd(), listing.files);
    throwOnErrors([...listing.problems, ...result.problems]);
    published = result.published;
    fingerprints = new Map([...published].filter(([file]) => isFingerprinted(file.url)).map(([file, data]) => [file.url, { url: fingerprintedUrl(file.url, data), data }]));
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    for (const [file, data] of published) await writeOutput(directories.output, file.url, data);
    for (const hashed of fingerprints.values()) await writeOutput(directories.output, hashed.url, hashed.data);
  });
  /** `{{ "/assets/css/site.css" | assetUrl }}` → the hashed name of that file. */
  eleventyConfig.addFilter("assetUrl", (sitePath: string) => {
    const hashed = fingerprints.get(sitePath);
    if (!hashed) throw new Error(`assetUrl: ${sitePath} is not a stylesheet or script under assets/`);
    return hashed.url;
  });
}
