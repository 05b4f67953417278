// The site's own files under assets/: stylesheets and fonts as they are (and content-hashed copies of CSS and JS), every picture cleaned of its metadata.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import mime from "mime-types";
import { defineFeature } from "../../core/feature.ts";
import { projectPath } from "../../core/content/data-files.ts";
import type { Output } from "../../core/output/output.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { Slot } from "../../core/slots.ts";
import { cleanImage, isImageFile } from "./clean-images.ts";
import { type Fingerprints, fingerprintAssets } from "./fingerprint.ts";

const ASSETS = "assets";

/** On the model: each stylesheet's and script's hashed address. */
const FINGERPRINTS = new Slot<Fingerprints>("assets");

/** Every file under assets/, as paths relative to the project root. */
async function assetFiles(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, ASSETS), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => projectPath(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

function typeOf(file: string): string {
  return mime.lookup(file) || "application/octet-stream";
}

export default defineFeature<{ files: string[]; fingerprints: Fingerprints }>({
  name: "assets",
  watch: [ASSETS],
  load: async (context) => ({ files: await assetFiles(context.root), fingerprints: await fingerprintAssets(context.root) }),
  link: (model, data) => FINGERPRINTS.set(model, data.fingerprints),
  filters: {
    /** `{{ "/assets/css/site.css" | assetUrl }}`: the hashed address of that file. */
    assetUrl(sitePath: string) {
      const hashed = FINGERPRINTS.get(modelFrom(this))?.get(sitePath);
      if (!hashed) throw new Error(`assetUrl: ${sitePath} is not a stylesheet or script under assets/`);
      return hashed;
    },
  },
  outputs(_model, context, _templates, { files, fingerprints }) {
    const assets = files.map((file): Output => ({
      url: `/${file}`,
      type: typeOf(file),
      origin: { feature: "assets", file },
      // Pictures are published re-encoded, never as they are: they carry places, cameras and names.
      produce: async () => (isImageFile(file) ? (await cleanImage(path.join(context.root, file))).data : readFile(path.join(context.root, file))),
    }));
    const hashed = [...fingerprints].map(([source, url]): Output => ({ url, type: typeOf(url), origin: { feature: "assets", file: source.slice(1) }, produce: () => readFile(path.join(context.root, source)) }));
    return [...assets, ...hashed];
  },
});
