// The one writer of every output: paths checked, content produced, finished (production) and written into one folder, each file recorded.
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, writeFileSync } from "node:fs";
import { lstat } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";
import { HeapWatch } from "../build/memory.ts";
import type { Finisher, Variant } from "./finish.ts";
import type { ManifestFile } from "./manifest.ts";
import { type Derivation, type Output, isCompressible, isHtml } from "./output.ts";
import { handOver, writeWithDerivations } from "./derivations.ts";
import { Linker, type Stamp } from "./linker.ts";
import { describeOrigin, planOutputs } from "./paths.ts";
import { BuildError } from "../content/problems.ts";
import { msg } from "../i18n/message.ts";

/** Outputs produced and written at a time: every core and the disk stay busy while memory stays bounded. */
const IN_FLIGHT = 32;

/** A file of the last release, and how it was on disk when written: a file edited since is not reused. */
export interface PreviousFile extends ManifestFile {
  stamp?: Stamp | undefined;
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
  stamp: Stamp;
  /** Linked from the last release (or left in place in the preview) rather than written. */
  reused: boolean;
  /** Made at this build (produced), rather than known unchanged from its inputs. */
  made: boolean;
}

/**
 * Written synchronously, as the stamps are read: most files are a few kilobytes, and a write through libuv's thread
 * pool (open, write, close, each a promise) cost the main thread more than writing them itself.
 */
function write(file: string, data: Uint8Array): void {
  try {
    writeFileSync(file, data, { mode: 0o644 });
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

function stampOf(file: string): Stamp {
  const status = lstatSync(file);
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

/** An output to write, where, what it is made from, its file in the last release, and that file's link if asked for. */
interface Planned {
  output: Output;
  relative: string;
  target: string;
  inputs: string | undefined;
  previous: PreviousFile | undefined;
  link: Promise<Stamp | undefined> | undefined;
}

/** One writing into `dir`: each folder made once, memory watched, every output linked or produced, finished and recorded. */
class FolderWriter {
  private readonly folders = new Set<string>();
  private readonly heap = new HeapWatch();
  readonly linker = new Linker();

  constructor(
    private readonly dir: string,
    private readonly options: WriteOptions,
  ) {}

  private folderFor(file: string): void {
    const folder = path.dirname(file);
    if (this.folders.has(folder)) return;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o755 });
    } catch (error) {
      throw new BuildError(msg`the folder ${folder} could not be made: ${(error as Error).message}`, { cause: error });
    }
    this.folders.add(folder);
  }

  /** Links the last release's file and its compressed copies here, if they are as that build wrote them: their stamp. */
  private reuse(target: string, entry: PreviousFile): Promise<Stamp | undefined> {
    const previous = this.options.previous;
    if (!previous || !entry.stamp) return Promise.resolve(undefined);
    const link = this.linker.link({
      source: path.join(previous.dir, entry.file),
      target,
      stamp: entry.stamp,
      sizes: entry.sizes,
    });
    // Awaited by the output's writing; a build that stops first must not leave it unhandled.
    link.catch(() => undefined);
    return link;
  }

  /**
   * What an output is made from, and its file in the last release at the same path; when that file was made from the
   * same inputs, its link is asked for at once.
   */
  private plan(output: Output, relative: string): Planned {
    // Computing the inputs of thousands of outputs in one go makes garbage as fast as writing them does.
    this.heap.collectIfGrown();
    const inputs = this.options.inputsOf?.(output);
    const entry = this.options.previous?.files.get(output.url);
    const previous = entry?.file === relative ? entry : undefined;
    const target = path.join(this.dir, relative);
    const link = inputs && previous?.inputs === inputs ? this.reuse(target, previous) : undefined;
    return { output, relative, target, inputs, previous, link };
  }

  /**
   * Writes `files` (output → path), handing each to the derivations that read it (`readers`) once it is written.
   * Every output's inputs come first, each unchanged file's link asked for as soon as they are known: the linking
   * thread makes the links while the next inputs are computed and the changed outputs made.
   */
  writeAll(files: Map<Output, string>, readers = new Map<Output, Derivation[]>()): Promise<WrittenFile[]> {
    const plans = [...files].map(([output, relative]) => this.plan(output, relative));
    return pMap(
      plans,
      async (plan) => {
        const written = await this.writeOne(plan);
        const reading = readers.get(plan.output);
        if (reading) await handOver(reading, plan.output, written.key, plan.target);
        return written;
      },
      { concurrency: IN_FLIGHT },
    );
  }

  private async writeOne({ output, relative, target, inputs, previous, link }: Planned): Promise<WrittenFile> {
    const { options } = this;
    this.heap.collectIfGrown();
    const base = { url: output.url, file: relative, type: output.type, origin: output.origin, inputs };
    const linked = await link;
    if (linked && previous) return kept({ ...base, key: previous.key }, previous.sizes, linked, false);
    const written = options.preview?.get(target);
    if (inputs && written?.inputs === inputs && (await inPlace(target, undefined))) {
      return kept({ ...base, key: written.key }, { "": lstatSync(target).size }, stampOf(target), false);
    }
    const content = await produce(output);
    this.folderFor(target);
    const finishOptions = { html: isHtml(output.type), compressible: output.compress ?? isCompressible(output.type) };
    const key = options.finisher ? options.finisher.keyOf(content, finishOptions) : sha1(content);
    const recorded = { ...base, key };
    const stamp = previous?.key === key ? await this.reuse(target, previous) : undefined;
    if (stamp) return kept(recorded, previous!.sizes, stamp, true);
    if (written?.key === key && (await inPlace(target, content.length))) {
      options.preview?.set(target, { inputs, key });
      return kept(recorded, { "": content.length }, stampOf(target), true);
    }
    const forms: [Variant, Buffer][] = options.finisher
      ? (await options.finisher.finish(content, finishOptions, key)).forms
      : [["", content]];
    for (const [variant, data] of forms) write(target + variant, data);
    options.preview?.set(target, { inputs, key });
    return {
      ...recorded,
      sizes: Object.fromEntries(forms.map(([variant, data]) => [variant, data.length])),
      stamp: stampOf(target),
      reused: false,
      made: true,
    };
  }
}

/**
 * Writes every output into `dir` (a fresh release folder, or the preview's folder) and returns what it wrote, in the
 * order of `outputs`, then the derivations' files (see writeWithDerivations). An output whose inputs are those of the
 * last release's file is not made at all: the file is linked (or, in the preview, left).
 */
export async function writeOutputs(
  outputs: readonly Output[],
  dir: string,
  options: WriteOptions = {},
): Promise<WrittenFile[]> {
  const writer = new FolderWriter(dir, options);
  const planned = planOutputs(outputs);
  const derivations = options.derivations ?? [];
  try {
    return await (derivations.length
      ? writeWithDerivations(planned, derivations, (files, readers) => writer.writeAll(files, readers))
      : writer.writeAll(planned));
  } finally {
    await writer.linker.close();
  }
}
