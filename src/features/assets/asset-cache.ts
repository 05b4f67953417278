// Work on assets (cleaned pictures, SVGs and PDFs, renditions, thumbnails, feed icons), kept by content and code version.
import { createHash } from "node:crypto";
import { ContentCache, codeVersion } from "../../core/build/cache.ts";

/** Work on assets, by what it is and the bytes it starts from: the same file is processed once per process (watch rebuilds, the press room and the asset copy share it). */
const cache = new Map<string, Promise<unknown>>();

/** The libraries and modules whose code decides what asset work gives: changing them makes every stored result stale. */
const ASSET_LIBRARIES = ["sharp", "svgo", "pdf-lib"];
const ASSET_CODE = ["./clean-images.ts", "./clean-svg.ts", "./clean-pdf.ts", "../press/images.ts", "../feeds/icons.ts"].map((module) => new URL(module, import.meta.url));

/** Results of earlier builds, on disk: re-encoding the press photos took a tenth of a second of every build. */
let stored: ContentCache | undefined;
function storedAssets(): ContentCache {
  return (stored ??= new ContentCache(process.cwd(), "assets", codeVersion(ASSET_LIBRARIES, ASSET_CODE)));
}

/** A result as one file: the length of a JSON header (everything but the bytes), the header, the bytes. */
function pack({ data, ...fields }: { data: Buffer }): Buffer {
  const header = Buffer.from(JSON.stringify(fields));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, data]);
}

function unpack<T>(file: Buffer): T {
  const headerEnd = 4 + file.readUInt32BE(0);
  return { ...JSON.parse(file.subarray(4, headerEnd).toString("utf8")), data: file.subarray(headerEnd) } as T;
}

export function memoizeAssetWork<T extends { data: Buffer }>(work: string, data: Buffer, run: () => Promise<T>): Promise<T> {
  const key = `${work}|${createHash("sha256").update(data).digest("hex")}`;
  let result = cache.get(key) as Promise<T> | undefined;
  if (!result) {
    const store = storedAssets();
    result = store.remember(store.key(key), async () => pack(await run())).then((file) => unpack<T>(file));
    cache.set(key, result);
    result.catch(() => cache.delete(key));
  }
  return result;
}
