// The pictures of assets/ pages may show: each one's size upright, its format, whether it is transparent or animated, a digest of its address and bytes.
import { createHash } from "node:crypto";
import pMap from "p-map";
import { codeVersion } from "../../core/build/cache.ts";
import type { BuildContext } from "../../core/context.ts";
import { AssetError, listAssets, readAssetFile } from "../../core/media/asset-files.ts";
import { SNIFF_BYTES, assetKind } from "../../core/media/asset-kind.ts";
import { loadSharp, publishedPicture } from "../../core/media/clean-images.ts";

/** What is known of a picture before any rendition is made: enough to plan them and write their markup. */
export interface PictureSource {
  /** `/assets/img/photo.jpg` */
  url: string;
  /** `assets/img/photo.jpg` */
  file: string;
  width: number;
  height: number;
  /** As sharp names it once cleaned: jpeg, png, webp, heif (AVIF), gif, tiff, svg. */
  format: string;
  alpha: boolean;
  animated: boolean;
  /** Of its address and cleaned bytes: rendition addresses hold it, so a changed picture gets new ones, and two copies of a picture do not share theirs. */
  digest: string;
}

/** A few pictures at a time: each is decoded in memory. */
const CONCURRENT_PICTURES = 4;
const TRAITS_VERSION = codeVersion(["sharp"], [new URL(import.meta.url)]);

/** Transparency and animation, read once per cleaned picture and kept with the media work (no decoding on later builds). */
async function traits(
  context: BuildContext,
  data: Buffer,
  format: string,
): Promise<{ alpha: boolean; animated: boolean }> {
  if (format === "svg") return { alpha: true, animated: false };
  const { alpha, animated } = await context.media.remember(
    "picture-traits",
    data,
    async () => {
      const metadata = await (await loadSharp())(data, { animated: true }).metadata();
      return { data: Buffer.alloc(0), alpha: Boolean(metadata.hasAlpha), animated: (metadata.pages ?? 1) > 1 };
    },
    TRAITS_VERSION,
  );
  return { alpha, animated };
}

/**
 * Every picture of assets/, by address. A file the build cannot publish is left out here: the assets feature
 * reports it with the fix, and the build stops there.
 */
export async function pictureSources(context: BuildContext): Promise<Map<string, PictureSource>> {
  const { files } = await listAssets(context.root);
  const found = await pMap(
    files,
    async (asset): Promise<PictureSource | undefined> => {
      try {
        const kind = await assetKind(asset.path, await readAssetFile(context.root, asset.path, SNIFF_BYTES));
        if (kind.type !== "raster" && kind.type !== "svg") return undefined;
        const picture = await publishedPicture(context.root, asset.path, context.media);
        return {
          url: asset.url,
          file: asset.path,
          width: picture.width,
          height: picture.height,
          format: picture.format,
          ...(await traits(context, picture.data, picture.format)),
          digest: createHash("sha256").update(asset.url).update("\0").update(picture.data).digest("hex").slice(0, 10),
        };
      } catch (error) {
        if (error instanceof AssetError) return undefined;
        throw error;
      }
    },
    { concurrency: CONCURRENT_PICTURES },
  );
  return new Map(found.filter((source) => source !== undefined).map((source) => [source.url, source]));
}
