// The record of a written site: every file with its address, type, size and content key, and what the build was made from.
import { readFile } from "node:fs/promises";
import type { OutputOrigin } from "./output.ts";

export interface ManifestFile {
  url: string;
  /** Path relative to the release folder, with forward slashes. */
  file: string;
  type: string;
  origin: OutputOrigin;
  /** The finished content's key (see Finisher.keyOf): the same key means the same bytes. */
  key: string;
  /** The key of what it was made from (see InputFingerprints): the same inputs make the same file. */
  inputs?: string | undefined;
  /** Byte size of the file and of each compressed copy written beside it (by extension). */
  sizes: Record<string, number>;
}

export interface Manifest {
  version: 1;
  /** When the build ran (its clock). */
  builtAt: string;
  /** A fingerprint of every source file (paths, sizes, times): a build whose sources and clock change nothing does nothing. */
  sources: string;
  /** What every file depends on besides its own inputs: tract's code, its packages, the templates, settings and strings. */
  environment?: string | undefined;
  /** The next moment the clock changes what the site shows (an embargo ends, an event is over), if any. */
  nextChange?: string | undefined;
  /** How many warnings the build gave: a build that then finds nothing to do says so again. */
  warnings?: number | undefined;
  files: ManifestFile[];
}

export async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
    return manifest.version === 1 && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
