// The site's own files under assets/: regular files only, pictures, SVGs and PDFs cleaned of their metadata, and content-hashed copies of CSS and JS.
import pMap from "p-map";
import { msg } from "../../core/i18n/message.ts";
import { defineFeature } from "../../core/feature.ts";
import { ASSETS, AssetError, type AssetFile, assetProblem, listAssets } from "../../core/media/asset-files.ts";
import { publishedAsset } from "../../core/media/published-asset.ts";
import type { Output } from "../../core/output/output.ts";
import { modelFrom } from "../../core/render/filters.ts";
import { Slot } from "../../core/slots.ts";
import mime from "mime-types";
import { identityStylesheet } from "../../core/model/identity.ts";
import { type Fingerprints, fingerprintedUrl, isFingerprinted } from "./fingerprint.ts";

/** The stylesheet made from _data/site.yaml's accent (base.njk links it after site.css). */
const IDENTITY_STYLESHEET = "/assets/css/identity.css";

/** Pictures are decoded in memory: a few at a time keeps a folder of large photos from filling it. */
const CONCURRENT_ASSETS = 4;

/** On the model: each stylesheet's and script's hashed address. */
const FINGERPRINTS = new Slot<Fingerprints>("assets");

function typeOf(url: string): string {
  return mime.lookup(url) || "application/octet-stream";
}

export default defineFeature<{ files: AssetFile[]; fingerprints: Fingerprints }>({
  name: "assets",
  watch: [ASSETS],
  // Every file is cleaned (or read from the cache) as the content is loaded: a bad one stops the build before any page, with every problem at once.
  async load(context, _content, problems) {
    const listing = await listAssets(context.root);
    problems.push(...listing.problems);
    const fingerprints: Fingerprints = new Map();
    const files: AssetFile[] = [];
    await pMap(
      listing.files,
      async (file) => {
        try {
          const data = await publishedAsset(context.root, file.path, context.media);
          files.push(file);
          if (isFingerprinted(file.url)) fingerprints.set(file.url, { url: fingerprintedUrl(file.url, data), data });
        } catch (error) {
          problems.push(error instanceof AssetError ? error.problem : assetProblem(file.path, msg`${(error as Error).message}`));
        }
      },
      { concurrency: CONCURRENT_ASSETS },
    );
    // In a fixed order, not the order the files finished in: every page's recorded inputs count these addresses.
    const sorted: Fingerprints = new Map([...fingerprints].sort(([a], [b]) => a.localeCompare(b)));
    return { files: files.sort((a, b) => a.path.localeCompare(b.path)), fingerprints: sorted };
  },
  link(model, data) {
    const identity = Buffer.from(identityStylesheet(model.identity));
    FINGERPRINTS.set(
      model,
      new Map([
        ...data.fingerprints,
        [IDENTITY_STYLESHEET, { url: fingerprintedUrl(IDENTITY_STYLESHEET, identity), data: identity }],
      ]),
    );
  },
  filters: {
    /** `{{ "/assets/css/site.css" | assetUrl }}`: the hashed address of that file. */
    assetUrl(sitePath: string) {
      const hashed = FINGERPRINTS.get(modelFrom(this))?.get(sitePath);
      if (!hashed) throw new Error(`assetUrl: ${sitePath} is not a stylesheet or script under assets/`);
      return hashed.url;
    },
  },
  outputs(model, context, _templates, { files }) {
    const fingerprints = FINGERPRINTS.require(model);
    const origin = (file: string) => ({ feature: "assets", file });
    return [
      // Pictures are published re-encoded, never as they are: they carry places, cameras and names.
      ...files.map((file): Output => ({ url: file.url, type: typeOf(file.url), origin: origin(file.path), produce: () => publishedAsset(context.root, file.path, context.media) })),
      ...[...fingerprints].map(([source, hashed]): Output => ({ url: hashed.url, type: typeOf(hashed.url), origin: origin(source === IDENTITY_STYLESHEET ? "_data/site.yaml" : source.slice(1)), produce: () => hashed.data })),
    ];
  },
});

