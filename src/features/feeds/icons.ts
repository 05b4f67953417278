// The feeds' icons: PNG renderings of the site's SVG icon, which many feed readers cannot show.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { memoizeAssetWork } from "../assets/asset-cache.ts";
import { loadSharp } from "../assets/clean-images.ts";

/** The site's icon, in the project. */
const SOURCE = "assets/img/icon.svg";

export interface FeedIcon {
  url: string;
  /** Width and height, in pixels. */
  size: number;
}

/** Atom `<icon>`, RSS `<image>` and JSON Feed `favicon` (small), JSON Feed `icon` (512 × 512, as the spec asks). */
export const FEED_ICONS = {
  small: { url: "/assets/img/feed-icon-64.png", size: 64 },
  large: { url: "/assets/img/feed-icon-512.png", size: 512 },
} as const satisfies Record<string, FeedIcon>;

/** Renders the icons from the SVG into the build's output folder. */
export async function renderFeedIcons(inputDir: string, outputDir: string): Promise<void> {
  const svg = await readFile(path.resolve(inputDir, SOURCE));
  await Promise.all(
    Object.values(FEED_ICONS).map(async ({ url, size }) => {
      const target = path.join(path.resolve(outputDir), url);
      // Rendered at the target size (not scaled from a small bitmap), so the large icon stays sharp.
      const icon = await memoizeAssetWork(`feed-icon-${size}`, svg, async () => (await loadSharp())(svg, { density: 72 * (size / 64) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true }));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, icon.data);
    }),
  );
}
