// The one writer of every output: paths checked, content produced, finished (production) and written into one folder, each file recorded.
import { createHash } from "node:crypto";
import { linkSync, lstatSync, mkdirSync } from "node:fs";
import { lstat, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import { HeapWatch } from "../build/memory.ts";
import type { Finisher, Variant } from "./finish.ts";
import type { ManifestFile } from "./manifest.ts";
import { type Derivation, type Output, isCompressible, isHtml } from "./output.ts";
import { derivedOutputs, handOver, readersOf } from "./derivations.ts";
import { describeOrigin, planOutputs } from "./paths.ts";
import { BuildError } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";

/** Outputs produced and written at a time: every core and the disk stay busy while memory stays bounded. */
const IN_FLIGHT = 32;

/** A file of the last release, and how it was on disk when written: a file edited since is not reused. */
export interface PreviousFile extends ManifestFile {
  stamp?: { ino: number; mtimeMs: number } | undefined;
}

/** The last release: its folder, and what each of its files was made from (by address). */
export interface PreviousRelease {
  dir: string;
  files: Map<string, PreviousFile>;
}

export interface WriteOptions {
  /** Production: files minified and compressed. Without it (the preview), files are written as produced. */
  finisher?: Finisher | undefined;
  /** The last release: a file made from the same inputs, or holding the same content, is linked from it. */
  previous?: PreviousRelease | undefined;
  /** The preview: what each file was made from and held when last written there, so that an unchanged one is left as it is. */
  preview?: Map<string, { inputs?: string | undefined; key: string }> | undefined;
  /** The key of what an output is made from (its inputs and the build's environment); undefined: it is always made. */
  inputsOf?: ((output: Output) => string | undefined) | undefined;
  /** Files made from other outputs' content (a search index from the pages), written after them: see Derivation. */
  derivations?: readonly Derivation[] | undefined;
}

export interface WrittenFile extends ManifestFile {
  stamp: { ino: number; mtimeMs: number };
  /** Linked from the last release (or left in place in the preview) rather than written. */
  reused: boolean;
  /** Made at this build (produced), rather than known unchanged from its inputs. */
  made: boolean;
}

type Stamp = WrittenFile["stamp"];

/** A file's status, or undefined when there is none. */
function statusOf(file: string) {
  return lstatSync(file, { throwIfNoEntry: false });
}

/**
 * Links the last release's file and its compressed copies into the new release, if that build's files are still as
 * it wrote them (a file edited since is not reused), and returns their stamp. Synchronous on purpose: at thousands of
 * unchanged files, these few system calls each cost less than a round trip through libuv's thread pool.
 */
function reuse(
  target: string,
  relative: string,
  previous: { dir: string },
  entry: PreviousFile,
  folderFor: (file: string) => void,
): Stamp | undefined {
  const source = path.join(previous.dir, relative);
  const status = statusOf(source);
  const unchanged =
    status &&
    status.isFile() &&
    entry.stamp &&
    status.ino === entry.stamp.ino &&
    status.mtimeMs === entry.stamp.mtimeMs &&
    status.size === entry.sizes[""];
  if (!status || !unchanged) return undefined;
  const variants = Object.keys(entry.sizes).filter((variant) => variant !== "");
  for (const variant of variants) {
    const copy = statusOf(source + variant);
    if (!copy?.isFile() || copy.size !== entry.sizes[variant]) return undefined;
  }
  folderFor(target);
  for (const variant of ["", ...variants]) linkSync(source + variant, target + variant);
  // A hard link is the same file: the same inode and modification time.
  return { ino: status.ino, mtimeMs: status.mtimeMs };
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

/** The record of a file left as it was: linked from the last release, or, in the preview, left where it was written. */
function kept(
  recorded: Omit<ManifestFile, "sizes">,
  sizes: Record<string, number>,
  stamp: Stamp,
  made: boolean,
): WrittenFile {
  return { ...recorded, sizes, stamp, reused: true, made };
}

async function stampOf(file: string): Promise<Stamp> {
  const status = await lstat(file);
  return { ino: status.ino, mtimeMs: status.mtimeMs };
}

/** In the preview: whether the file is still there as it was written. */
async function inPlace(target: string, size: number | undefined): Promise<boolean> {
  const status = await lstat(target).catch(() => undefined);
  return Boolean(status?.isFile() && (size === undefined || status.size === size));
}

async function produce(output: Output): Promise<Buffer> {
  let produced: string | Uint8Array;
  try {
    produced = await output.produce();
  } catch (error) {
    throw new BuildError(
      msg`${describeOrigin(output.origin)}: ${output.url} could not be made: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return typeof produced === "string"
    ? Buffer.from(produced)
    : Buffer.from(produced.buffer, produced.byteOffset, produced.byteLength);
}

/** One writing into `dir`: each folder made once, memory watched, every output linked or produced, finished and recorded. */
class FolderWriter {
  private readonly folders = new Map<string, Promise<unknown>>();
  /** The folders made for linked files, synchronously like the links (see reuse). */
  private readonly linkFolders = new Set<string>();
  private readonly heap = new HeapWatch();

  constructor(
    private readonly dir: string,
    private readonly options: WriteOptions,
  ) {}

  private folderFor(file: string): Promise<unknown> {
    const folder = path.dirname(file);
    let made = this.folders.get(folder);
    if (!made) this.folders.set(folder, (made = mkdir(folder, { recursive: true, mode: 0o755 })));
    return made;
  }

  private readonly linkFolderFor = (file: string): void => {
    const folder = path.dirname(file);
    if (this.linkFolders.has(folder)) return;
    mkdirSync(folder, { recursive: true, mode: 0o755 });
    this.linkFolders.add(folder);
  };

  /** Writes `files` (output → path), handing each to the derivations that read it (`readers`) once it is written. */
  writeAll(files: Map<Output, string>, readers = new Map<Output, Derivation[]>()): Promise<WrittenFile[]> {
    return pMap(
      [...files],
      async ([output, relative]) => {
        const written = await this.writeOne(output, relative);
        const reading = readers.get(output);
        if (reading) await handOver(reading, output, written.key, path.join(this.dir, relative));
        return written;
      },
      { concurrency: IN_FLIGHT },
    );
  }

  private async writeOne(output: Output, relative: string): Promise<WrittenFile> {
    const { options } = this;
    this.heap.collectIfGrown();
    const target = path.join(this.dir, relative);
    const inputs = options.inputsOf?.(output);
    const previous = options.previous?.files.get(output.url);
    const previousRelease = options.previous;
    const sameFile = previous?.file === relative;
    const base = { url: output.url, file: relative, type: output.type, origin: output.origin, inputs };
    if (inputs && previous && previousRelease && sameFile && previous.inputs === inputs) {
      const stamp = reuse(target, relative, previousRelease, previous, this.linkFolderFor);
      if (stamp) return kept({ ...base, key: previous.key }, previous.sizes, stamp, false);
    }
    const written = options.preview?.get(target);
    if (inputs && written?.inputs === inputs && (await inPlace(target, undefined))) {
      return kept({ ...base, key: written.key }, { "": (await lstat(target)).size }, await stampOf(target), false);
    }
    const content = await produce(output);
    await this.folderFor(target);
    const finishOptions = { html: isHtml(output.type), compressible: output.compress ?? isCompressible(output.type) };
    const key = options.finisher ? options.finisher.keyOf(content, finishOptions) : sha1(content);
    const recorded = { ...base, key };
    const stamp =
      previous && previousRelease && sameFile && previous.key === key
        ? reuse(target, relative, previousRelease, previous, this.linkFolderFor)
        : undefined;
    if (stamp) return kept(recorded, previous!.sizes, stamp, true);
    if (written?.key === key && (await inPlace(target, content.length))) {
      options.preview?.set(target, { inputs, key });
      return kept(recorded, { "": content.length }, await stampOf(target), true);
    }
    const forms: [Variant, Buffer][] = options.finisher
      ? (await options.finisher.finish(content, finishOptions, key)).forms
      : [["", content]];
    await Promise.all(forms.map(([variant, data]) => write(target + variant, data)));
    options.preview?.set(target, { inputs, key });
    return {
      ...recorded,
      sizes: Object.fromEntries(forms.map(([variant, data]) => [variant, data.length])),
      stamp: await stampOf(target),
      reused: false,
      made: true,
    };
  }
}

/** Both settled, then the first failure thrown: nothing is still writing into the folder when the build gives up. */
async function bothSettled<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return [a.value, b.value];
}

/**
 * Writes every output into `dir` (a fresh release folder, or the preview's folder) and returns what it wrote, in the
 * order of `outputs`. An output whose inputs are those of the last release's file is not made at all: the file is
 * linked (or, in the preview, left). The outputs the derivations read are written first; the derivations then make
 * their files (the search index, in Pagefind's own process) while the other outputs are written, and those files'
 * addresses are checked against every other output's.
 */
export async function writeOutputs(
  outputs: readonly Output[],
  dir: string,
  options: WriteOptions = {},
): Promise<WrittenFile[]> {
  const derivations = options.derivations ?? [];
  const writer = new FolderWriter(dir, options);
  const planned = planOutputs(outputs);
  if (derivations.length === 0) return writer.writeAll(planned);
  const readers = readersOf(planned.keys(), derivations);
  const [read, others] = [new Map<Output, string>(), new Map<Output, string>()];
  for (const [output, file] of planned) (readers.has(output) ? read : others).set(output, file);
  const written = new Map<Output, WrittenFile>();
  const record = (files: Map<Output, string>) => (done: WrittenFile[]) =>
    [...files.keys()].forEach((output, index) => written.set(output, done[index]!));
  record(read)(await writer.writeAll(read, readers));
  const [, derived] = await bothSettled(writer.writeAll(others).then(record(others)), derivedOutputs(derivations));
  const files = planOutputs([...outputs, ...derived]);
  const derivedFiles = new Map(derived.map((output) => [output, files.get(output)!]));
  const derivedWritten = await writer.writeAll(derivedFiles);
  return [...[...planned.keys()].map((output) => written.get(output)!), ...derivedWritten];
}
