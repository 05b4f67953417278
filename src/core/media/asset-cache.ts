// Work on media files (cleaned pictures, SVGs and PDFs, renditions, thumbnails, icons), kept by content and code version, on disk and for the session.
import { createHash } from "node:crypto";
import type { BuildSession } from "../build/build-memo.ts";
import { type CacheStore, type ContentCache, codeVersion } from "../build/cache.ts";

/** The libraries and modules whose code decides what the cleaning gives: changing them makes every stored result stale. */
const MEDIA_VERSION = codeVersion(
  ["sharp", "svgo", "pdf-lib", "file-type"],
  ["./clean-images.ts", "./clean-svg.ts", "./clean-pdf.ts", "./asset-kind.ts"].map(
    (module) => new URL(module, import.meta.url),
  ),
);

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

/**
 * The media work of one build context: each piece of work, by what it is and the bytes it starts from, is done once
 * per session (the press room, the asset copy and the preview's rebuilds share it) and stored for later builds.
 */
export class MediaWork {
  private readonly store: ContentCache;

  constructor(
    cache: CacheStore,
    private readonly session: BuildSession,
  ) {
    this.store = cache.namespace("media", MEDIA_VERSION);
  }

  /** `version` names the caller's own code and options (a thumbnail's module), so changing them makes its results stale. */
  remember<T extends { data: Buffer }>(work: string, data: Buffer, run: () => Promise<T>, version = ""): Promise<T> {
    const key = `${work}|${version}|${createHash("sha256").update(data).digest("hex")}`;
    return this.session
      .memo<string, Promise<T>>("media")
      .get(key, () =>
        this.store.remember(this.store.key(key), async () => pack(await run())).then((file) => unpack<T>(file)),
      );
  }
}
