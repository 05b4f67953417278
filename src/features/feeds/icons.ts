// The feeds' icons: PNG renderings of the site's SVG icon, which many feed readers cannot show.
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import { readAssetFile } from "../../core/media/asset-files.ts";
import { loadSharp } from "../../core/media/clean-images.ts";
import type { Output } from "../../core/output/output.ts";

/** The site's icon, in the project. */
const SOURCE = "assets/img/icon.svg";

/** The icons depend on this module's code and on sharp: stored results go stale with either. */
const ICON_VERSION = codeVersion(["sharp"], [new URL(import.meta.url)]);

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

/** The icons, rendered from the SVG at their own size (not scaled from a small bitmap), so the large one stays sharp. */
export function feedIconOutputs(context: BuildContext): Output[] {
  return Object.values(FEED_ICONS).map(({ url, size }) => ({
    url,
    type: "image/png",
    origin: { feature: "feeds", file: SOURCE },
    produce: async () => {
      const svg = await readAssetFile(context.root, SOURCE);
      const render = async () =>
        (await loadSharp())(svg, { density: 72 * (size / 64) })
          .resize(size, size)
          .png({ compressionLevel: 9 })
          .toBuffer({ resolveWithObject: true });
      return (await context.media.remember(`feed-icon-${size}`, svg, render, ICON_VERSION)).data;
    },
  }));
}
