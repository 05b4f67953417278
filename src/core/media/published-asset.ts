// The bytes the site publishes for one file of assets/: pictures, SVGs and PDFs cleaned of their metadata, the rest as it is.
import { AssetError, assetProblem, readAssetFile } from "./asset-files.ts";
import { assetKind } from "./asset-kind.ts";
import type { MediaWork } from "./asset-cache.ts";
import { cleanPicture } from "./clean-images.ts";
import { cleanPdf } from "./clean-pdf.ts";
import { BuildError } from "../content/problems.ts";

/** `file` is relative to the project root (`assets/press/brochure.pdf`); errors are AssetErrors naming it. */
export async function publishedAsset(root: string, file: string, media: MediaWork): Promise<Buffer> {
  const data = await readAssetFile(root, file);
  const kind = await assetKind(file, data);
  switch (kind.type) {
    case "raster":
    case "svg":
      return (await cleanPicture(file, data, kind, media)).data;
    case "pdf":
      try {
        return (await media.remember("clean-pdf", data, async () => ({ data: await cleanPdf(data) }))).data;
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        throw new AssetError(assetProblem(file, error.text));
      }
    case "refused":
      throw new AssetError(assetProblem(file, kind.message));
    case "copy":
      return data;
  }
}
