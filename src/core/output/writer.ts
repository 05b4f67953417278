// The one writer of every output: paths checked, content produced, finished (production) and written into one folder, each file recorded.
import { createHash } from "node:crypto";
import { link, lstat, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import { HeapWatch } from "../build/memory.ts";
import type { Finisher, Variant } from "./finish.ts";
import type { ManifestFile } from "./manifest.ts";
import { type Output, isCompressible, isHtml } from "./output.ts";
import { describeOrigin, planOutputs } from "./paths.ts";
import { BuildError } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";

/** Outputs produced and written at a time: every core and the disk stay busy while memory stays bounded. */
const IN_FLIGHT = 32;

/** A file of the last release, and how it was on disk when written: a file edited since is not reused. */
export interface PreviousFile extends ManifestFile {
  stamp?: { ino: number; mtimeMs: number } | undefined;
}

export interface WriteOptions {
  /** Production: files minified and compressed. Without it (the preview), files are written as produced. */
  finisher?: Finisher | undefined;
  /** The last release: a file whose content key is unchanged is linked from it instead of written again. */
  previous?: { dir: string; files: Map<string, PreviousFile> } | undefined;
  /** The preview: the key of what each file held when last written, so that an unchanged file is not written again (nor reloaded). */
  written?: Map<string, string> | undefined;
}

export interface WrittenFile extends ManifestFile {
  stamp: { ino: number; mtimeMs: number };
  /** Linked from the last release rather than written. */
  reused: boolean;
}

/** Whether a file of the last release is still as that build wrote it. */
async function unchangedOnDisk(file: string, previous: PreviousFile): Promise<boolean> {
  const status = await lstat(file).catch(() => undefined);
  return Boolean(
    status?.isFile() &&
    previous.stamp &&
    status.ino === previous.stamp.ino &&
    status.mtimeMs === previous.stamp.mtimeMs &&
    status.size === previous.sizes[""],
  );
}

async function reuse(
  target: string,
  relative: string,
  previous: { dir: string },
  entry: PreviousFile,
): Promise<boolean> {
  const source = path.join(previous.dir, relative);
  if (!(await unchangedOnDisk(source, entry))) return false;
  const variants = Object.keys(entry.sizes).filter((variant) => variant !== "");
  for (const variant of variants) {
    const status = await lstat(source + variant).catch(() => undefined);
    if (!status?.isFile() || status.size !== entry.sizes[variant]) return false;
  }
  for (const variant of ["", ...variants]) await link(source + variant, target + variant);
  return true;
}

async function write(file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(file, data, { mode: 0o644 });
  } catch (error) {
    throw new BuildError(msg`${file} could not be written: ${(error as Error).message}`, { cause: error });
  }
}

function sha1(data: Uint8Array): string {
  return createHash("sha1").update(data).digest("base64");
}

/** Writes every output into `dir` (a fresh release folder, or the preview's folder) and returns what it wrote. */
export async function writeOutputs(
  outputs: readonly Output[],
  dir: string,
  options: WriteOptions = {},
): Promise<WrittenFile[]> {
  const files = planOutputs(outputs);
  const folders = new Map<string, Promise<unknown>>();
  const folderFor = (file: string) => {
    const folder = path.dirname(file);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true, mode: 0o755 })));
    return made;
  };
  const heap = new HeapWatch();
  return pMap(
    [...files],
    async ([output, relative]): Promise<WrittenFile> => {
      heap.collectIfGrown();
      const target = path.join(dir, relative);
      let produced: string | Uint8Array;
      try {
        produced = await output.produce();
      } catch (error) {
        throw new Error(
          `${String(describeOrigin(output.origin))}: ${output.url} could not be made: ${(error as Error).message}`,
          { cause: error },
        );
      }
      const content =
        typeof produced === "string"
          ? Buffer.from(produced)
          : Buffer.from(produced.buffer, produced.byteOffset, produced.byteLength);
      await folderFor(target);
      const finishOptions = { html: isHtml(output.type), compressible: output.compress ?? isCompressible(output.type) };
      const key = options.finisher ? options.finisher.keyOf(content, finishOptions) : sha1(content);
      const recorded = { url: output.url, file: relative, type: output.type, origin: output.origin, key };
      const previous = options.previous?.files.get(output.url);
      if (
        options.previous &&
        previous?.key === key &&
        previous.file === relative &&
        (await reuse(target, relative, options.previous, previous))
      ) {
        const status = await lstat(target);
        return {
          ...recorded,
          sizes: previous.sizes,
          stamp: { ino: status.ino, mtimeMs: status.mtimeMs },
          reused: true,
        };
      }
      let forms: [Variant, Buffer][] = [["", content]];
      if (options.finisher) forms = (await options.finisher.finish(content, finishOptions)).forms;
      if (options.written?.get(target) === key) {
        const status = await lstat(target).catch(() => undefined);
        if (status?.isFile() && status.size === content.length)
          return {
            ...recorded,
            sizes: { "": content.length },
            stamp: { ino: status.ino, mtimeMs: status.mtimeMs },
            reused: true,
          };
      }
      await Promise.all(forms.map(([variant, data]) => write(target + variant, data)));
      options.written?.set(target, key);
      const status = await lstat(target);
      return {
        ...recorded,
        sizes: Object.fromEntries(forms.map(([variant, data]) => [variant, data.length])),
        stamp: { ino: status.ino, mtimeMs: status.mtimeMs },
        reused: false,
      };
    },
    { concurrency: IN_FLIGHT },
  );
}
